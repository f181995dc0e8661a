import { CLUES_TABLE, judgedAgainst, OFFICERS_TABLE, SAME_TIME_CONFLICT, splitIntoRounds, SUBJECTS_TABLE, type Row } from './record-tables';

const at = (iso: string) => new Date(iso);
const version = (fingerprint: string, updatedAt: string): Row => ({ credit_code: '91440604MA4UJ8K20C', fingerprint, updated_at: at(updatedAt) });

describe('judgedAgainst: what a version that was not written met in the table', () => {
  it('the same version is a duplicate', () => {
    expect(judgedAgainst(SUBJECTS_TABLE, version('f1', '2024-05-06T02:12:00Z'), { fingerprint: 'f1', updatedAt: at('2024-05-06T02:12:00Z') })).toBe(
      'duplicate',
    );
  });

  it('other values under the same update time are a conflict, on every versioned table', () => {
    for (const spec of [SUBJECTS_TABLE, CLUES_TABLE]) {
      expect(judgedAgainst(spec, version('f2', '2024-05-06T02:12:00Z'), { fingerprint: 'f1', updatedAt: at('2024-05-06T02:12:00Z') })).toBe('conflict');
    }
  });

  it('a version older than the one stored is stale', () => {
    expect(judgedAgainst(SUBJECTS_TABLE, version('f0', '2024-01-01T00:00:00Z'), { fingerprint: 'f1', updatedAt: at('2024-05-06T02:12:00Z') })).toBe('stale');
  });

  it('an unversioned table knows no conflict: it keeps the latest export', () => {
    const officer: Row = { officer_id: '44060400123', fingerprint: 'f2' };
    expect(judgedAgainst(OFFICERS_TABLE, officer, { fingerprint: 'f1', updatedAt: null })).toBe('stale');
    expect(judgedAgainst(OFFICERS_TABLE, { ...officer, fingerprint: 'f1' }, { fingerprint: 'f1', updatedAt: null })).toBe('duplicate');
  });

  it('the conflict reason names the update time and says what to do', () => {
    expect(SAME_TIME_CONFLICT).toMatchObject({ field: 'updated_at', code: 'conflict' });
    expect(SAME_TIME_CONFLICT.message).toMatch(/same update time/);
    expect(SAME_TIME_CONFLICT.message).toMatch(/replay/);
    expect(SAME_TIME_CONFLICT.message).toMatch(/discard/);
  });
});

describe('splitIntoRounds', () => {
  it('puts versions of one key in successive rounds in arrival order, so the first to arrive is written first', () => {
    const rows = [
      { key: 'B', v: 1 },
      { key: 'A', v: 1 },
      { key: 'B', v: 2 },
      { key: 'B', v: 3 },
      { key: 'A', v: 2 },
    ];
    const rounds = splitIntoRounds(rows, (r) => r.key);
    expect(rounds.map((round) => round.map((r) => `${r.key}${r.v}`))).toEqual([['A1', 'B1'], ['A2', 'B2'], ['B3']]);
  });
});
