import { hashLeaf } from './merkle-hash.util';
import { merkleRoot, MerkleTreeBuilder, PerfectNode } from './merkle-tree.util';

const leaves = Array.from({ length: 41 }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));

describe('resuming a tree from its stored compact range', () => {
  it.each([0, 1, 2, 7, 8, 13, 32])('appending after a resume at %i leaves gives the same roots and nodes as one builder', (cut) => {
    const whole: PerfectNode[] = [];
    const single = new MerkleTreeBuilder((n) => whole.push(n));
    for (const leaf of leaves) single.append(leaf);

    const parts: PerfectNode[] = [];
    const first = new MerkleTreeBuilder((n) => parts.push(n));
    for (const leaf of leaves.slice(0, cut)) first.append(leaf);
    const stored = first.compactRange().map((h) => h.toString('hex'));
    const second = MerkleTreeBuilder.resume(cut, stored, (n) => parts.push(n));
    for (const leaf of leaves.slice(cut)) second.append(leaf);

    expect(second.size).toBe(leaves.length);
    expect(second.root().equals(merkleRoot(leaves))).toBe(true);
    expect(parts.map((n) => `${n.level}/${n.index}/${n.hash.toString('hex')}`)).toEqual(whole.map((n) => `${n.level}/${n.index}/${n.hash.toString('hex')}`));
  });

  it('refuses a compact range that does not fit the size', () => {
    const builder = new MerkleTreeBuilder();
    for (const leaf of leaves.slice(0, 6)) builder.append(leaf);
    expect(() => MerkleTreeBuilder.resume(7, builder.compactRange())).toThrow(RangeError);
  });
});
