import { Prng } from '@tianping/common';
import { publicMinGroup, withheldRows, withheldTotal, type TableRow, type Withheld } from './disclosure.util';

const rows = (sizes: Record<string, number>): TableRow[] => Object.entries(sizes).map(([key, size]) => ({ key, size }));
const asObject = (m: Map<string, Withheld>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

/**
 * What a reader can work out from the published rows and the published total: a withheld row alone
 * is exactly the total less the published ones; several are known only as their sum.
 */
function exactlyRecoverable(table: TableRow[], withheld: Map<string, Withheld>, k: number): string[] {
  const total = table.reduce((s, r) => s + r.size, 0);
  // A total of 0 says every row is 0; one under k is withheld itself.
  if (total === 0 || withheldTotal(total, k)) return [];
  const hidden = table.filter((r) => withheld.has(r.key));
  const hiddenSum = hidden.reduce((s, r) => s + r.size, 0);
  if (hidden.length === 1) return [hidden[0].key];
  // Several rows whose sum counts 1 to k−1: the sum is itself a figure under k.
  return hiddenSum > 0 && hiddenSum < k ? hidden.map((r) => r.key) : [];
}

describe('the threshold rule with complementary suppression (withheldRows)', () => {
  it('withholds the one small group and, against subtraction from the total, the next smallest too', () => {
    const table = rows({ '440604': 40, '440605': 25, '440699': 1, '440607': 12 });
    const withheld = withheldRows(table, 10);
    expect(asObject(withheld)).toEqual({ '440607': 'complement', '440699': 'under-k' });
    expect(exactlyRecoverable(table, withheld, 10)).toEqual([]);
  });

  it('publishes a group of exactly k and withholds one of k − 1', () => {
    expect(withheldRows(rows({ a: 10, b: 10, c: 30 }), 10).size).toBe(0);
    expect(asObject(withheldRows(rows({ a: 9, b: 10, c: 30 }), 10))).toEqual({ a: 'under-k', b: 'complement' });
    expect(withheldTotal(10, 10)).toBeNull();
    expect(withheldTotal(9, 10)).toBe('under-k');
  });

  it('withholds every group when all are small, and the total too when it is small', () => {
    const table = rows({ a: 3, b: 4, c: 2 });
    expect(asObject(withheldRows(table, 10))).toEqual({ a: 'under-k', b: 'under-k', c: 'under-k' });
    // 9 in all: the total is a figure under k as well, so nothing can be subtracted from it.
    expect(withheldTotal(9, 10)).toBe('under-k');
    expect(exactlyRecoverable(table, withheldRows(table, 10), 10)).toEqual([]);
  });

  it('keeps adding the smallest groups until the withheld ones count k together', () => {
    expect(asObject(withheldRows(rows({ a: 1, b: 2, c: 3, d: 50, e: 60 }), 10))).toEqual({ a: 'under-k', b: 'under-k', c: 'under-k', d: 'complement' });
    // Two small groups that already count k between them need no third.
    expect(asObject(withheldRows(rows({ a: 4, b: 6, d: 50 }), 10))).toEqual({ a: 'under-k', b: 'under-k' });
  });

  it('publishes zeros, and never leaves a withheld group alone, even one that counts k by itself', () => {
    // A group withheld for another reason (its enterprises are fewer than k) with 25 inspections.
    const table = rows({ small: 25, big: 0, other: 0 });
    const withheld = withheldRows(table, 10, new Map([['small', 'under-k']]));
    expect(asObject(withheld)).toEqual({ big: 'complement', small: 'under-k' });
    expect(exactlyRecoverable(table, withheld, 10)).toEqual([]);
    expect(withheldRows(rows({ a: 0, b: 0 }), 10).size).toBe(0);
  });

  it('is a pure function of the table: ties go by name, whatever the order of the rows', () => {
    const one = withheldRows(rows({ x: 3, b: 20, a: 20 }), 10);
    const two = withheldRows(rows({ a: 20, x: 3, b: 20 }), 10);
    expect(asObject(one)).toEqual({ a: 'complement', x: 'under-k' });
    expect(asObject(two)).toEqual(asObject(one));
  });

  it('leaves nothing under k to be worked out in a thousand random tables', () => {
    const prng = new Prng('disclosure');
    for (let t = 0; t < 1000; t++) {
      const k = prng.int(2, 15);
      const table = Array.from({ length: prng.int(1, 12) }, (_, i) => ({ key: `g${i}`, size: prng.bernoulli(0.4) ? prng.int(0, k) : prng.int(0, 200) }));
      // Seeded rows stand for groups of fewer than k enterprises, so a table of one such row has a total under k too.
      const seed = new Map<string, Withheld>(table.length > 1 ? table.filter(() => prng.bernoulli(0.1)).map((r) => [r.key, 'under-k']) : []);
      const withheld = withheldRows(table, k, seed);
      for (const row of table) if (row.size > 0 && row.size < k) expect(withheld.has(row.key)).toBe(true);
      for (const key of seed.keys()) expect(withheld.get(key)).toBe('under-k');
      expect(exactlyRecoverable(table, withheld, k)).toEqual([]);
    }
  });
});

describe('TIANPING_PUBLIC_MIN_GROUP', () => {
  it('is 10 unless set, and a whole number from 2', () => {
    expect(publicMinGroup({})).toBe(10);
    expect(publicMinGroup({ TIANPING_PUBLIC_MIN_GROUP: '5' })).toBe(5);
    for (const bad of ['1', '0', '2.5', 'ten', '-3']) {
      expect(() => publicMinGroup({ TIANPING_PUBLIC_MIN_GROUP: bad })).toThrow(/TIANPING_PUBLIC_MIN_GROUP must be a whole number from 2 to 1000/);
    }
  });
});
