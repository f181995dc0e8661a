/**
 * What happened to every record read: the sum of the outcomes always equals `read`. `superseded` is no
 * outcome of a record read but what the stored ones did to others: the open quarantined copies they closed.
 */
export interface IngestCounts {
  read: number;
  inserted: number;
  updated: number;
  duplicate: number;
  stale: number;
  quarantined: number;
  /** Rejected again: the same bad record is already in quarantine. */
  quarantinedAgain: number;
  superseded: number;
}

export function emptyCounts(): IngestCounts {
  return { read: 0, inserted: 0, updated: 0, duplicate: 0, stale: 0, quarantined: 0, quarantinedAgain: 0, superseded: 0 };
}

export function addCounts(into: IngestCounts, more: IngestCounts): IngestCounts {
  for (const key of Object.keys(into) as (keyof IngestCounts)[]) into[key] += more[key];
  return into;
}

export function accountedFor(counts: IngestCounts): boolean {
  const { read, superseded: _superseded, ...outcomes } = counts;
  return Object.values(outcomes).reduce((a, b) => a + b, 0) === read;
}
