import { Prng } from '@tianping/common';
import { demoDeadline, demoResults } from './demo-history';

describe('demoResults', () => {
  const visit = {
    checklist: [
      { item: 'SAMR-01', department: 'SAMR' },
      { item: 'SAMR-02', department: 'SAMR' },
      { item: 'FIRE-01', department: 'FIRE' },
    ],
  };
  const names = new Map([['SAMR-02', '食品经营许可']]);

  it('gives every item a result, and finds nothing when the chance is nil', () => {
    for (let i = 0; i < 50; i++) {
      const results = demoResults(visit, 0, new Prng(i), names);
      expect(results.map((r) => [r.item, r.department])).toEqual(visit.checklist.map((c) => [c.item, c.department]));
      expect(results.every((r) => r.result === '未发现问题' && r.violation === undefined)).toBe(true);
    }
  });

  it('finds one problem, written as an officer would, when a problem is certain', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const found = demoResults(visit, 1, new Prng(i), names).filter((r) => r.result !== '未发现问题');
      expect(found).toHaveLength(1);
      expect(found[0].violation).toMatch(found[0].result === '立案查处' ? /已立案调查$/ : /已责令限期整改$/);
      seen.add(`${found[0].item} ${found[0].result}`);
      if (found[0].item === 'SAMR-02') expect(found[0].violation).toMatch(/^食品经营许可：/);
    }
    // Every item can be the one, and both outcomes occur.
    expect([...seen].map((s) => s.split(' ')[0]).sort()).toEqual(expect.arrayContaining(['FIRE-01', 'SAMR-01', 'SAMR-02']));
    expect(new Set([...seen].map((s) => s.split(' ')[1]))).toEqual(new Set(['责令整改', '立案查处']));
  });

  it('finds problems at about the given rate, the same from the same seed', () => {
    const finds = (seed: number) => demoResults(visit, 0.3, new Prng(seed), names).some((r) => r.result !== '未发现问题');
    const rate = Array.from({ length: 4000 }, (_, i) => finds(i)).filter(Boolean).length / 4000;
    expect(rate).toBeGreaterThan(0.27);
    expect(rate).toBeLessThan(0.33);
    expect(demoResults(visit, 0.5, new Prng('a'), names)).toEqual(demoResults(visit, 0.5, new Prng('a'), names));
  });

  it('gives results ordering rectification a deadline ten days on, and others none', () => {
    expect(demoDeadline('2026-11-30', [{ item: 'SAMR-01', department: 'SAMR', result: '责令整改', violation: 'x' }])).toEqual({ rectifyBy: '2026-12-10' });
    expect(demoDeadline('2026-11-30', [{ item: 'SAMR-01', department: 'SAMR', result: '立案查处', violation: 'x' }])).toEqual({});
  });
});
