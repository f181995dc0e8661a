import type { Prng } from '@tianping/common';
import { formatDateTime } from './calendar.util';
import { mistypeCreditCode } from './credit-code-minter.util';
import { brokenDateTime, formatAnyStyle, futureDate, impossibleDate } from './date-style.util';
import { CASE } from './headers.data';
import type { Inspection } from './violation-process.util';

/** A case as exported, plus what versioning needs: when it was first and last touched. */
export interface CaseRecord {
  caseNo: string;
  fields: string[];
  isInspection: boolean;
  day: number;
  updatedDay: number;
  updatedSecond: number;
}

export function inspectionRecord(caseNo: string, creditCode: string, inspection: Inspection, endDay: number, prng: Prng): CaseRecord {
  const updatedDay = Math.min(inspection.day + prng.int(0, 10), endDay - 1);
  const updatedSecond = prng.int(12 * 3600, 20 * 3600);
  const fields = [
    caseNo,
    creditCode,
    inspection.department,
    '检查',
    inspection.origin,
    formatAnyStyle(inspection.day, prng),
    inspection.items,
    inspection.result,
    inspection.violation,
    '',
    inspection.team.map((o) => o.officerId).join(';'),
    formatDateTime(updatedDay, updatedSecond),
  ];
  return { caseNo, fields, isInspection: true, day: inspection.day, updatedDay, updatedSecond };
}

export function penaltyRecord(caseNo: string, creditCode: string, inspection: Inspection, endDay: number, prng: Prng): CaseRecord {
  const penalty = inspection.penalty!;
  const updatedDay = Math.min(penalty.day + prng.int(0, 20), endDay - 1);
  const updatedSecond = prng.int(12 * 3600, 20 * 3600);
  const fields = [
    caseNo,
    creditCode,
    inspection.department,
    '处罚',
    inspection.origin,
    formatAnyStyle(penalty.day, prng),
    inspection.items,
    '',
    inspection.violation || '违反相关管理规定',
    String(penalty.amountYuan),
    inspection.team.map((o) => o.officerId).join(';'),
    formatDateTime(updatedDay, updatedSecond),
  ];
  return { caseNo, fields, isInspection: false, day: penalty.day, updatedDay, updatedSecond };
}

/** The version before the last edit: touched earlier the same or a previous day, one detail different. */
export function olderCaseFields(record: CaseRecord, prng: Prng): string[] {
  const older = record.fields.slice();
  const sameDay = record.updatedDay === record.day;
  const day = sameDay ? record.day : prng.int(record.day, record.updatedDay - 1);
  older[CASE['更新时间']] = formatDateTime(day, sameDay ? prng.int(8 * 3600, 11 * 3600) : prng.int(8 * 3600, 20 * 3600));
  if (!record.isInspection) older[CASE['罚没金额(元)']] = String(Number(record.fields[CASE['罚没金额(元)']]) * 2);
  else if (record.fields[CASE['违法行为']] !== '') older[CASE['违法行为']] = '';
  else older[CASE['检查事项']] = record.fields[CASE['检查事项']].split(';')[0];
  return older;
}

type Defect = (fields: string[], prng: Prng) => void;

const ANY_CASE_DEFECTS: readonly Defect[] = [
  (f, prng) => (f[CASE['统一社会信用代码']] = mistypeCreditCode(f[CASE['统一社会信用代码']], prng)),
  (f, prng) => (f[CASE['执法部门']] = prng.pick(['XYZ', 'POLICE', '市场监管'])),
  (f, prng) => (f[CASE['案件类型']] = prng.pick(['复查', '约谈'])),
  (f, prng) => (f[CASE['检查来源']] = prng.pick(['暗访', '上级交办'])),
  (f, prng) => (f[CASE['发生日期']] = impossibleDate(prng)),
  (f, prng) => (f[CASE['发生日期']] = futureDate(prng)),
  (f) => (f[CASE['检查事项']] = ''),
  (f) => (f[CASE['检查事项']] = f[CASE['检查事项']].replace(/-/g, '')),
  (f, prng) => (f[CASE['罚没金额(元)']] = prng.pick(['-500', 'abc', '五千'])),
  (f) => (f[CASE['执法人员证号']] = ''),
  (f, prng) => (f[CASE['更新时间']] = brokenDateTime(prng)),
  (f) => (f[CASE['案件编号']] = ''),
];

const INSPECTION_DEFECTS: readonly Defect[] = [
  (f, prng) => (f[CASE['检查结果']] = prng.pick(['已整改', '合格', '待定'])),
  (f) => (f[CASE['执法人员证号']] = f[CASE['执法人员证号']].split(';')[0]),
];

export function defectiveCase(record: CaseRecord, prng: Prng): string[] {
  const fields = record.fields.slice();
  const pool = record.isInspection && prng.bernoulli(0.3) ? INSPECTION_DEFECTS : ANY_CASE_DEFECTS;
  prng.pick(pool)(fields, prng);
  return fields;
}
