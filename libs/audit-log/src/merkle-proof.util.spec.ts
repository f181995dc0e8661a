import { createHash } from 'node:crypto';
import { EMPTY_TREE_ROOT, hashChildren, hashLeaf, splitPoint } from './merkle-hash.util';
import { consistencyProof, consistencyProofFrom, inclusionProof, inclusionProofFrom, verifyConsistency, verifyInclusion } from './merkle-proof.util';
import { leafArraySource, merkleRoot, MerkleTreeBuilder, PerfectNode, perfectNodeSource } from './merkle-tree.util';

const hex = (hashes: readonly Buffer[]) => hashes.map((h) => h.toString('hex'));

// RFC 6962 reference leaves and tree heads, as published with the Certificate Transparency code.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  hashLeaf(Buffer.from(h, 'hex')),
);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

// Straight transcriptions of RFC 6962 §2.1 (MTH, PATH, SUBPROOF), used as the oracle.
function naiveRoot(d: readonly Buffer[]): Buffer {
  if (d.length === 0) return createHash('sha256').digest();
  if (d.length === 1) return d[0];
  const k = splitPoint(d.length);
  return hashChildren(naiveRoot(d.slice(0, k)), naiveRoot(d.slice(k)));
}
function naivePath(m: number, d: readonly Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const k = splitPoint(d.length);
  if (m < k) return [...naivePath(m, d.slice(0, k)), naiveRoot(d.slice(k))];
  return [...naivePath(m - k, d.slice(k)), naiveRoot(d.slice(0, k))];
}
function naiveSubproof(m: number, d: readonly Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [naiveRoot(d)];
  const k = splitPoint(d.length);
  if (m <= k) return [...naiveSubproof(m, d.slice(0, k), b), naiveRoot(d.slice(k))];
  return [...naiveSubproof(m - k, d.slice(k), false), naiveRoot(d.slice(0, k))];
}

const LEAVES = Array.from({ length: 40 }, (_, i) => hashLeaf(Buffer.from(`entry-${i}`)));

