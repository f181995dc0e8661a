import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chinaDay, normaliseTypedCode } from '@tianping/common';
import { appealRevoking, DispatchSubjects, type VisitItemResult, type VisitResultRecorded } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';
import { PlansRepository } from '../plans/plans.repository';
import { RESULT_ALIASES, type VisitItemResultDto, type VisitResultsDto, type VisitCalendarQuery } from './dtos/visit.dto';
import { changesByVisit, enterpriseFollowUp } from './enterprise-visit.util';
import { rectificationDeadline } from './rectification.util';
import { visitOrigins } from './visit-origins.util';
import { VisitsRepository, type VisitRow } from './visits.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A visit's number as people write it: `TP-2026-000123`, `tp-2026-000123`, full-width or padded. */
const VISIT_NO = /^TP-\d{4}-\d{6,}$/;
const FOUND_VIOLATION = new Set(['责令整改', '立案查处']);

/** Visits after planning: the calendar, the combined checklist, results, ratings and notices. */
@Injectable()
export class VisitsService {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly settings: PlansRepository,
  ) {}

  calendar(q: VisitCalendarQuery) {
    // Swapped days would find nothing, and an empty calendar reads as "no visits", not as a mistake.
    if (q.from && q.to && q.from > q.to) throw new BadRequestException('from must not be after to');
    return this.visits
      .list({
        from: q.date ?? q.from,
        to: q.date ?? q.to,
        officerId: q.officer,
        regionCode: q.region,
        creditCode: q.creditCode?.toUpperCase(),
        department: q.department,
        reason: q.reason,
        colour: q.colour,
        drawId: q.draw,
        statuses: q.status ? [q.status] : ['scheduled', 'done'],
        limit: q.limit ?? 500,
      })
      .then((rows) => rows.map(calendarEntry));
  }

  /** One visit with its combined checklist (一表通查), grouped by department, and its route. */
  async get(id: string) {
    const visit = await this.found(id);
    const route = await this.visits.route(visit.drawId, visit.routeKey);
    const departments = visit.departments.map((department) => ({
      department,
      items: visit.checklist.filter((c) => c.department === department).map((c) => c.item),
    }));
    return {
      ...calendarEntry(visit),
      checklist: departments,
      clueIds: visit.clueIds,
      results: visit.results,
      rectifyBy: visit.rectifyBy,
      originalRectifyBy: visit.originalRectifyBy,
      // The re-inspections its order to rectify led to: the loop closed, or when it will be.
      reInspections: visit.rectifyBy ? await this.visits.reInspectionsOf(visit.creditCode, visit.visitNo) : [],
      recordedAt: visit.recordedAt,
      rating: visit.rating,
      route,
    };
  }

  /**
   * Records every checklist item's result and publishes them; intake will turn them into cases
   * (closing the loop) and scoring re-scores the enterprise from those cases. An item 责令整改 sets a
   * rectification deadline, after which a draw plans the re-inspection (复查).
   */
  async recordResults(id: string, body: VisitResultsDto) {
    return this.visits.transaction(async (m) => {
      const visit = await this.found(id, m, true);
      if (visit.status !== 'scheduled') throw new ConflictException(`visit ${id} is ${visit.status}: results can be recorded once, on a scheduled visit`);
      if (visit.date > chinaDay()) throw new ConflictException(`visit ${id} is planned for ${visit.date}: results come after the visit`);
      const results = this.matchChecklist(visit, body.items);
      const deadline = rectificationDeadline(visit.date, results, body.rectifyBy, (await this.settings.policy(m)).rectificationDays);
      if ('problem' in deadline) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: deadline.problem, field: 'rectifyBy' });
      const { rectifyBy } = deadline;
      const recordedAt = await this.visits.recordResults(m, visit.id, results, rectifyBy);
      const event: VisitResultRecorded = {
        visitId: visit.id,
        visitNo: visit.visitNo,
        creditCode: visit.creditCode,
        date: visit.date,
        officerIds: visit.officerIds,
        items: results,
        origins: visitOrigins(visit, results, await this.visits.complaintDepartments(m, visit.clueIds)),
        ...(rectifyBy ? { rectifyBy } : {}),
        at: recordedAt,
      };
      await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.visitResultRecorded, event);
      return {
        visitId: visit.id,
        visitNo: visit.visitNo,
        status: 'done',
        items: results.length,
        violationsFound: results.filter((r) => FOUND_VIOLATION.has(r.result)).length,
        rectifyBy,
        recordedAt,
      };
    });
  }

  private matchChecklist(visit: VisitRow, items: VisitItemResultDto[]): VisitItemResult[] {
    const departmentOf = new Map(visit.checklist.map((c) => [c.item, c.department]));
    const seen = new Set<string>();
    const problems: string[] = [];
    const results = items.map((i): VisitItemResult => {
      const result = RESULT_ALIASES[i.result];
      if (!departmentOf.has(i.item)) problems.push(`${i.item} is not on this visit's checklist`);
      if (seen.has(i.item)) problems.push(`${i.item} is given twice`);
      if (FOUND_VIOLATION.has(result) && !i.violation?.trim()) problems.push(`${i.item}: ${result} needs the violation found`);
      seen.add(i.item);
      return { item: i.item, department: departmentOf.get(i.item) ?? '', result, ...(i.violation?.trim() ? { violation: i.violation.trim() } : {}) };
    });
    const missing = [...departmentOf.keys()].filter((item) => !seen.has(item));
    if (missing.length > 0) problems.push(`no result for ${missing.join(', ')}`);
    if (problems.length > 0) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'results do not match the checklist', problems });
    return results;
  }

  /** The enterprise's rating of a visit that took place; one per visit. */
  async rate(id: string, stars: number, comment?: string) {
    return this.visits.transaction(async (m) => {
      const visit = await this.found(id, m, true);
      if (visit.status !== 'done') throw new ConflictException(`visit ${id} can be rated once it has taken place`);
      if (visit.rating) throw new ConflictException(`visit ${id} is already rated`);
      await this.visits.rate(m, visit.id, stars, comment);
      return { visitId: visit.id, stars, comment: comment ?? null };
    });
  }

  /**
   * What an enterprise sees: visits it may be told of in advance (cancelled ones too, with why), and visits that took place, with what
   * each item found (it must know what to put right) and whether it may still rate the visit.
   */
  async forEnterprise(creditCode: string) {
    // A cancelled visit only when it was announced: one never announced stays unknown to the enterprise.
    const rows = (await this.visits.list({ creditCode: creditCode.toUpperCase(), statuses: ['scheduled', 'done', 'cancelled'], limit: 200 }))
      .filter((v) => v.status === 'done' || v.noticeAllowed)
      .reverse();
    const revoked = revokedByVisit(await this.visits.revokedFindings(rows.filter((v) => v.status === 'done').map((v) => v.id)));
    const changes = changesByVisit(await this.visits.changesOf(rows.map((v) => v.id)));
    return rows.map((v) => {
      const revokedOf = revoked.get(v.id) ?? new Map<string, string>();
      const results = v.status === 'done' ? (v.results ?? []).map((r) => enterpriseItem(r, revokedOf.get(r.department))) : null;
      // A deadline only while an order stands: a finding revoked on appeal (撤销) orders nothing.
      const ordered = results !== null && results.some((r) => r.result === '责令整改' && !r.revokedOnAppeal);
      return {
        visitId: v.id,
        visitNo: v.visitNo,
        date: v.date,
        status: v.status,
        departments: v.departments,
        checklist: v.checklist.map((c) => c.item),
        // The earlier findings it comes to re-inspect (复查), and which department re-inspects each.
        followUps: v.followUps.map(enterpriseFollowUp),
        cancelledBecause: v.status === 'cancelled' ? changes.cancelledBecause(v.id) : null,
        // Re-inspections an extension (延期整改) moved after its new deadline: the visit gave them up, or was cancelled.
        released: changes.released(v.id),
        results,
        // What it must put right by when: a re-inspection (复查) follows after this day.
        rectifyBy: ordered ? v.rectifyBy : null,
        // Set when the deadline was extended (延期整改): the one first given.
        originalRectifyBy: ordered ? v.originalRectifyBy : null,
        canRate: v.status === 'done' && !v.rating,
        rating: v.rating,
      };
    });
  }

  /** A visit by its id or by its number (`TP-2026-000123`), as a person reads it off a notice. */
  async found(idOrNumber: string, m?: EntityManager, lock = false): Promise<VisitRow> {
    const number = normaliseTypedCode(idOrNumber);
    const id = UUID.test(idOrNumber) ? idOrNumber : VISIT_NO.test(number) ? await this.visits.idOfNumber(number) : null;
    const visit = id ? await this.visits.find(id, m, lock) : null;
    if (!visit) throw new NotFoundException(`no visit ${idOrNumber}`);
    return visit;
  }
}

