import type { CancelledBecause, VisitCancellation, VisitFollowUp, VisitRelease } from './visits.repository';

/** A visit's number (检查编号); any other reference of an order to rectify is a platform case's number. */
const VISIT_REF = /^TP-\d{4}-\d{6,}$/;

/** An earlier finding a visit comes to re-inspect (复查), as the enterprise reads it: whose, and from which inspection. */
export interface EnterpriseFollowUp {
  department: string;
  /** The earlier visit's number, or the platform case's number. */
  inspectionRef: string;
  /** `visit`: one of Tianping's visits; `case`: a case the platform exported. */
  source: 'visit' | 'case';
  /** The day of that inspection; null when no longer known. */
  inspectedOn: string | null;
}

export interface EnterpriseRelease {
  /** The release cancelled the visit, the re-inspection having been its only work. */
  cancelled: boolean;
  /** The deadline as extended: the re-inspection now comes after it. */
  deadline: string;
  followUps: EnterpriseFollowUp[];
  departmentsRemoved: string[];
}

export function enterpriseFollowUp(f: Pick<VisitFollowUp, 'department' | 'inspectionRef'> & { inspectedOn?: string | null }): EnterpriseFollowUp {
  return {
    department: f.department,
    inspectionRef: f.inspectionRef,
    source: VISIT_REF.test(f.inspectionRef) ? 'visit' : 'case',
    inspectedOn: f.inspectedOn ?? null,
  };
}

/** Per visit, why it was cancelled and the releases it went through, in the order they were made. */
export function changesByVisit(changes: { cancellations: VisitCancellation[]; releases: VisitRelease[] }) {
  const cancelled = new Map(changes.cancellations.map((c) => [c.visitId, c.reason]));
  const released = new Map<string, EnterpriseRelease[]>();
  for (const r of changes.releases) {
    const entry = { cancelled: r.cancelled, deadline: r.deadline, followUps: r.followUps.map(enterpriseFollowUp), departmentsRemoved: r.departmentsRemoved };
    released.set(r.visitId, [...(released.get(r.visitId) ?? []), entry]);
  }
  return {
    cancelledBecause: (visitId: string): CancelledBecause | null => cancelled.get(visitId) ?? null,
    released: (visitId: string): EnterpriseRelease[] => released.get(visitId) ?? [],
  };
}
