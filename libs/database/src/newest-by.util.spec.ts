import { instant, newestBy } from './newest-by.util';

describe('newestBy', () => {
  const rows = [
    { code: 'A', at: '2026-01-02T00:00:00+08:00', n: 1 },
    { code: 'B', at: '2026-01-01T00:00:00Z', n: 2 },
    { code: 'A', at: '2026-01-01T17:00:00Z', n: 3 },
    { code: 'A', at: '2026-01-01T12:00:00Z', n: 4 },
  ];

  it('keeps one record per key, the newest whatever the offset it was written with', () => {
    const kept = newestBy(
      rows,
      (r) => r.code,
      (r) => instant(r.at),
    );
    expect(kept.map((r) => r.n).sort()).toEqual([2, 3]);
  });

  it('keeps the later record of two with the same version', () => {
    const kept = newestBy(
      [
        { k: 'x', v: '1', n: 1 },
        { k: 'x', v: '1', n: 2 },
      ],
      (r) => r.k,
      (r) => r.v,
    );
    expect(kept).toEqual([{ k: 'x', v: '1', n: 2 }]);
  });
});
