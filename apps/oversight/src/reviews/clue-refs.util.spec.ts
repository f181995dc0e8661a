import { clueIdsAsRefs, namedClueIds, renameClues, withClueRefs } from './clue-refs.util';

describe('clues named in an appeal', () => {
  const REFS: Record<string, string> = { '12345-20240301-0001': 'K7M3-9QPD', 'grid-20240302-0009': '2XWN-H4TA' };
  const refOf = (id: string) => REFS[id];
  const detail = {
    outcome: 'corrected',
    corrections: [
      { kind: 'clue', recordId: '12345-20240301-0001', action: 'unlink' },
      { kind: 'case', recordId: 'SAMR-2024-07', action: 'revoke' },
    ],
    verdicts: [{ kind: 'clue', recordId: 'grid-20240302-0009', action: 'mark-false', status: 'applied', reason: null }],
    at: '2026-03-01T08:00:00.000Z',
  };

  it('carry their reference beside the id for views, cases unchanged', () => {
    expect(withClueRefs(detail, refOf)).toEqual({
      ...detail,
      corrections: [{ ...detail.corrections[0], ref: 'K7M3-9QPD' }, detail.corrections[1]],
      verdicts: [{ ...detail.verdicts[0], ref: '2XWN-H4TA' }],
    });
  });

  it('are named by their reference alone in what the record keeps', () => {
    const logged = clueIdsAsRefs(detail, refOf);
    expect(JSON.stringify(logged)).not.toMatch(/12345-|grid-/);
    expect(logged.corrections).toEqual([{ kind: 'clue', action: 'unlink', ref: 'K7M3-9QPD' }, detail.corrections[1]]);
    expect(detail.corrections[0]).toHaveProperty('recordId'); // the original is untouched
  });

  it("are renamed by their reference in an officer's text, wherever it names them", () => {
    const ids = namedClueIds(detail);
    expect(ids).toEqual(['12345-20240301-0001', 'grid-20240302-0009']);
    expect(renameClues('线索 12345-20240301-0001 与 grid-20240302-0009 均不实；案件 SAMR-2024-07 维持。', ids, refOf)).toBe(
      '线索 K7M3-9QPD 与 2XWN-H4TA 均不实；案件 SAMR-2024-07 维持。',
    );
  });
});
