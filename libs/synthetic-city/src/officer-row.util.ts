import type { Prng } from '@tianping/common';
import { formatAnyStyle, impossibleDate } from './date-style.util';
import { DISTRICTS } from './foshan-geography.data';
import { OFFICER } from './headers.data';
import type { Officer } from './officer-roster.util';

export function officerFields(officer: Officer, prng: Prng): string[] {
  return [
    officer.officerId,
    officer.name,
    officer.department,
    formatAnyStyle(officer.certValidUntilDay, prng),
    officer.domains.join(';'),
    DISTRICTS[officer.districtIndex].regionCode,
    officer.onDuty ? '在岗' : '离岗',
  ];
}

type Defect = (fields: string[], prng: Prng) => void;

const OFFICER_DEFECTS: readonly Defect[] = [
  (f, prng) => (f[OFFICER['所属部门']] = prng.pick(['POLICE', 'XYZ'])),
  (f, prng) => (f[OFFICER['执法证有效期至']] = impossibleDate(prng)),
  (f, prng) => (f[OFFICER['状态']] = prng.pick(['休假', '退休', ''])),
  (f) => (f[OFFICER['常驻区划']] = '44060'),
  (f) => (f[OFFICER['可检查部门']] = `${f[OFFICER['可检查部门']]};TAX`),
  (f) => (f[OFFICER['执法证号']] = ''),
];

export function defectiveOfficer(fields: readonly string[], prng: Prng): string[] {
  const copy = fields.slice();
  prng.pick(OFFICER_DEFECTS)(copy, prng);
  return copy;
}
