import type { ExportEncoding } from './file-sink.util';

export type RecordKind = 'subjects' | 'cases' | 'officers' | 'clues';

export interface CityOptions {
  enterprises: number;
  years: number;
  seed: number | string;
  outDir: string;
  /** YYYY-MM-DD, default '2026-06-30'; the history covers the `years` before it, every date strictly before it. */
  endDate?: string;
  /** Share of rows that are invalid under the contract (default 0.02). */
  badShare?: number;
  /** Share of records repeated exactly or in another version (default 0.03). */
  repeatShare?: number;
  onProgress?: (done: number, total: number) => void;
}

/** What a correct intake must report for one kind of record, summed over its files in manifest order. */
export interface Expected {
  rows: number;
  valid: number;
  /** Rows that break the contract: they go to quarantine. */
  invalid: number;
  /** Valid rows identical to the version already accepted for their key. */
  duplicates: number;
  /** Valid rows older (by 更新时间 / updated_at) than the version already accepted: they change nothing. */
  staleVersions: number;
  /** Valid rows newer than the version already accepted: they replace it. */
  newerVersions: number;
  /** Unique keys accepted. */
  distinct: number;
}

export interface CityFile {
  path: string;
  kind: RecordKind;
  encoding: ExportEncoding;
  rows: number;
}

export interface CityManifest {
  /** The generator's version (`CITY_GENERATOR_VERSION`): a city kept from an older one is made again. Absent before versions. */
  generator?: number;
  seed: number | string;
  enterprises: number;
  years: number;
  endDate: string;
  /** Data files in the order an intake should read them; later files are later exports. */
  files: CityFile[];
  expected: Record<RecordKind, Expected>;
  /** Hidden truth beside the exports, for evaluating models (not for intake). */
  truth: { enterprises: string; inspections: string; clues: string };
}

export function emptyExpected(): Expected {
  return { rows: 0, valid: 0, invalid: 0, duplicates: 0, staleVersions: 0, newerVersions: 0, distinct: 0 };
}
