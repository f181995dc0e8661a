import { CREDIT_CODE_ALPHABET, type Prng } from '@tianping/common';
import { formatDateTime } from './calendar.util';
import { brokenDateTime, formatAnyStyle, futureDate, impossibleDate } from './date-style.util';
import type { Enterprise } from './enterprise.model';
import { SUBJECT } from './headers.data';

/** The newest version of a subject's record as Platform A exports it (contract column order). */
export function subjectFields(e: Enterprise, prng: Prng): string[] {
  return [
    e.creditCode,
    e.fullName,
    formatAnyStyle(e.establishedDay, prng),
    e.capitalWan === null ? '' : String(e.capitalWan),
    e.subscribedWan === null ? '' : String(e.subscribedWan),
    e.employees === null ? '' : String(e.employees),
    e.industryCode,
    e.district.regionCode,
    e.address,
    e.lng === null ? '' : String(e.lng),
    e.lat === null ? '' : String(e.lat),
    e.status,
    e.abnormalListed ? '是' : '否',
    String(e.legalRepChanges),
    e.legalRepName,
    e.legalRepId,
    formatDateTime(e.updatedDay, e.updatedSecond),
  ];
}

/** An earlier version of the record (before its last change), or null when there was no time for one. */
export function olderSubjectFields(e: Enterprise, newest: readonly string[], prng: Prng): string[] | null {
  if (e.updatedDay <= e.establishedDay) return null;
  const older = newest.slice();
  older[SUBJECT['更新时间']] = formatDateTime(prng.int(e.establishedDay, e.updatedDay - 1), prng.int(8 * 3600, 20 * 3600));
  if (e.status !== '存续') older[SUBJECT['登记状态']] = '存续';
  else if (e.abnormalListed) older[SUBJECT['列入经营异常名录']] = '否';
  else if (e.employees !== null) older[SUBJECT['从业人数']] = String(Math.max(0, e.employees + prng.int(-3, 3)));
  return older;
}

type Defect = (fields: string[], prng: Prng) => void;

/** Each defect alone makes the row invalid under the contract. */
const SUBJECT_DEFECTS: readonly Defect[] = [
  (f) => (f[0] = f[0].slice(0, 17) + CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(f[0][17]) + 7) % 31]),
  (f, prng) => (f[0] = prng.bernoulli(0.5) ? f[0].slice(0, 17) : f[0].slice(0, 8) + 'O' + f[0].slice(9)),
  (f, prng) => (f[SUBJECT['成立日期']] = impossibleDate(prng)),
  (f, prng) => (f[SUBJECT['成立日期']] = futureDate(prng)),
  (f, prng) => (f[SUBJECT['注册资本(万元)']] = String(-prng.int(1, 500))),
  (f, prng) => (f[SUBJECT['股东认缴出资额(万元)']] = prng.pick(['-50', '五十', 'n/a'])),
  (f, prng) => (f[SUBJECT['从业人数']] = prng.pick(['-3', '12.5', '十二'])),
  (f, prng) => (f[SUBJECT['行业代码']] = prng.pick(['X1234', '62100', 'H621', 'h6210x'])),
  (f, prng) => (f[SUBJECT['行政区划代码']] = prng.pick(['44060', '4406040', 'FS0604'])),
  (f, prng) => (f[SUBJECT['登记状态']] = prng.pick(['营业中', '正常', '待定'])),
  (f, prng) => (f[SUBJECT['列入经营异常名录']] = prng.pick(['不知道', 'Y', '可能'])),
  (f) => (f[SUBJECT['近两年法定代表人变更次数']] = '-1'),
  (f, prng) => (f[SUBJECT['更新时间']] = brokenDateTime(prng)),
  (f) => (f[SUBJECT['主体名称']] = ''),
  (f, prng) => (f[SUBJECT['经度']] = prng.pick(['abc', '东经113度'])),
];

export function defectiveSubject(newest: readonly string[], prng: Prng): string[] {
  const fields = newest.slice();
  prng.pick(SUBJECT_DEFECTS)(fields, prng);
  return fields;
}
