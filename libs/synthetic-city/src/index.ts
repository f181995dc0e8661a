export { generateCity, CITY_GENERATOR_VERSION, DEFAULT_END_DATE } from './city.generator';
export type { CityOptions, CityManifest, CityFile, Expected, RecordKind } from './city-options.model';
export type { ExportEncoding } from './file-sink.util';
export { SUBJECT_HEADERS, CASE_HEADERS, OFFICER_HEADERS } from './headers.data';
export { residentIdCheckChar } from './people.util';
