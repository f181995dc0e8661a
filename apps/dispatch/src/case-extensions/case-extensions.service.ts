import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DispatchSubjects, type CaseRectificationExtended } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import type { EntityManager } from 'typeorm';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';
import { PlansRepository } from '../plans/plans.repository';
import type { RectificationExtensionDto } from '../rectification-extensions/dtos/rectification-extension.dto';
import { RectificationExtensionsRepository } from '../rectification-extensions/rectification-extensions.repository';
import { FollowUpReleasesService } from '../rectification-extensions/follow-up-releases.service';
import { heldBeforeDeadline, refuseUnlessExtendable } from '../rectification-extensions/rectification-extensions.service';
import { currentDeadline, RECTIFY } from '../visits/rectification.util';
import { VisitsRepository } from '../visits/visits.repository';
import { CaseExtensionsRepository, type InspectionCase } from './case-extensions.repository';

/**
 * Extending the deadline of a platform case's order to rectify (延期整改), under the visit's rules: the
 * deadline was the case's day + the policy's days (the platform exports none) until extended. A case of a
 * Tianping visit is extended on the visit. Kept with its reason; sent to oversight's record without it.
 */
@Injectable()
export class CaseExtensionsService {
  constructor(
    private readonly cases: CaseExtensionsRepository,
    private readonly visitExtensions: RectificationExtensionsRepository,
    private readonly visitRows: VisitsRepository,
    private readonly settings: PlansRepository,
    private readonly releases: FollowUpReleasesService,
  ) {}

  async extend(caseNo: string, dto: RectificationExtensionDto) {
    return this.cases.transaction((m) => this.extendWithin(m, caseNo, dto));
  }

  /** Extends inside the caller's transaction (granting an application does it in its own). */
  async extendWithin(m: EntityManager, caseNo: string, dto: RectificationExtensionDto) {
    const found = await this.found(caseNo, m, true);
    const from = await this.extendable(m, found, dto.rectifyBy);
    const id = randomUUID();
    const reason = dto.reason.trim();
    const actor = dto.actor ?? null;
    const { creditCode, department, date } = found;
    const at = await this.cases.extend(m, { id, caseNo: found.caseNo, creditCode, department, from, to: dto.rectifyBy, reason, actor });
    const event: CaseRectificationExtended = { extensionId: id, caseNo: found.caseNo, creditCode, department, date, from, to: dto.rectifyBy, actor, at };
    await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.caseRectificationExtended, event);
    // A re-inspection already planned before the new day would prove nothing: its visit gives it up, or is cancelled.
    const held = [{ department, inspectionRef: found.caseNo }];
    const released = await this.releases.releaseBefore(m, { extensionId: id, creditCode, held, deadline: dto.rectifyBy });
    const heldBefore = await heldBeforeDeadline(this.visitRows, creditCode, found.caseNo, dto.rectifyBy, m);
    return { id, caseNo: found.caseNo, from, to: dto.rectifyBy, reason, actor, extendedAt: at, released, heldBefore };
  }

  /**
   * The enterprise's platform-case orders to rectify still open (not re-inspected), oldest first: the
   * department, the case's day and the deadline now, so it may apply for more time. No reasons.
   */
  async openOrdersOf(creditCode: string) {
    return this.cases.openOrdersOf(creditCode, (await this.settings.policy()).rectificationDays);
  }

  /** The case with its deadline and extensions, oldest first (the reasons for the bureau, never the enterprise). */
  async history(caseNo: string) {
    const found = await this.found(caseNo);
    const ordered = found.kind === '检查' && found.result === RECTIFY && !found.ownVisit;
    const deadline = ordered ? currentDeadline({ date: found.date, rectifyBy: found.extendedTo }, (await this.settings.policy()).rectificationDays) : null;
    const { caseNo: no, creditCode, department, date } = found;
    return {
      caseNo: no,
      creditCode,
      department,
      departments: [department],
      date,
      ordered,
      ownVisit: found.ownVisit,
      rectifyBy: deadline,
      extensions: await this.cases.forCase(no),
    };
  }

  /** The case, or 404; `lock` queues two extensions (or applications) of one case. */
  async found(caseNo: string, m?: EntityManager, lock = false): Promise<InspectionCase> {
    const found = await this.cases.found(caseNo, m, lock);
    if (!found) throw new NotFoundException({ statusCode: 404, message: `no case ${caseNo}` });
    return found;
  }

  /** The current deadline, or the reason it cannot move to `to`: the visit's refusals, and `own_visit`. */
  async extendable(m: EntityManager, found: InspectionCase, to: string): Promise<string> {
    if (found.kind !== '检查' || found.result !== RECTIFY)
      throw new ConflictException({ statusCode: 409, code: 'no_order', message: `case ${found.caseNo} is no inspection ordering rectification (${RECTIFY})` });
    if (found.ownVisit)
      throw new ConflictException({
        statusCode: 409,
        code: 'own_visit',
        message: `case ${found.caseNo} is a Tianping visit's: extend the deadline on the visit`,
      });
    const from = currentDeadline({ date: found.date, rectifyBy: found.extendedTo }, (await this.settings.policy(m)).rectificationDays);
    const done = await this.visitExtensions.reinspections(m, { id: null, creditCode: found.creditCode }, [found.department], from);
    refuseUnlessExtendable(done, found.date, from, to);
    return from;
  }
}
