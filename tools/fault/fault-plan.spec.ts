import { Prng } from '@tianping/common';
import type { CityManifest } from '@tianping/synthetic-city';
import { badPayload, subjectMatches } from './bad-messages';
import { dealFaults, drawFaults } from './chaos';
import { cityLoads, csvParts } from './city-feed';
import { waitForSameChinaDay } from './wait.util';

const APPS = ['intake', 'scoring', 'dispatch', 'oversight', 'web'] as const;

describe('the fault plan', () => {
  it('loads older exports first and the last export of each kind later, officers before subjects before cases before clues', () => {
    const file = (path: string, kind: CityManifest['files'][number]['kind']) => ({ path, kind, encoding: 'utf-8' as const, rows: 1 });
    const manifest = {
      files: [
        file('subjects-1.csv', 'subjects'),
        file('subjects-2.csv', 'subjects'),
        file('subjects-3.csv', 'subjects'),
        file('cases-1.csv', 'cases'),
        file('cases-2.csv', 'cases'),
        file('officers.csv', 'officers'),
        file('clues-1.jsonl', 'clues'),
        file('clues-2.jsonl', 'clues'),
      ],
    } as CityManifest;
    const { first, second } = cityLoads(manifest);
    expect(first.map((f) => f.path)).toEqual(['officers.csv', 'subjects-1.csv', 'subjects-2.csv', 'cases-1.csv', 'clues-1.jsonl']);
    expect(second.map((f) => f.path)).toEqual(['subjects-3.csv', 'cases-2.csv', 'clues-2.jsonl']);
  });

  it('kills every working app once before any twice, and deals the disruptive faults over all rounds', () => {
    const faults = drawFaults({ kills: 4, postgresRestarts: 1, natsRestarts: 1, badMessages: 10, gapMs: [0, 0], downMs: [0, 0] }, [...APPS], new Prng(3));
    const killed = faults.flatMap((f) => (f.kind === 'kill' ? [f.app] : []));
    expect(new Set(killed)).toEqual(new Set(['intake', 'scoring', 'dispatch', 'oversight']));
    expect(faults.filter((f) => f.kind === 'inject').reduce((n, f) => n + (f.kind === 'inject' ? f.messages : 0), 0)).toBe(10);
    const rounds = dealFaults(faults, 3, new Prng(4));
    expect(rounds.flat()).toHaveLength(faults.length);
    for (const round of rounds) expect(round.some((f) => f.kind !== 'inject')).toBe(true);
  });

  it('makes bad messages no consumer can take: not JSON, wrong shape, or as large as NATS allows', () => {
    expect(() => JSON.parse(new TextDecoder().decode(badPayload('not-json', 1, 1 << 20, 'intake.cases.upserted.v1')))).toThrow();
    const wrong = JSON.parse(new TextDecoder().decode(badPayload('wrong-schema', 2, 1 << 20, 'intake.cases.upserted.v1')));
    expect(wrong.records[0].creditCode).toBe(2);
    const big = badPayload('oversized', 3, 1 << 20, 'scoring.score.computed.v1');
    expect(big.length).toBeLessThan(1 << 20);
    expect(big.length).toBeGreaterThan((1 << 20) - 1024);
    expect(JSON.parse(new TextDecoder().decode(big)).records[0]).toHaveProperty('padding');
  });

  it('matches subjects as NATS does', () => {
    expect(subjectMatches('scoring.>', 'scoring.unknown-event.v1')).toBe(true);
    expect(subjectMatches('scoring.>', 'scoring')).toBe(false);
    expect(subjectMatches('intake.*.upserted.v1', 'intake.cases.upserted.v1')).toBe(true);
    expect(subjectMatches('intake.cases.upserted.v1', 'intake.clues.upserted.v1')).toBe(false);
  });
});

describe('posting an export in parts', () => {
  it('repeats the header in every part and cuts only between records, even inside quotes and in GB18030', () => {
    const csv = Buffer.concat([Buffer.from('\uFEFFa,b\r\n'), Buffer.from('1,"x\ny"\r\n2,z\r\n3,w\r\n'), Buffer.from([0x94, 0x4e, 0x2c, 0x31, 0x0a])]);
    const parts = csvParts(csv, 2);
    expect(parts).toHaveLength(2);
    expect(parts[0].toString()).toBe('\uFEFFa,b\r\n1,"x\ny"\r\n2,z\r\n');
    expect(Buffer.concat([parts[1].subarray(Buffer.from('\uFEFFa,b\r\n').length)])).toEqual(
      Buffer.concat([Buffer.from('3,w\r\n'), Buffer.from([0x94, 0x4e, 0x2c, 0x31, 0x0a])]),
    );
  });
});

describe('waitForSameChinaDay', () => {
  it('waits only when the China day (UTC+8) turns within the window, until just after it turns', () => {
    const chinaMidnight = Date.parse('2026-12-05T16:00:00Z'); // 2026-12-06 00:00 in China
    expect(waitForSameChinaDay(chinaMidnight - 30 * 60_000, 20)).toBe(0);
    expect(waitForSameChinaDay(chinaMidnight - 2 * 60_000, 20)).toBe(2 * 60_000 + 5_000);
    expect(waitForSameChinaDay(chinaMidnight + 1_000, 20)).toBe(0);
    expect(waitForSameChinaDay(Date.parse('2026-12-05T04:00:00Z'), 120)).toBe(0);
  });
});
