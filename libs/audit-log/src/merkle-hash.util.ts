import { hash } from 'node:crypto';

/** SHA-256 output length; every leaf and node hash has it. */
export const HASH_BYTES = 32;

/** MTH({}) = SHA-256 of the empty string (RFC 6962 §2.1). */
export const EMPTY_TREE_ROOT: Buffer = hash('sha256', Buffer.alloc(0), 'buffer');

const LEAF_PREFIX = Buffer.from([0x00]);

/** RFC 6962 leaf hash: SHA-256(0x00 || data). The prefix keeps leaves and nodes from colliding. */
export function hashLeaf(data: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, data]), 'buffer');
}

/**
 * Leaf hash of UTF-8 text without an intermediate copy: U+0000 encodes to the single byte 0x00,
 * so hashing '\0' + text is SHA-256(0x00 || utf8(text)). This is the hot path of log verification.
 */
export function hashLeafText(text: string): Buffer {
  return hash('sha256', '\u0000' + text, 'buffer');
}

const nodeInput = Buffer.alloc(1 + 2 * HASH_BYTES);

/** RFC 6962 interior node hash: SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_BYTES || right.length !== HASH_BYTES) throw new RangeError('hashChildren: hashes must be 32 bytes');
  // One reused buffer: node hashing runs once per leaf when a whole log is rooted.
  nodeInput[0] = 0x01;
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_BYTES);
  return hash('sha256', nodeInput, 'buffer');
}

/** The k of RFC 6962's MTH split: the largest power of two strictly less than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/** Lower-case 64-digit hex, the one spelling of a hash in stored rows, checkpoints and receipts. */
export function isHexHash(value: unknown): value is string {
  return typeof value === 'string' && HEX_HASH.test(value);
}

/** Parses a hash given as Buffer/Uint8Array or 64-digit hex. */
export function toHashBytes(value: Uint8Array | string): Buffer {
  if (typeof value === 'string') {
    if (!isHexHash(value)) throw new TypeError('expected a 64-digit lower-case hex hash');
    return Buffer.from(value, 'hex');
  }
  if (value.length !== HASH_BYTES) throw new TypeError('expected a 32-byte hash');
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
