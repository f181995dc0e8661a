/**
 * How long a sign-in must wait after failures spread over many addresses (one name guessed from a
 * botnet) or over many names (one password sprayed from one address). Unlike the lock on one name from
 * one address, this only slows: past the threshold each further attempt must come a while after the
 * latest failure, the while doubling with each failure up to a cap. A guesser gets a few tries a
 * minute; the real user, caught in it, waits seconds, and is never locked out by someone else.
 */
export interface PaceRule {
  /** Failures within the window before any wait is asked. */
  freeFailures: number;
  /** The longest wait between attempts, in seconds. */
  maxDelaySeconds: number;
}

export interface RecentFailures {
  /** Failed attempts (and those still being checked) within the window, this one not included. */
  failures: number;
  /** Seconds since the latest of them, by the database's clock; null when there is none. */
  secondsSinceLatest: number | null;
}

/** Seconds still to wait before this attempt may be checked; 0 when it may go ahead. */
export function paceWaitSeconds(recent: RecentFailures, rule: PaceRule): number {
  const excess = recent.failures - rule.freeFailures;
  if (excess < 0 || recent.secondsSinceLatest === null) return 0;
  const gap = Math.min(rule.maxDelaySeconds, 2 ** excess);
  return Math.max(0, Math.ceil(gap - recent.secondsSinceLatest));
}