/** Per visit, its departments whose finding was revoked on appeal, with the revoked case's result (naming the appeal). */
function revokedByVisit(rows: { visitId: string; department: string; result: string }[]): Map<string, Map<string, string>> {
  const byVisit = new Map<string, Map<string, string>>();
  for (const r of rows) byVisit.set(r.visitId, (byVisit.get(r.visitId) ?? new Map<string, string>()).set(r.department, r.result));
  return byVisit;
}

/** An item as the enterprise sees it; one whose department's finding was revoked on appeal names the appeal. */
function enterpriseItem({ item, result, violation }: VisitItemResult, revokedResult: string | undefined) {
  const appealId = appealRevoking(revokedResult);
  return { item, result, ...(violation ? { violation } : {}), ...(appealId ? { revokedOnAppeal: appealId } : {}) };
}

function calendarEntry(v: VisitRow) {
  return {
    id: v.id,
    visitNo: v.visitNo,
    drawId: v.drawId,
    date: v.date,
    regionCode: v.regionCode,
    creditCode: v.creditCode,
    officerIds: v.officerIds,
    departments: v.departments,
    reasons: v.reasons,
    followUps: v.followUps,
    exploration: v.exploration,
    routeKey: v.routeKey,
    routeOrder: v.routeOrder,
    noticeAllowed: v.noticeAllowed,
    status: v.status,
  };
}
