import * as fs from 'fs';
import * as path from 'path';
import { ClueLinker, decodeExport, parseCluesJsonl, parseCsvExport, Reason, SubjectRecord } from './index';

// The shared contract samples live beside the repository: <root>/../shared/contracts/samples.
const SAMPLES = path.resolve(__dirname, '../../../../shared/contracts/samples');
const read = (file: string): Buffer => fs.readFileSync(path.join(SAMPLES, file));
const ctx = { now: new Date('2024-06-01T12:00:00+08:00') };

const codesOf = (reasons: Reason[]): string[] => reasons.map((r) => `${r.field}:${r.code}`);

function validSubjects(file: string): SubjectRecord[] {
  return parseCsvExport('subjects', read(file), ctx).flatMap((o) => (o.ok ? [o.record] : []));
}

describe('contract samples', () => {
  it('detects the encodings: UTF-8 with BOM and GB18030 without', () => {
    expect(decodeExport(read('subjects.csv')).encoding).toBe('utf-8-bom');
    expect(decodeExport(read('subjects-gb18030.csv')).encoding).toBe('gb18030');
    expect(decodeExport(read('cases.csv')).encoding).toBe('utf-8');
  });

  it.each(['subjects.csv', 'subjects-gb18030.csv'])('%s: rows 1-3 accepted, rows 4 and 5 rejected with their reasons', (file) => {
    const outcomes = parseCsvExport('subjects', read(file), ctx);
    expect(outcomes.map((o) => [o.line, o.ok])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
    const [first, , third, fourth, fifth] = outcomes;
    if (!first.ok || !third.ok || fourth.ok || fifth.ok) throw new Error('unexpected verdicts');
    expect(first.record).toMatchObject({ creditCode: '91440604MA4UJ8K20C', establishedOn: '2016-04-12', registeredCapitalWan: 50, abnormalListed: false });
    expect(first.record.updatedAt.toISOString()).toBe('2024-05-06T02:12:00.000Z');
    expect(third.record).toMatchObject({
      establishedOn: '2021-07-20',
      registeredCapitalWan: null,
      shareholderSubscribedWan: null,
      abnormalListed: true,
      lng: null,
    });
    expect(codesOf(fourth.reasons)).toEqual(['credit_code:check_character']);
    expect(codesOf(fifth.reasons)).toEqual(
      expect.arrayContaining([
        'established_on:future_date',
        'registered_capital_wan:range',
        'industry_code:division',
        'region_code:format',
        'status:enum',
        'abnormal_listed:enum',
        'legal_rep_changes_2y:range',
        'updated_at:format',
      ]),
    );
  });

  it('gives identical records from the UTF-8 and the GB18030 export', () => {
    expect(validSubjects('subjects-gb18030.csv')).toEqual(validSubjects('subjects.csv'));
  });

  it('never echoes a resident ID number or a name in a reason', () => {
    const outcomes = parseCsvExport('subjects', read('subjects.csv'), ctx);
    const text = JSON.stringify(outcomes.flatMap((o) => (o.ok ? [] : o.reasons)));
    for (const secret of ['440604197001010011', '王五', '校验位错误示例']) expect(text).not.toContain(secret);
  });

  it('cases.csv: rows 1-3 accepted (row 3 a 20000 yuan penalty), rows 4 and 5 rejected', () => {
    const outcomes = parseCsvExport('cases', read('cases.csv'), ctx);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false, false]);
    const [first, second, third, fourth, fifth] = outcomes;
    if (!first.ok || !second.ok || !third.ok || fourth.ok || fifth.ok) throw new Error('unexpected verdicts');
    expect(first.record).toMatchObject({ result: '责令整改', penaltyYuan: 0, violationFound: true, items: ['SAMR-03', 'SAMR-07'] });
    expect(second.record).toMatchObject({ date: '2024-03-20', result: '未发现问题', violationFound: false });
    expect(third.record).toMatchObject({ kind: '处罚', date: '2024-04-02', result: null, penaltyYuan: 20000, violationFound: true });
    expect(codesOf(fourth.reasons).sort()).toEqual(['officer_ids:too_few', 'result:enum']);
    expect(codesOf(fifth.reasons).sort()).toEqual([
      'credit_code:check_character',
      'date:invalid_date',
      'department:enum',
      'items:required',
      'officer_ids:required',
      'penalty_yuan:format',
    ]);
  });

  it('officers.csv: all four accepted, an expired certificate included', () => {
    const outcomes = parseCsvExport('officers', read('officers.csv'), ctx);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
    const records = outcomes.flatMap((o) => (o.ok ? [o.record] : []));
    expect(records[1]).toMatchObject({ officerId: '44060400456', certValidUntil: '2024-01-31', domains: ['SAMR'] });
    expect(records[3]).toMatchObject({ status: '离岗', domains: ['CITY', 'SAMR', 'EMG', 'ENV'] });
  });

  it('clues.jsonl: lines 1-3 accepted (line 3 keeps its invalid code), line 4 rejected as not JSON', () => {
    const outcomes = parseCluesJsonl(read('clues.jsonl'), ctx);
    expect(outcomes.map((o) => [o.line, o.ok])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    const [first, , third, fourth] = outcomes;
    if (!first.ok || !third.ok || fourth.ok) throw new Error('unexpected verdicts');
    expect(first.record).toMatchObject({ creditCodeValid: true, verified: true });
    expect(third.record).toMatchObject({ creditCode: '91440604MA4UJ8K2XX', creditCodeValid: false, verified: false });
    expect(codesOf(fourth.reasons)).toEqual(['_json:invalid_json']);
    expect(typeof fourth.raw).toBe('string');
  });

  it('links clue 1 by credit code, clue 2 by name and address, and leaves clue 3 unlinked', () => {
    const linker = new ClueLinker(validSubjects('subjects.csv'));
    const links = parseCluesJsonl(read('clues.jsonl'), ctx).flatMap((o) => (o.ok ? [linker.link(o.record)] : []));
    expect(links).toEqual([
      { creditCode: '91440604MA4UJ8K20C', method: 'credit_code', candidates: 1 },
      { creditCode: '91440605MA52TQ0L32', method: 'name_address', candidates: 1 },
      { creditCode: null, method: 'none', candidates: 0 },
    ]);
  });
});