describe('RFC 6962 tree hashing', () => {
  it('roots the empty tree as SHA-256 of the empty string', () => {
    expect(EMPTY_TREE_ROOT.toString('hex')).toBe(CT_ROOTS[0]);
    expect(merkleRoot([]).toString('hex')).toBe(CT_ROOTS[0]);
  });

  it('gives the published root for every size 0..8 of the reference tree', () => {
    for (let n = 0; n <= 8; n++) expect(merkleRoot(CT_LEAVES.slice(0, n)).toString('hex')).toBe(CT_ROOTS[n]);
  });

  it('gives the published inclusion and consistency proofs of the reference tree', () => {
    expect(hex(inclusionProof(CT_LEAVES, 0, 8))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hex(inclusionProof(CT_LEAVES, 5, 8))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(hex(consistencyProof(CT_LEAVES, 2, 5))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  it('the streaming builder agrees with the recursive definition at every size', () => {
    const builder = new MerkleTreeBuilder();
    for (let n = 0; n <= LEAVES.length; n++) {
      expect(builder.root().equals(naiveRoot(LEAVES.slice(0, n)))).toBe(true);
      if (n < LEAVES.length) builder.append(LEAVES[n]);
    }
  });
});

describe('inclusion proofs', () => {
  it('match the recursive PATH and verify, for every leaf of every tree up to 40 leaves', () => {
    for (let n = 1; n <= 40; n++) {
      const tree = LEAVES.slice(0, n);
      const root = naiveRoot(tree);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(tree, i, n);
        expect(hex(proof)).toEqual(hex(naivePath(i, tree)));
        expect(verifyInclusion(tree[i], i, n, proof, root)).toBe(true);
      }
    }
  });

  it('fail for another leaf, another index, another size, a shortened or altered path', () => {
    const n = 13;
    const tree = LEAVES.slice(0, n);
    const root = merkleRoot(tree);
    const proof = inclusionProof(tree, 6, n);
    expect(verifyInclusion(tree[7], 6, n, proof, root)).toBe(false);
    expect(verifyInclusion(tree[6], 7, n, proof, root)).toBe(false);
    // A size with another tree shape (sizes of the same shape differ only in the root).
    expect(verifyInclusion(tree[6], 6, 8, proof, root)).toBe(false);
    expect(verifyInclusion(tree[6], 6, 40, proof, root)).toBe(false);
    expect(verifyInclusion(tree[6], 6, n, proof.slice(1), root)).toBe(false);
    expect(verifyInclusion(tree[6], 6, n, [...proof, root], root)).toBe(false);
    const altered = proof.map((h, i) => (i === 1 ? Buffer.from(h).fill(7, 0, 1) : h));
    expect(verifyInclusion(tree[6], 6, n, altered, root)).toBe(false);
    expect(verifyInclusion(tree[6], n, n, proof, root)).toBe(false);
  });
});

describe('consistency proofs', () => {
  it('match the recursive SUBPROOF and verify, for every 0 < m ≤ n ≤ 40', () => {
    for (let n = 1; n <= 40; n++) {
      const rootN = naiveRoot(LEAVES.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(LEAVES, m, n);
        expect(hex(proof)).toEqual(m === n ? [] : hex(naiveSubproof(m, LEAVES.slice(0, n), true)));
        expect(verifyConsistency(m, n, naiveRoot(LEAVES.slice(0, m)), rootN, proof)).toBe(true);
      }
    }
  });

  it('fail when the old tree was not a prefix of the new one or the proof is altered', () => {
    const forked = [...LEAVES.slice(0, 20)];
    forked[3] = hashLeaf(Buffer.from('rewritten'));
    const proof = consistencyProof(LEAVES, 11, 20);
    expect(verifyConsistency(11, 20, merkleRoot(forked.slice(0, 11)), merkleRoot(LEAVES.slice(0, 20)), proof)).toBe(false);
    expect(verifyConsistency(11, 20, merkleRoot(LEAVES.slice(0, 11)), merkleRoot(forked), proof)).toBe(false);
    expect(verifyConsistency(11, 20, merkleRoot(LEAVES.slice(0, 11)), merkleRoot(LEAVES.slice(0, 20)), proof.slice(0, -1))).toBe(false);
    expect(verifyConsistency(12, 20, merkleRoot(LEAVES.slice(0, 11)), merkleRoot(LEAVES.slice(0, 20)), proof)).toBe(false);
    expect(verifyConsistency(20, 11, merkleRoot(LEAVES.slice(0, 20)), merkleRoot(LEAVES.slice(0, 11)), proof)).toBe(false);
  });

  it('accept equal trees only with an empty proof and equal roots', () => {
    const root = merkleRoot(LEAVES.slice(0, 9));
    expect(verifyConsistency(9, 9, root, root, [])).toBe(true);
    expect(verifyConsistency(9, 9, root, merkleRoot(LEAVES.slice(0, 10)), [])).toBe(false);
    expect(verifyConsistency(9, 9, root, root, [root])).toBe(false);
  });
});

describe('proofs from stored subtree hashes', () => {
  it('served from the perfect nodes the builder emits, they equal the in-memory proofs', async () => {
    const stored = new Map<string, Buffer>();
    const builder = new MerkleTreeBuilder((node: PerfectNode) => stored.set(`${node.level}/${node.index}`, node.hash));
    LEAVES.forEach((leaf) => builder.append(leaf));
    const lookups: string[] = [];
    const source = perfectNodeSource((level, index) => {
      lookups.push(`${level}/${index}`);
      const node = stored.get(`${level}/${index}`);
      if (!node) throw new Error(`node ${level}/${index} was never stored`);
      return node;
    });
    for (const [i, n] of [
      [0, 1],
      [5, 8],
      [22, 37],
      [39, 40],
    ]) {
      expect(hex(await inclusionProofFrom(source, i, n))).toEqual(hex(inclusionProof(LEAVES, i, n)));
    }
    for (const [m, n] of [
      [1, 2],
      [3, 7],
      [16, 40],
      [21, 39],
    ]) {
      expect(hex(await consistencyProofFrom(source, m, n))).toEqual(hex(consistencyProof(LEAVES, m, n)));
    }
    expect(hex(await inclusionProofFrom(leafArraySource(LEAVES), 17, 33))).toEqual(hex(naivePath(17, LEAVES.slice(0, 33))));
    // O(log n) look-ups per proof, not a scan of the leaves.
    lookups.length = 0;
    await inclusionProofFrom(source, 22, 37);
    expect(lookups.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(37)));
  });
});
