import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { FOLLOW_UP_ORIGIN } from '@tianping/contracts';
import { inspectionRow } from './case-row.spec-helper';
import { parseCsvExport } from './csv-export.parser';
import { PLATFORM_CASE_ORIGINS, RawRecord, RecordMaker, TIANPING_CASE_ORIGINS } from './intake.model';
import { classValidatorReasons, validateRaw } from './record-validation.util';

const now = new Date('2024-06-01T00:00:00+08:00');
const by = (madeBy?: RecordMaker) => ({ now, ...(madeBy ? { madeBy } : {}) });
const withOrigin = (origin: string): RawRecord => inspectionRow({ origin });
const refusedAsEnum = (allowed: readonly string[]) => ({
  ok: false,
  reasons: [{ field: 'origin', code: 'enum', message: `origin must be one of ${allowed.join(', ')}`, expected: { allowed: [...allowed] } }],
});

// The shared contract lives beside the repository: <root>/../shared/contracts.
const CONTRACT = path.resolve(__dirname, '../../../../shared/contracts/README.md');

describe("a case's origin (检查来源), by who made the case", () => {
  it("takes from a platform's export exactly the origins its contract lists", () => {
    const row = /^\| 检查来源 \| origin \| (.+) \|$/m.exec(fs.readFileSync(CONTRACT, 'utf8'));
    expect(row?.[1].split(/, | or /)).toEqual([...PLATFORM_CASE_ORIGINS]);
    for (const origin of PLATFORM_CASE_ORIGINS) expect(validateRaw('cases', withOrigin(origin), by())).toMatchObject({ ok: true, record: { origin } });
  });

  it("refuses 整改复查 in a platform's row, saying it is Tianping's own and what the platform's rows take", () => {
    for (const ctx of [by(), by('platform')]) {
      const result = validateRaw('cases', withOrigin(FOLLOW_UP_ORIGIN), ctx);
      expect(result).toEqual({
        ok: false,
        reasons: [
          {
            field: 'origin',
            code: 'tianping_only',
            message: expect.stringContaining("Tianping's own re-inspections"),
            expected: { allowed: [...PLATFORM_CASE_ORIGINS] },
          },
        ],
      });
    }
  });

  it("refuses any other origin in a platform's row as not one of the platform's five", () => {
    expect(validateRaw('cases', withOrigin('随机抽查'), by())).toEqual(refusedAsEnum(PLATFORM_CASE_ORIGINS));
  });

  it("takes from Tianping's visit results the platform's origins and 整改复查, and nothing else", () => {
    expect(TIANPING_CASE_ORIGINS).toEqual([...PLATFORM_CASE_ORIGINS, FOLLOW_UP_ORIGIN]);
    for (const origin of TIANPING_CASE_ORIGINS)
      expect(validateRaw('cases', withOrigin(origin), by('tianping'))).toMatchObject({ ok: true, record: { origin } });
    expect(validateRaw('cases', withOrigin('随机抽查'), by('tianping'))).toEqual(refusedAsEnum(TIANPING_CASE_ORIGINS));
    expect(validateRaw('cases', withOrigin(' '), by('tianping'))).toMatchObject({ ok: false, reasons: [{ field: 'origin', code: 'required' }] });
  });

  it('quarantines a platform export row with 整改复查 and keeps reading the rows after it', () => {
    const header = '案件编号,统一社会信用代码,执法部门,案件类型,检查来源,发生日期,检查事项,检查结果,违法行为,罚没金额(元),执法人员证号,更新时间\n';
    const line = (no: string, origin: string) => `${no},91440604MA4UJ8K20C,SAMR,检查,${origin},2024-03-12,SAMR-03,未发现问题,,,A;B,2024-03-13 09:00:00\n`;
    const outcomes = parseCsvExport('cases', header + line('FS-1', '整改复查') + line('FS-2', '专项检查'), by());
    expect(outcomes.map((o) => [o.line, o.ok ? 'ok' : o.reasons.map((r) => `${r.field}:${r.code}`).join()])).toEqual([
      [1, 'origin:tianping_only'],
      [2, 'ok'],
    ]);
  });

  it('the fast screen and class-validator reach the same verdict on any origin, whoever made the case', () => {
    const origin = fc.oneof(fc.constantFrom(...TIANPING_CASE_ORIGINS, '', ' 整改复查 ', '复查'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(origin, fc.constantFrom<RecordMaker>('platform', 'tianping'), (value, madeBy) => {
        const raw = withOrigin(value);
        expect(validateRaw('cases', raw, by(madeBy)).ok).toBe(classValidatorReasons('cases', raw, by(madeBy)).length === 0);
      }),
      { numRuns: 200 },
    );
  });
});
