import type { RecordMaker } from '@tianping/intake-core';

const VISIT_RESULT_SOURCE = 'dispatch:';

/** The source a visit's cases are loaded (and quarantined) under: `dispatch:<visit id>`. */
export function visitResultSource(visitId: string): string {
  return `${VISIT_RESULT_SOURCE}${visitId}`;
}

/**
 * Who made the records of a load, by its source: Tianping for a visit's results, a platform for every
 * export (a file's path, `http`). A replay validates a quarantined record as its maker's again.
 */
export function makerOfSource(source: string): RecordMaker {
  return source.startsWith(VISIT_RESULT_SOURCE) ? 'tianping' : 'platform';
}
