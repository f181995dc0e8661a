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

function entryProblem(entry: AuditEntry | undefined): string | undefined {
  if (typeof entry !== 'object' || entry === null) return 'entry missing';
  if (!Number.isSafeInteger(entry.seq) || entry.seq < 0) return 'entry seq is not a non-negative integer';
  if (!isHexHash(entry.prevHash) || !isHexHash(entry.leafHash)) return 'entry hashes are not hex';
  if (typeof entry.bodyJson !== 'string') return 'entry bodyJson missing';
  return undefined;
}

/** Verifies a receipt (possibly parsed from untrusted JSON) with nothing but the public key. */
export function verifyReceipt(receipt: Receipt, publicKeyPem: string | KeyObject): VerifyResult {
  if (typeof receipt !== 'object' || receipt === null) return { ok: false, reason: 'receipt is not an object' };
  if (receipt.version !== 1) return { ok: false, reason: 'unknown receipt version' };
  const problem = entryProblem(receipt.entry);
  if (problem) return { ok: false, reason: `malformed receipt: ${problem}` };
  const { entry, checkpoint, inclusionProof } = receipt;
  if (receipt.leafIndex !== entry.seq) return { ok: false, reason: 'leaf index does not match entry seq' };
  if (!Array.isArray(inclusionProof) || !inclusionProof.every(isHexHash)) return { ok: false, reason: 'malformed receipt: inclusion proof' };
  const signed = verifyCheckpoint(checkpoint, publicKeyPem);
  if (!signed.ok) return signed;
  if (entry.seq >= checkpoint.treeSize) return { ok: false, reason: 'checkpoint does not cover the entry' };
  const leafHash = entryLeafHash(entry.seq, entry.prevHash, entry.bodyJson);
  if (leafHash !== entry.leafHash) return { ok: false, reason: 'entry content does not match its leaf hash' };
  if (!verifyInclusion(leafHash, entry.seq, checkpoint.treeSize, inclusionProof, checkpoint.rootHash)) {
    return { ok: false, reason: 'inclusion proof does not lead to the checkpoint root' };
  }
  return { ok: true };
}
