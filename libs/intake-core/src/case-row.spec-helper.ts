import type { RawRecord } from './intake.model';

/** A valid inspection row of cases.csv, as read (every cell text), with the cells given changed. */
export function inspectionRow(cells: RawRecord = {}): RawRecord {
  return {
    case_no: 'C1',
    credit_code: '91440604MA4UJ8K20C',
    department: 'SAMR',
    kind: '检查',
    origin: '双随机',
    date: '2024-03-12',
    items: 'SAMR-03',
    result: '未发现问题',
    violation: '',
    penalty_yuan: '',
    officer_ids: 'A;B',
    updated_at: '2024-03-13 09:00:00',
    ...cells,
  };
}
