import { FOLLOW_UP_ORIGIN, type VisitOrigin, type VisitResultRecorded } from '@tianping/contracts';
import type { CaseOrigin, RawRecord } from '@tianping/intake-core';

const SEVERITY = ['未发现问题', '责令整改', '立案查处'] as const;

/** A visit's origin in Platform A's 检查来源 where it has the word; a re-inspection it has none for. */
const CASE_ORIGIN: Record<VisitOrigin, CaseOrigin> = { random: '双随机', complaint: '投诉举报', 'follow-up': FOLLOW_UP_ORIGIN };

/**
 * A joint visit's results become one inspection case per department, in Platform A's own terms,
 * so they pass the same validation as an export row and close the loop (结果回流). Each case is
 * numbered after its visit (`TP-2026-000123-SAMR`); a visit recorded before visits had numbers
 * keeps its id in their place, as its cases were then numbered. They are validated as Tianping's
 * (`madeBy: 'tianping'`): a re-inspection's 整改复查, which no platform row may carry, is theirs.
 */
export function visitResultToCases(event: VisitResultRecorded): RawRecord[] {
  const visit = typeof event.visitNo === 'string' && event.visitNo ? event.visitNo : `TP-${event.visitId}`;
  const byDepartment = new Map<string, VisitResultRecorded['items']>();
  for (const item of event.items) byDepartment.set(item.department, [...(byDepartment.get(item.department) ?? []), item]);
  return [...byDepartment.entries()].map(([department, items]) => ({
    case_no: `${visit}-${department}`,
    credit_code: event.creditCode,
    department,
    kind: '检查',
    origin: CASE_ORIGIN[event.origins?.[department] ?? 'random'] ?? '双随机',
    date: event.date,
    items: items.map((i) => i.item).join(';'),
    result: SEVERITY[Math.max(...items.map((i) => SEVERITY.indexOf(i.result)))] ?? '',
    violation: items
      .map((i) => i.violation)
      .filter(Boolean)
      .join('；'),
    penalty_yuan: '',
    officer_ids: event.officerIds.join(';'),
    updated_at: chinaStandardTime(event.at),
  }));
}

/** `2025-03-04T02:00:00Z` → `2025-03-04 10:00:00` (the platform's datetimes are UTC+8). */
function chinaStandardTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
