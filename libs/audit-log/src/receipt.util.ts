import { KeyObject } from 'node:crypto';
import { AuditEntry, entryLeafHash } from './audit-entry.util';
import { SignedCheckpoint, verifyCheckpoint, VerifyResult } from './checkpoint.util';
import { isHexHash, toHashBytes } from './merkle-hash.util';
import { verifyInclusion } from './merkle-proof.util';

/**
 * What an enterprise keeps: its entry exactly as stored, a signed tree head, and the audit path
 * from the entry's leaf to that head's root. Verifiable offline with the log's public key alone.
 */
export interface Receipt {
  version: 1;
  entry: AuditEntry;
  /** Leaf index; always entry.seq, kept explicit for readers. */
  leafIndex: number;
  checkpoint: SignedCheckpoint;
  /** Audit path, leaf side first, lower-case hex. */
  inclusionProof: string[];
}

/** An entry whose body was moved to an archive file: seq, chain link and leaf hash stay in the record. */
export interface ArchivedAuditEntry extends Omit<AuditEntry, 'bodyJson'> {
  bodyJson: null;
}

/** Where an archived body went. Not signed itself: the record's entry at `seq` logs the archive. */
export interface BodyArchiveRef {
  /** seq of the record's entry that logged the archive (its range, count, file name and SHA-256). */
  seq: number;
  file: string;
  sha256: string;
}

/** The receipt of an entry whose body was archived: it proves the leaf hash is in the signed tree. */
export interface ArchivedReceipt extends Omit<Receipt, 'entry'> {
  entry: ArchivedAuditEntry;
  bodyArchive: BodyArchiveRef;
}

export interface ReceiptVerification extends VerifyResult {
  /** Set for an archived entry: the leaf hash's inclusion was proven, not the body (that needs the archive file). */
  bodyArchived?: true;
}

export function makeArchivedReceipt(
  entry: Omit<AuditEntry, 'bodyJson'>,
  checkpoint: SignedCheckpoint,
  inclusionProof: readonly (Uint8Array | string)[],
  bodyArchive: BodyArchiveRef,
): ArchivedReceipt {
  const { seq, prevHash, leafHash } = entry;
  if (seq >= checkpoint.treeSize) throw new RangeError('makeArchivedReceipt: the checkpoint does not yet cover this entry');
  return {
    version: 1,
    entry: { seq, prevHash, bodyJson: null, leafHash },
    bodyArchive: { seq: bodyArchive.seq, file: bodyArchive.file, sha256: bodyArchive.sha256 },
    leafIndex: seq,
    checkpoint: { ...checkpoint },
    inclusionProof: inclusionProof.map((h) => toHashBytes(h).toString('hex')),
  };
}

export function makeReceipt(entry: AuditEntry, index: number, checkpoint: SignedCheckpoint, inclusionProof: readonly (Uint8Array | string)[]): Receipt {
  if (index !== entry.seq) throw new RangeError('makeReceipt: the leaf index of an entry is its seq');
  if (index >= checkpoint.treeSize) throw new RangeError('makeReceipt: the checkpoint does not yet cover this entry');
  const { seq, prevHash, bodyJson, leafHash } = entry;
  return {
    version: 1,
    entry: { seq, prevHash, bodyJson, leafHash },
    leafIndex: index,
    checkpoint: { ...checkpoint },
    inclusionProof: inclusionProof.map((h) => toHashBytes(h).toString('hex')),
  };
}

function entryProblem(receipt: Receipt | ArchivedReceipt): string | undefined {
  const entry = receipt.entry as AuditEntry | ArchivedAuditEntry | undefined;
  if (typeof entry !== 'object' || entry === null) return 'entry missing';
  if (!Number.isSafeInteger(entry.seq) || entry.seq < 0) return 'entry seq is not a non-negative integer';
  if (!isHexHash(entry.prevHash) || !isHexHash(entry.leafHash)) return 'entry hashes are not hex';
  if (entry.bodyJson === null) {
    const archive = (receipt as ArchivedReceipt).bodyArchive as BodyArchiveRef | undefined;
    if (typeof archive !== 'object' || archive === null || typeof archive.file !== 'string') return 'archived entry without its archive';
    return undefined;
  }
  if (typeof entry.bodyJson !== 'string') return 'entry bodyJson missing';
  return undefined;
}

/**
 * Verifies a receipt (possibly parsed from untrusted JSON) with nothing but the public key. For an
 * archived entry it proves the leaf hash is in the signed tree and says bodyArchived: the body is
 * checked against that leaf hash only with the archive file.
 */
export function verifyReceipt(receipt: Receipt | ArchivedReceipt, publicKeyPem: string | KeyObject): ReceiptVerification {
  if (typeof receipt !== 'object' || receipt === null) return { ok: false, reason: 'receipt is not an object' };
  if (receipt.version !== 1) return { ok: false, reason: 'unknown receipt version' };
  const problem = entryProblem(receipt);
  if (problem) return { ok: false, reason: `malformed receipt: ${problem}` };
  const { entry, checkpoint, inclusionProof } = receipt;
  if (receipt.leafIndex !== entry.seq) return { ok: false, reason: 'leaf index does not match entry seq' };
  if (!Array.isArray(inclusionProof) || !inclusionProof.every(isHexHash)) return { ok: false, reason: 'malformed receipt: inclusion proof' };
  const signed = verifyCheckpoint(checkpoint, publicKeyPem);
  if (!signed.ok) return signed;
  if (entry.seq >= checkpoint.treeSize) return { ok: false, reason: 'checkpoint does not cover the entry' };
  const archived = entry.bodyJson === null;
  if (entry.bodyJson !== null && entryLeafHash(entry.seq, entry.prevHash, entry.bodyJson) !== entry.leafHash) {
    return { ok: false, reason: 'entry content does not match its leaf hash' };
  }
  if (!verifyInclusion(entry.leafHash, entry.seq, checkpoint.treeSize, inclusionProof, checkpoint.rootHash)) {
    return { ok: false, reason: 'inclusion proof does not lead to the checkpoint root' };
  }
  return archived ? { ok: true, bodyArchived: true } : { ok: true };
}
