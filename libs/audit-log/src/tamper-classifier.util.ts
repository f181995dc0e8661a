import { entryLeafHash } from './audit-entry.util';
import { isHexHash } from './merkle-hash.util';

export type TamperKind = 'changed' | 'deleted' | 'inserted' | 'reordered';

/** The first entry that is not as it was logged. */
export interface FirstBad {
  /** seq the entry had (or should have had) in the untouched log. */
  seq: number;
  problem: TamperKind;
  /** Position of the offending row in the order the rows were read, when one row is to blame. */
  position?: number;
  /** Last seq of the affected range, when only a range can be named (e.g. several deleted rows). */
  throughSeq?: number;
  detail: string;
}

/** A row as read, with the text its leaf hash is computed from (null: the body was archived). */
export interface ReadRow {
  position: number;
  seq: number;
  prevHash: string;
  bodyJson: string | null;
  leafHash?: string;
}

/** An accepted entry kept in the short memory the classifier looks back into. */
export interface AcceptedEntry {
  seq: number;
  position: number;
  leafHash: string;
}

interface RowView extends ReadRow {
  /** seq under which the stored leaf hash was computed; differs from seq for a renumbered row. */
  originalSeq: number;
  /** The stored leaf hash matches the content (under originalSeq), or no leaf hash was stored. */
  intact: boolean;
  /** The row's leaf hash under originalSeq when intact: what its successor should link to. */
  leaf: string;
}

/** How far a renumbered row is searched for, and how many rows are read ahead to decide. */
export const CLASSIFIER_WINDOW = 4;

function view(row: ReadRow): RowView {
  if (!Number.isSafeInteger(row.seq) || typeof row.prevHash !== 'string') {
    return { ...row, originalSeq: Number.NaN, intact: false, leaf: '' };
  }
  // An archived body cannot be rehashed: its stored leaf hash is all there is to link by.
  if (row.bodyJson === null) {
    const stored = isHexHash(row.leafHash);
    return { ...row, originalSeq: row.seq, intact: stored, leaf: stored ? (row.leafHash as string) : '' };
  }
  const computedLeaf = entryLeafHash(row.seq, row.prevHash, row.bodyJson);
  if (row.leafHash === undefined || row.leafHash === computedLeaf) return { ...row, originalSeq: row.seq, intact: true, leaf: computedLeaf };
  // A row moved or renumbered without rehashing still carries the leaf hash of its old seq.
  for (let d = 1; d <= CLASSIFIER_WINDOW; d++) {
    for (const seq of [row.seq + d, row.seq - d]) {
      if (seq >= 0 && entryLeafHash(seq, row.prevHash, row.bodyJson) === row.leafHash) {
        return { ...row, originalSeq: seq, intact: true, leaf: row.leafHash };
      }
    }
  }
  return { ...row, originalSeq: row.seq, intact: false, leaf: computedLeaf };
}

/**
 * Names the first tampering given the expected seq, the last accepted entries and the offending
 * row followed by up to CLASSIFIER_WINDOW rows read ahead. Order of the checks matters: a duplicate
 * seq is an insertion before anything else, a missing seq is a move if it turns up soon after.
 */
export function classifyTampering(expected: { seq: number; prevHash: string }, recent: readonly AcceptedEntry[], rows: readonly ReadRow[]): FirstBad {
  const [first, ...ahead] = rows.map(view);
  const k = expected.seq;
  const o = first.originalSeq;
  if (Number.isNaN(o)) return { seq: k, problem: 'changed', position: first.position, detail: 'row has no valid seq or prev hash' };
  if (o < k) {
    const earlier = recent.find((e) => e.seq === o);
    // The accepted copy was the insertion if this later copy is the one its successor links to.
    const laterIsGenuine = earlier !== undefined && linksForward(first, ahead);
    return {
      seq: o,
      problem: 'inserted',
      position: laterIsGenuine ? earlier.position : first.position,
      detail: `two rows claim seq ${o}` + (earlier ? ` (rows ${earlier.position} and ${first.position})` : ''),
    };
  }
  const twin = ahead.find((r) => r.originalSeq === o);
  if (twin) return insertedTwin(first, twin, ahead);
  if (o > k) {
    if (ahead.some((r) => r.originalSeq >= k && r.originalSeq < o)) {
      return { seq: k, problem: 'reordered', position: first.position, detail: `seq ${o} is read before seq ${k}` };
    }
    const missing = o - k;
    return {
      seq: k,
      problem: 'deleted',
      ...(missing > 1 ? { throughSeq: o - 1 } : {}),
      detail: `seq ${k}` + (missing > 1 ? `..${o - 1}` : '') + ` missing before row ${first.position}`,
    };
  }
  if (!first.intact) return { seq: k, problem: 'changed', position: first.position, detail: 'content does not match its stored leaf hash' };
  if (first.prevHash === expected.prevHash && first.seq !== o) {
    return { seq: k, problem: 'changed', position: first.position, detail: `seq field altered to ${first.seq}` };
  }
  const linked = recent.find((e) => e.leafHash === first.prevHash);
  if (linked && linked.seq < k - 1) {
    return {
      seq: linked.seq + 1,
      problem: 'inserted',
      throughSeq: k - 1,
      detail: `seq ${k} links back to seq ${linked.seq}; rows between are not in the chain`,
    };
  }
  if (k === 0) return { seq: 0, problem: 'changed', position: first.position, detail: 'first entry does not start the chain' };
  const before = recent.find((e) => e.seq === k - 1);
  return {
    seq: k - 1,
    problem: 'changed',
    ...(before ? { position: before.position } : {}),
    detail: `seq ${k} no longer links to seq ${k - 1}: seq ${k - 1} was rewritten with its leaf hash`,
  };
}

/** Two rows claim one seq: the genuine one is the one its successor links to. */
function insertedTwin(first: RowView, twin: RowView, ahead: readonly RowView[]): FirstBad {
  const fake = linksForward(first, ahead) ? twin : first;
  return { seq: first.originalSeq, problem: 'inserted', position: fake.position, detail: `two rows claim seq ${first.originalSeq}` };
}

function linksForward(row: RowView, ahead: readonly RowView[]): boolean {
  const successor = ahead.find((r) => r.originalSeq === row.originalSeq + 1);
  return row.intact && successor !== undefined && successor.prevHash === row.leaf;
}
