import { FACT_TEXT_MAX, withChallengedRecords } from './challenged-records.util';

const FILE = {
  cases: [
    {
      caseNo: 'FS-SAMR-2024-000101',
      department: 'SAMR',
      kind: 'inspection',
      origin: 'random',
      date: '2024-03-12',
      items: ['SAMR-03'],
      result: 'rectify',
      violation: '从业人员未取得健康证明',
      violationFound: true,
      penaltyYuan: null,
      updatedAt: '2024-03-13T01:00:00.000Z',
      correctedOnAppeal: [],
    },
  ],
  clues: [
    {
      clueId: '12345-20240301-0001',
      ref: 'K7M3-9QPD',
      channel: '12345',
      receivedAt: '2024-03-01T01:15:00.000Z',
      receivedOn: '2024-03-01',
      category: 'food_safety',
      department: 'SAMR',
      verified: true,
      status: 'closed',
      linkMethod: 'code',
      updatedAt: '2024-03-20T09:00:00.000Z',
    },
  ],
};

describe('the records an appeal challenges, described from the enterprise file', () => {
  it("gives each challenge the record's facts, and nothing that could point to a complainant", () => {
    const filed = withChallengedRecords(
      {
        grounds: '……',
        challenges: [
          { kind: 'case', recordId: ' FS-SAMR-2024-000101 ', claim: '已整改' },
          { kind: 'clue', recordId: '12345-20240301-0001', claim: '不是本企业' },
        ],
      },
      FILE,
    );
    expect(filed).toEqual({
      ok: true,
      body: {
        grounds: '……',
        challenges: [
          {
            kind: 'case',
            recordId: ' FS-SAMR-2024-000101 ',
            claim: '已整改',
            record: {
              date: '2024-03-12',
              department: 'SAMR',
              kind: 'inspection',
              origin: 'random',
              result: 'rectify',
              violation: '从业人员未取得健康证明',
              violationFound: true,
              penaltyYuan: null,
            },
          },
          {
            kind: 'clue',
            recordId: '12345-20240301-0001',
            claim: '不是本企业',
            record: { receivedOn: '2024-03-01', category: 'food_safety', department: 'SAMR', verified: true, status: 'closed' },
          },
        ],
      },
    });
    const text = JSON.stringify(filed);
    for (const hint of ['channel', 'receivedAt', '01:15', 'linkMethod', 'updatedAt']) expect(text).not.toContain(hint);
  });

  it("replaces a record the caller sent with the file's, and refuses a case number not in the file", () => {
    const forged = withChallengedRecords(
      { challenges: [{ kind: 'case', recordId: 'FS-SAMR-2024-000101', claim: '已整改', record: { result: 'none', violationFound: false } }] },
      FILE,
    );
    expect(forged.ok && (forged.body as { challenges: { record: object }[] }).challenges[0].record).toMatchObject({ result: 'rectify', violationFound: true });
    expect(withChallengedRecords({ challenges: [{ kind: 'case', recordId: 'FS-SAMR-2024-999999', claim: '已整改' }] }, FILE)).toEqual({
      ok: false,
      message: 'no case numbered "FS-SAMR-2024-999999" in your file: name a case by the number your file shows',
    });
  });

  it('shortens a long wording to what oversight keeps, and leaves a filing without challenges alone', () => {
    const long = { ...FILE, cases: [{ ...FILE.cases[0], violation: '违'.repeat(2000) }] };
    const filed = withChallengedRecords({ challenges: [{ kind: 'case', recordId: 'FS-SAMR-2024-000101', claim: '已整改' }] }, long);
    const violation = filed.ok ? (filed.body as { challenges: { record: { violation: string } }[] }).challenges[0].record.violation : '';
    expect([violation.length, violation.endsWith('…')]).toEqual([FACT_TEXT_MAX, true]);
    const plain = { grounds: '……' };
    expect(withChallengedRecords(plain, FILE)).toEqual({ ok: true, body: plain });
  });
});
