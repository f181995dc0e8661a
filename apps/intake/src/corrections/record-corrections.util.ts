import { revokedOnAppealResult, type CaseChange, type ClueChange, type RecordCorrection } from '@tianping/contracts';
import type { Row } from '../ingest/record-tables';

export type CorrectionKind = RecordCorrection['kind'];
export type CorrectionAction = RecordCorrection['action'];

/** A correction intake applied, as stored. It holds for every later version of the record too. */
export interface AppliedCorrection {
  kind: CorrectionKind;
  recordId: string;
  /** The enterprise the appeal was about. */
  creditCode: string;
  action: CorrectionAction;
  appealId: string;
}

/** `link_method` of a clue whose link an appeal removed and that nothing else fits. */
export const UNLINKED_ON_APPEAL = 'unlinked_on_appeal';

/** The result a revoked case holds in place of its finding: a code the pages put in words, and dispatch reads as "no order". */
export function revokedResult(appealId: string): string {
  return revokedOnAppealResult(appealId);
}

/**
 * The `updatedAt` downstream projections see for a corrected record. They keep only the newest
 * `updatedAt` of a record, so a correction must look newer than the version they hold; yet the
 * stored row keeps the source's own `updated_at`, because intake compares that with later exports
 * and a later real export must still win. So a correction is a revision of the same source version:
 * the source's `updatedAt` plus one millisecond per correction applied to the record. Every version
 * intake publishes carries the same offset, so the order holds: a newer source version (the
 * platforms stamp whole seconds) stays newer than any correction of an older one.
 */
export function revisedUpdatedAt(sourceUpdatedAt: string, revision: number): string {
  if (revision === 0) return sourceUpdatedAt;
  return new Date(new Date(sourceUpdatedAt).getTime() + revision).toISOString();
}

const NOTHING: readonly AppliedCorrection[] = [];
const NO_ONE: ReadonlySet<string> = new Set();

/**
 * The applied corrections of a set of records, with what they do to a row and to its event.
 * Intake runs every version it writes through it, so a correction is never undone.
 */
export class CorrectionSet {
  static readonly EMPTY = new CorrectionSet([]);
  private readonly byRecord = new Map<string, AppliedCorrection[]>();

  constructor(corrections: readonly AppliedCorrection[]) {
    for (const correction of corrections) {
      const key = recordKey(correction.kind, correction.recordId);
      const list = this.byRecord.get(key);
      if (list === undefined) this.byRecord.set(key, [correction]);
      else list.push(correction);
    }
  }

  get size(): number {
    return this.byRecord.size;
  }

  of(kind: CorrectionKind, recordId: string): readonly AppliedCorrection[] {
    return this.byRecord.get(recordKey(kind, recordId)) ?? NOTHING;
  }

  /** Enterprises a clue must never be linked to again. */
  excludedFor(clueId: string): ReadonlySet<string> {
    const unlinks = this.of('clue', clueId).filter((c) => c.action === 'unlink');
    return unlinks.length === 0 ? NO_ONE : new Set(unlinks.map((c) => c.creditCode));
  }

  clueRow(row: Row): Row {
    const corrections = this.of('clue', String(row.clue_id));
    if (corrections.length === 0) return row;
    const corrected: Row = { ...row };
    if (corrections.some((c) => c.action === 'mark-false')) corrected.verified = false;
    const excluded = this.excludedFor(String(row.clue_id));
    if (typeof corrected.linked_credit_code === 'string' && excluded.has(corrected.linked_credit_code)) corrected.linked_credit_code = null;
    if (excluded.size > 0 && corrected.linked_credit_code === null) corrected.link_method = UNLINKED_ON_APPEAL;
    return corrected;
  }

  clueChange(change: ClueChange): ClueChange {
    const corrections = this.of('clue', change.clueId);
    if (corrections.length === 0) return change;
    const corrected: ClueChange = { ...change, updatedAt: revisedUpdatedAt(change.updatedAt, corrections.length) };
    if (corrections.some((c) => c.action === 'mark-false')) corrected.verified = false;
    if (corrected.linkedCreditCode !== null && this.excludedFor(change.clueId).has(corrected.linkedCreditCode)) {
      corrected.linkedCreditCode = null;
      corrected.linkMethod = 'none';
    }
    return corrected;
  }

  caseRow(row: Row): Row {
    const revoke = this.lastRevoke(String(row.case_no));
    return revoke ? { ...row, violation_found: false, result: revokedResult(revoke.appealId) } : row;
  }

  caseChange(change: CaseChange): CaseChange {
    const corrections = this.of('case', change.caseNo);
    if (corrections.length === 0) return change;
    const corrected: CaseChange = { ...change, updatedAt: revisedUpdatedAt(change.updatedAt, corrections.length) };
    const revoke = this.lastRevoke(change.caseNo);
    if (revoke) Object.assign(corrected, { violationFound: false, result: revokedResult(revoke.appealId) });
    return corrected;
  }

  private lastRevoke(caseNo: string): AppliedCorrection | undefined {
    const revokes = this.of('case', caseNo).filter((c) => c.action === 'revoke');
    return revokes[revokes.length - 1];
  }
}

function recordKey(kind: CorrectionKind, recordId: string): string {
  return `${kind}\n${recordId}`;
}
