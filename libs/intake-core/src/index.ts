import 'reflect-metadata';

export * from './intake.model';
export { CONTRACT_COLUMNS } from './contract-columns.model';
export type { ContractColumn } from './contract-columns.model';
export { decodeExport, sniffEncoding } from './encoding.util';
export type { ExportEncoding } from './encoding.util';
export { parseContractDate, parseCstDateTime, parseIsoOffsetDateTime, cstDateOf } from './contract-date.util';
export { CLOCK_SKEW_MS } from './contract-rules.decorator';
export { validateRaw, storableText } from './record-validation.util';
export { parseCsvExport, parseCsvStream } from './csv-export.parser';
export type { CsvOutcome } from './csv-row.reader';
export { parseCluesJsonl, parseCluesStream, parseClueLine, parseClueValue } from './clues-jsonl.parser';
export type { ClueOutcome } from './clues-jsonl.parser';
export { normaliseName, normaliseAddress, isSpecificAddress } from './name-normalise.util';
export { ClueLinker } from './clue-linker.util';
export type { ClueLink, LinkableSubject, LinkMethod } from './clue-linker.util';
export { recordFingerprint } from './record-fingerprint.util';
export { rowLayout, rejoinCells, checkJoins, suggestJoins, personalReach, PERSONAL_FIELDS } from './ragged-row.util';
