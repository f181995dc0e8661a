import { hashChildren, splitPoint, toHashBytes } from './merkle-hash.util';
import { leafArraySource, SubtreeHashSource } from './merkle-tree.util';

/** A subtree [start, end) whose root is one element of a proof. */
export interface SubtreeRange {
  start: number;
  end: number;
}

type HashLike = Uint8Array | string;

function assertSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
}

/**
 * The subtrees of PATH(m, D[n]) (RFC 6962 §2.1.1), leaf-side first. Computing the shape apart
 * from the hashes lets one algorithm serve in-memory leaves and lazily fetched stored nodes alike.
 */
export function inclusionProofRanges(index: number, treeSize: number): SubtreeRange[] {
  assertSize('treeSize', treeSize);
  assertSize('index', index);
  if (index >= treeSize) throw new RangeError('index must be below treeSize');
  const ranges: SubtreeRange[] = [];
  let start = 0;
  let end = treeSize;
  let m = index;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
    }
  }
  return ranges.reverse();
}

/** The subtrees of PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (RFC 6962 §2.1.2), in proof order. */
export function consistencyProofRanges(oldSize: number, newSize: number): SubtreeRange[] {
  assertSize('oldSize', oldSize);
  assertSize('newSize', newSize);
  if (oldSize > newSize) throw new RangeError('oldSize must not exceed newSize');
  if (oldSize === 0 || oldSize === newSize) return [];
  const ranges: SubtreeRange[] = [];
  let start = 0;
  let end = newSize;
  let m = oldSize;
  let startsAtOldRoot = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
      startsAtOldRoot = false;
    }
  }
  // SUBPROOF(m, D[m], b): the old tree's own root is left out only while it is the whole old tree.
  if (!startsAtOldRoot) ranges.push({ start, end });
  return ranges.reverse();
}

/** Inclusion proof from leaf hashes held in memory. */
export function inclusionProof(leafHashes: readonly HashLike[], index: number, treeSize: number): Buffer[] {
  if (treeSize > leafHashes.length) throw new RangeError('treeSize exceeds the leaves given');
  const source = leafArraySource(leafHashes);
  return inclusionProofRanges(index, treeSize).map((r) => source(r.start, r.end));
}

/** Consistency proof from leaf hashes held in memory. */
export function consistencyProof(leafHashes: readonly HashLike[], oldSize: number, newSize: number): Buffer[] {
  if (newSize > leafHashes.length) throw new RangeError('newSize exceeds the leaves given');
  const source = leafArraySource(leafHashes);
  return consistencyProofRanges(oldSize, newSize).map((r) => source(r.start, r.end));
}

/** Inclusion proof from subtree roots fetched on demand (e.g. stored perfect nodes). */
export async function inclusionProofFrom(source: SubtreeHashSource, index: number, treeSize: number): Promise<Buffer[]> {
  const ranges = inclusionProofRanges(index, treeSize);
  return Promise.all(ranges.map(async (r) => toHashBytes(await source(r.start, r.end))));
}

/** Consistency proof from subtree roots fetched on demand. */
export async function consistencyProofFrom(source: SubtreeHashSource, oldSize: number, newSize: number): Promise<Buffer[]> {
  const ranges = consistencyProofRanges(oldSize, newSize);
  return Promise.all(ranges.map(async (r) => toHashBytes(await source(r.start, r.end))));
}

function parseHashes(values: readonly HashLike[]): Buffer[] | null {
  try {
    return values.map(toHashBytes);
  } catch {
    return null;
  }
}

/** RFC 9162 §2.1.3.2: does `proof` show `leafHash` at `index` in the tree of `treeSize` with `root`? */
export function verifyInclusion(leafHash: HashLike, index: number, treeSize: number, proof: readonly HashLike[], root: HashLike): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  const path = parseHashes([leafHash, root, ...proof]);
  if (!path) return false;
  const [leaf, expectedRoot] = path;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path.slice(2)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(expectedRoot);
}

/** RFC 9162 §2.1.4.2: is the tree (newSize, newRoot) an append-only extension of (oldSize, oldRoot)? */
export function verifyConsistency(oldSize: number, newSize: number, oldRoot: HashLike, newRoot: HashLike, proof: readonly HashLike[]): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) return false;
  const parsed = parseHashes([oldRoot, newRoot, ...proof]);
  if (!parsed) return false;
  const [first, second] = parsed;
  const given = parsed.slice(2);
  if (oldSize === newSize) return given.length === 0 && first.equals(second);
  // Every tree extends the empty one; RFC 9162 defines no proof for it, so the proof must be empty.
  if (oldSize === 0) return given.length === 0;
  if (given.length === 0) return false;
  // When the old size is a power of two its root is a node of the new tree and starts the path.
  const path = splitPoint(oldSize + 1) === oldSize ? [first, ...given] : given;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(first) && sr.equals(second);
}
