import { canonicalJson, JsonValue } from './canonical-json.util';
import { hashLeafText, isHexHash } from './merkle-hash.util';

/** prev_hash of the first entry (seq 0): there is no previous leaf. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/**
 * One row of the audit log as the app stores it. Leaf i of the Merkle tree is the entry with
 * seq i; its leaf bytes commit to seq and prevHash as well as the body, so a row cannot be moved,
 * renumbered or relinked without its leaf hash changing.
 */
export interface AuditEntry {
  /** 0, 1, 2, … with no gaps: the entry's leaf index. */
  seq: number;
  /** leafHash of entry seq − 1 (hex), GENESIS_PREV_HASH for seq 0: the hash chain. */
  prevHash: string;
  /** canonicalJson(body), stored as text exactly as given (not jsonb, which reorders keys). */
  bodyJson: string;
  /** SHA-256(0x00 || entry bytes) in hex. */
  leafHash: string;
}

/**
 * The leaf's bytes: canonicalJson({ body, prev, seq }). Spliced as text so a stored bodyJson is
 * hashed without being parsed again; it equals the canonical form whenever bodyJson is canonical.
 */
export function entryText(seq: number, prevHash: string, bodyJson: string): string {
  return '{"body":' + bodyJson + ',"prev":"' + prevHash + '","seq":' + seq + '}';
}

/** Leaf hash (hex) of an entry as stored. */
export function entryLeafHash(seq: number, prevHash: string, bodyJson: string): string {
  return hashLeafText(entryText(seq, prevHash, bodyJson)).toString('hex');
}

/** Builds the next entry after `previous` (null for the first) so the app can insert it. */
export function createEntry(previous: Pick<AuditEntry, 'seq' | 'leafHash'> | null, body: JsonValue): AuditEntry {
  if (previous && (!Number.isSafeInteger(previous.seq) || previous.seq < 0 || !isHexHash(previous.leafHash))) {
    throw new TypeError('createEntry: previous entry must have a non-negative seq and a hex leafHash');
  }
  const seq = previous ? previous.seq + 1 : 0;
  const prevHash = previous ? previous.leafHash : GENESIS_PREV_HASH;
  const bodyJson = canonicalJson(body);
  return { seq, prevHash, bodyJson, leafHash: entryLeafHash(seq, prevHash, bodyJson) };
}
