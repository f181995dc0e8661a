import { EMPTY_TREE_ROOT, hashChildren, toHashBytes } from './merkle-hash.util';

/** A complete, aligned subtree: leaves [index·2^level, (index+1)·2^level). Level 0 is a leaf. */
export interface PerfectNode {
  level: number;
  index: number;
  hash: Buffer;
}

/**
 * Appends leaf hashes one at a time and gives the RFC 6962 root at any size, holding only the
 * compact range: one perfect subtree root per set bit of the size (O(log n) memory).
 *
 * Each completed perfect subtree can be reported through `onNode`; an app that stores those rows
 * can later serve any proof with O(log n) look-ups (see `perfectNodeSource`).
 */
export class MerkleTreeBuilder {
  private readonly stack: Buffer[] = [];
  private leaves = 0;

  constructor(private readonly onNode?: (node: PerfectNode) => void) {}

  /**
   * Continues a tree of `size` leaves from its stored compact range (largest subtree first, as
   * `compactRange()` gives it), so an app can append across processes without replaying leaves.
   */
  static resume(size: number, compactRange: readonly (Uint8Array | string)[], onNode?: (node: PerfectNode) => void): MerkleTreeBuilder {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('resume: size must be a non-negative integer');
    let bits = 0;
    for (let n = size; n > 0; n = Math.floor(n / 2)) bits += n % 2;
    if (compactRange.length !== bits) throw new RangeError('resume: a compact range holds one subtree root per set bit of the size');
    const builder = new MerkleTreeBuilder(onNode);
    for (const node of compactRange) builder.stack.push(toHashBytes(node));
    builder.leaves = size;
    return builder;
  }

  get size(): number {
    return this.leaves;
  }

  /** The perfect subtree roots the tree is folded from, largest (leftmost) first: what resume() needs. */
  compactRange(): Buffer[] {
    return this.stack.map((node) => Buffer.from(node));
  }

  append(leafHash: Uint8Array | string): void {
    // Buffers of the right length go straight in: this runs once per entry when a log is replayed.
    let node = Buffer.isBuffer(leafHash) && leafHash.length === 32 ? leafHash : toHashBytes(leafHash);
    let index = this.leaves;
    this.onNode?.({ level: 0, index, hash: node });
    // Merge while the new subtree has a left sibling of equal size: one merge per trailing 1-bit.
    let level = 0;
    for (let n = this.leaves; n % 2 === 1; n = Math.floor(n / 2)) {
      node = hashChildren(this.stack.pop() as Buffer, node);
      level++;
      index = Math.floor(index / 2);
      this.onNode?.({ level, index, hash: node });
    }
    this.stack.push(node);
    this.leaves++;
  }

  /** MTH over the leaves appended so far: fold the compact range from the right. */
  root(): Buffer {
    if (this.stack.length === 0) return Buffer.from(EMPTY_TREE_ROOT);
    let root = this.stack[this.stack.length - 1];
    for (let i = this.stack.length - 2; i >= 0; i--) root = hashChildren(this.stack[i], root);
    return root;
  }
}

/** MTH(D[n]) over a list of leaf hashes. */
export function merkleRoot(leafHashes: readonly (Uint8Array | string)[]): Buffer {
  const builder = new MerkleTreeBuilder();
  for (const leaf of leafHashes) builder.append(leaf);
  return builder.root();
}

/** MTH(D[start:end]): the root of the subtree over leaves start (inclusive) to end (exclusive). */
export type SubtreeHashSource = (start: number, end: number) => Uint8Array | Promise<Uint8Array>;

/** Subtree roots straight from an in-memory list of leaf hashes (O(end − start) per call). */
export function leafArraySource(leafHashes: readonly (Uint8Array | string)[]): (start: number, end: number) => Buffer {
  return (start, end) => {
    if (start < 0 || end > leafHashes.length || start >= end) throw new RangeError('subtree range outside the leaves');
    return merkleRoot(leafHashes.slice(start, end));
  };
}

/**
 * Subtree roots from stored perfect nodes (as emitted by MerkleTreeBuilder's onNode). Every range a
 * proof asks for starts on a boundary aligned to a power of two at least its length, so it splits
 * into perfect nodes along the binary digits of its length, largest first, folded from the right.
 */
export function perfectNodeSource(getNode: (level: number, index: number) => Uint8Array | Promise<Uint8Array>): SubtreeHashSource {
  return async (start, end) => {
    const parts: Uint8Array[] = [];
    let offset = start;
    for (let level = Math.floor(Math.log2(end - start)); level >= 0; level--) {
      const width = 2 ** level;
      if (offset + width > end) continue;
      if (offset % width !== 0) throw new RangeError('subtree range is not aligned to perfect nodes');
      parts.push(await getNode(level, offset / width));
      offset += width;
    }
    let root = toHashBytes(parts[parts.length - 1]);
    for (let i = parts.length - 2; i >= 0; i--) root = hashChildren(parts[i], root);
    return root;
  };
}
