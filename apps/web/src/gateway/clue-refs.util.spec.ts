import { resolveClueRefs, withoutClueIds } from './clue-refs.util';

describe('clue ids and an enterprise', () => {
  const ID = '12345-20240301-0001';
  const OTHER = 'grid-20240302-0009';

  it('are withheld from its answers wherever they are, each clue keeping its reference, text naming one rewritten', () => {
    const appeal = {
      id: 'AP-20260301-1A2B3C4D',
      creditCode: '91310000MA1FL8XQ37',
      decisionReasons: `经核实，线索 ${ID} 所述门店并非本企业。`,
      challenges: [
        { kind: 'clue', recordId: ID, ref: 'K7M3-9QPD', claim: '不是本企业' },
        { kind: 'case', recordId: 'SAMR-2024-07', claim: '已整改' },
      ],
      steps: [
        { step: 'decided', note: `线索 ${ID} 不实`, detail: { corrections: [{ kind: 'clue', recordId: ID, ref: 'K7M3-9QPD', action: 'unlink' }] } },
        { step: 'corrections-applied', detail: { verdicts: [{ kind: 'clue', recordId: OTHER, ref: '2XWN-H4TA', status: 'applied' }] } },
      ],
    };
    const file = { clues: [{ clueId: OTHER, ref: '2XWN-H4TA', receivedOn: '2024-03-02' }], cluesUnlinkedOnAppeal: [{ clueId: ID, ref: 'K7M3-9QPD' }] };
    for (const body of [appeal, file]) {
      const seen = JSON.stringify(withoutClueIds(body));
      expect(seen).not.toContain(ID);
      expect(seen).not.toContain(OTHER);
    }
    const shown = withoutClueIds(appeal) as typeof appeal;
    expect(shown.decisionReasons).toBe('经核实，线索 K7M3-9QPD 所述门店并非本企业。');
    expect(shown.challenges).toEqual([
      { kind: 'clue', ref: 'K7M3-9QPD', claim: '不是本企业' },
      { kind: 'case', recordId: 'SAMR-2024-07', claim: '已整改' },
    ]);
    expect(shown.creditCode).toBe(appeal.creditCode);
    expect(withoutClueIds(file)).toEqual({ clues: [{ ref: '2XWN-H4TA', receivedOn: '2024-03-02' }], cluesUnlinkedOnAppeal: [{ ref: 'K7M3-9QPD' }] });
  });

  it('names a clue in a filing by its reference, which becomes the id of that clue in its file; an id or a stranger is refused alike', () => {
    const own = [
      { clueId: ID, ref: 'K7M3-9QPD' },
      { clueId: OTHER, ref: '2XWN-H4TA' },
    ];
    const filing = (challenge: object) => ({
      creditCode: '91310000MA1FL8XQ37',
      grounds: '……',
      challenges: [challenge, { kind: 'case', recordId: 'SAMR-2024-07', claim: 'x' }],
    });
    expect(resolveClueRefs(filing({ kind: 'clue', ref: 'k7m3 9qpd', claim: '不是本企业' }), own)).toEqual({
      ok: true,
      body: filing({ kind: 'clue', recordId: ID, claim: '不是本企业' }),
    });
    const refused = [
      { kind: 'clue', recordId: ID, claim: 'x' },
      { kind: 'clue', ref: 'ZZZZ-ZZZZ', claim: 'x' },
      { kind: 'clue', ref: ID, claim: 'x' },
    ];
    for (const challenge of refused) expect(resolveClueRefs(filing(challenge), own)).toMatchObject({ ok: false });
    expect(resolveClueRefs({ creditCode: 'x', grounds: 'no challenges' }, own)).toEqual({ ok: true, body: { creditCode: 'x', grounds: 'no challenges' } });
  });
});
