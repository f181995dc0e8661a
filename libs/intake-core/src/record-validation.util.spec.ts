import * as fc from 'fast-check';
import { classValidatorReasons, validateRaw } from './record-validation.util';
import { contractKeys } from './contract-columns.model';
import { inspectionRow } from './case-row.spec-helper';
import { RawRecord } from './intake.model';

const ctx = { now: new Date('2024-06-01T00:00:00+08:00') };
const subject: RawRecord = {
  credit_code: '91440604MA4UJ8K20C',
  name: '明记餐饮管理有限公司',
  established_on: '2016-04-12',
  registered_capital_wan: '50',
  shareholder_subscribed_wan: '',
  employees: '12',
  industry_code: 'H6210',
  region_code: '440604',
  address: '建新路18号',
  lng: '',
  lat: '',
  status: '存续',
  abnormal_listed: '否',
  legal_rep_changes_2y: '0',
  legal_rep_name: '陈明',
  legal_rep_id: '440604198703150018',
  updated_at: '2024-05-06 10:12:00',
};
const inspection = inspectionRow();

describe('validateRaw', () => {
  it('replays a corrected quarantined record, numbers included', () => {
    const result = validateRaw('subjects', { ...subject, registered_capital_wan: 50, employees: 12, legal_rep_changes_2y: 0 }, ctx);
    expect(result).toMatchObject({ ok: true, record: { registeredCapitalWan: 50, shareholderSubscribedWan: null, employees: 12 } });
  });

  it('reads a credit code typed in full-width characters or with blanks as the plain code', () => {
    for (const credit_code of ['９１４４０６０４ＭＡ４ＵＪ８Ｋ２０Ｃ', '9144 0604 ma4u j8k2 0c']) {
      expect(validateRaw('subjects', { ...subject, credit_code }, ctx)).toMatchObject({ ok: true, record: { creditCode: '91440604MA4UJ8K20C' } });
      expect(validateRaw('cases', { ...inspection, credit_code }, ctx)).toMatchObject({ ok: true, record: { creditCode: '91440604MA4UJ8K20C' } });
    }
  });

  it('reports every failing field, each with its own reason', () => {
    const result = validateRaw('subjects', { ...subject, name: ' ', lat: '95', employees: '1.5', industry_code: 'Z1234' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons.map((r) => `${r.field}:${r.code}`).sort()).toEqual(['employees:format', 'industry_code:format', 'lat:range', 'name:required']);
    }
  });

  it('says with a reason what the field takes, where the rule knows: allowed values or bounds', () => {
    const wrong = validateRaw('subjects', { ...subject, status: '营业中', employees: '-3' }, ctx);
    expect(wrong.ok).toBe(false);
    const reasons = wrong.ok ? [] : wrong.reasons;
    expect(reasons.find((r) => r.field === 'status')).toMatchObject({ code: 'enum', expected: { allowed: expect.arrayContaining(['存续']) } });
    expect(reasons.find((r) => r.field === 'employees')).toMatchObject({ code: 'range', expected: { min: 0, max: expect.any(Number) } });
    const noResult = validateRaw('cases', { ...inspection, result: '合格' }, ctx);
    expect(noResult.ok ? null : noResult.reasons.find((r) => r.field === 'result')).toMatchObject({
      code: 'enum',
      expected: { allowed: expect.arrayContaining(['未发现问题']) },
    });
    // A rule with nothing to list says nothing more.
    const badCode = validateRaw('subjects', { ...subject, credit_code: 'not-a-code' }, ctx);
    expect(badCode.ok ? [] : badCode.reasons.filter((r) => r.expected !== undefined)).toEqual([]);
  });

  it('checks the resident ID shape without echoing it', () => {
    const result = validateRaw('subjects', { ...subject, legal_rep_id: '4406041987031500' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons).toEqual([expect.objectContaining({ field: 'legal_rep_id', code: 'format' })]);
      expect(JSON.stringify(result.reasons)).not.toContain('4406041987031500');
    }
    expect(validateRaw('subjects', { ...subject, legal_rep_id: '' }, ctx)).toMatchObject({ ok: true, record: { legalRepId: null } });
    expect(validateRaw('subjects', { ...subject, legal_rep_id: '44060519800101002x' }, ctx)).toMatchObject({
      ok: true,
      record: { legalRepId: '44060519800101002X' },
    });
  });

  it('a penalty needs no result and one officer is enough, but it must leave the result blank and name its officer', () => {
    const penalty = { ...inspection, kind: '处罚', result: '', officer_ids: 'A', penalty_yuan: '300.5' };
    expect(validateRaw('cases', penalty, ctx)).toMatchObject({ ok: true, record: { penaltyYuan: 300.5, violationFound: true } });
    const withResult = validateRaw('cases', { ...penalty, result: '责令整改' }, ctx);
    expect(withResult.ok === false && withResult.reasons.map((r) => r.code)).toEqual(['not_allowed']);
    const noOfficer = validateRaw('cases', { ...penalty, officer_ids: '' }, ctx);
    expect(noOfficer.ok === false && noOfficer.reasons.map((r) => `${r.field}:${r.code}`)).toEqual(['officer_ids:required']);
  });

  it('an inspection without a result is refused; a clean one is no violation', () => {
    const missing = validateRaw('cases', { ...inspection, result: '' }, ctx);
    expect(missing.ok === false && missing.reasons.map((r) => `${r.field}:${r.code}`)).toEqual(['result:required']);
    expect(validateRaw('cases', inspection, ctx)).toMatchObject({ ok: true, record: { violationFound: false, penaltyYuan: 0 } });
  });

  it('clue fields of the wrong JSON type are refused by type', () => {
    const clue = {
      clue_id: 7,
      channel: 'grid',
      received_at: '2024-03-10T14:02:00+08:00',
      credit_code: 123,
      category: 'x',
      department: 'FIRE',
      verified: 'yes',
      status: 'pending',
      updated_at: '2024-03-10T14:02:00Z',
    };
    const result = validateRaw('clues', clue, ctx);
    expect(result.ok === false && result.reasons.map((r) => `${r.field}:${r.code}`).sort()).toEqual(['clue_id:type', 'credit_code:type', 'verified:type']);
  });

  it('quarantines values no database column can hold instead of failing the batch they come in', () => {
    const codes = (kind: 'subjects' | 'cases' | 'clues', raw: Record<string, unknown>) => {
      const result = validateRaw(kind, raw as RawRecord, ctx);
      return result.ok ? [] : result.reasons.map((r) => `${r.field}:${r.code}`).sort();
    };
    // A NUL (valid in CSV bytes and as \u0000 in JSON) and half a surrogate pair (JSON's \ud800) are not text.
    expect(codes('subjects', { ...subject, name: '明记\u0000餐饮' })).toEqual(['name:invalid_character']);
    expect(codes('subjects', { ...subject, address: '建新路\ud800' })).toEqual(['address:invalid_character']);
    expect(codes('subjects', { ...subject, address: '建新路𠀀号' })).toEqual([]); // a whole pair is a character
    // Counts beyond a PostgreSQL integer, and a number so long it reads as Infinity.
    expect(codes('subjects', { ...subject, employees: '3000000000', legal_rep_changes_2y: '2147483648' })).toEqual([
      'employees:range',
      'legal_rep_changes_2y:range',
    ]);
    expect(codes('subjects', { ...subject, employees: '2147483647' })).toEqual([]);
    expect(codes('subjects', { ...subject, registered_capital_wan: '9'.repeat(400) })).toEqual(['registered_capital_wan:format']);
    // An identifier too long for a primary key, and text beyond any name or description.
    expect(codes('cases', { ...inspection, case_no: 'C'.repeat(257) })).toEqual(['case_no:too_long']);
    expect(codes('cases', { ...inspection, case_no: 'C'.repeat(256) })).toEqual([]);
    expect(codes('subjects', { ...subject, address: '路'.repeat(10_001) })).toEqual(['address:too_long']);
    const clue = {
      clue_id: 'X'.repeat(300),
      channel: 'grid',
      received_at: '2024-03-10T14:02:00+08:00',
      subject_name: '\u0000',
      category: 'x',
      department: 'FIRE',
      status: 'pending',
      updated_at: '2024-03-10T14:02:00Z',
      note: '\u0000', // not a contract field: not stored, so no reason
    };
    expect(codes('clues', clue)).toEqual(['clue_id:too_long', 'subject_name:invalid_character']);
  });

  it('refuses an amount of money a number cannot hold to the digit, rather than storing it rounded', () => {
    const codes = (kind: 'subjects' | 'cases', raw: RawRecord) => {
      const result = validateRaw(kind, raw, ctx);
      return result.ok ? [] : result.reasons.map((r) => `${r.field}:${r.code}`).sort();
    };
    expect(codes('subjects', { ...subject, registered_capital_wan: '1234567890.123456789', shareholder_subscribed_wan: '12345678901234567.89' })).toEqual([
      'registered_capital_wan:precision',
      'shareholder_subscribed_wan:precision',
    ]);
    expect(codes('cases', { ...inspection, kind: '处罚', result: '', penalty_yuan: '9007199254740993' })).toEqual(['penalty_yuan:precision']);
    // Long spellings of amounts a number holds exactly are read, as written.
    for (const [text, value] of [
      ['8295000.123456', 8295000.123456],
      ['000050.500000000000000000', 50.5],
      ['+1000000000000000000000', 1e21],
      ['0.000000000000000001', 1e-18],
      ['9007199254740992', 9007199254740992],
    ] as const) {
      expect(validateRaw('subjects', { ...subject, registered_capital_wan: text }, ctx)).toMatchObject({ ok: true, record: { registeredCapitalWan: value } });
    }
    // Coordinates are measurements, kept as doubles: their last digits are not refused.
    expect(codes('subjects', { ...subject, lng: '113.110200000000000001', lat: '23.02970000000000000001' })).toEqual([]);
  });

  it('the fast screen and class-validator always reach the same verdict', () => {
    const mutated = fc.record({
      key: fc.constantFrom(...contractKeys('cases')),
      value: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('', '处罚', '检查', '立案查处', '2099-01-01', '-3', 'SAMR-01;FIRE-02', 'A')),
    });
    fc.assert(
      fc.property(fc.array(mutated, { maxLength: 4 }), (changes) => {
        const raw = { ...inspection };
        for (const { key, value } of changes) raw[key] = value;
        const verdict = validateRaw('cases', raw, ctx);
        expect(verdict.ok).toBe(classValidatorReasons('cases', raw, ctx).length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
