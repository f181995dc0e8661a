import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { DispatchSubjects, type RectificationExtended } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';
import { PlansRepository } from '../plans/plans.repository';
import { currentDeadline, extensionRefusal, firstReinspectionDay, RECTIFY } from '../visits/rectification.util';
import { VisitsService } from '../visits/visits.service';
import { VisitsRepository, type VisitRow } from '../visits/visits.repository';
import type { EntityManager } from 'typeorm';
import type { RectificationExtensionDto } from './dtos/rectification-extension.dto';
import { FollowUpReleasesService } from './follow-up-releases.service';
import { RectificationExtensionsRepository } from './rectification-extensions.repository';

/**
 * Extending a done visit's rectification deadline (延期整改) when the enterprise asked for more time: the
 * re-inspection then waits for the new day. Each extension is kept with its reason, and sent to oversight's
 * record without it.
 */
@Injectable()
export class RectificationExtensionsService {
  constructor(
    private readonly extensions: RectificationExtensionsRepository,
    private readonly visits: VisitsService,
    private readonly visitRows: VisitsRepository,
    private readonly settings: PlansRepository,
    private readonly releases: FollowUpReleasesService,
  ) {}

  async extend(idOrNumber: string, dto: RectificationExtensionDto) {
    return this.extensions.transaction((m) => this.extendWithin(m, idOrNumber, dto));
  }

  /** The current deadline and the departments that ordered rectification, or the reason the deadline cannot move to `to`. */
  async extendable(m: EntityManager, visit: VisitRow, to: string): Promise<{ from: string; departments: string[] }> {
    if (visit.status !== 'done')
      throw new ConflictException({
        statusCode: 409,
        code: 'not_done',
        message: `visit ${visit.visitNo} is ${visit.status}: only a done visit's deadline is extended`,
      });
    const departments = [...new Set((visit.results ?? []).filter((r) => r.result === RECTIFY).map((r) => r.department))].sort();
    if (departments.length === 0)
      throw new ConflictException({
        statusCode: 409,
        code: 'no_order',
        message: `visit ${visit.visitNo} ordered no rectification (${RECTIFY}): there is no deadline`,
      });
    const from = currentDeadline(visit, (await this.settings.policy(m)).rectificationDays);
    refuseUnlessExtendable(await this.extensions.reinspections(m, visit, departments, from), visit.date, from, to);
    return { from, departments };
  }

  /** Extends inside the caller's transaction (granting an application does it in its own). */
  async extendWithin(m: EntityManager, idOrNumber: string, dto: RectificationExtensionDto) {
    // The visit's row lock, as recording results takes it: two extensions of one deadline queue.
    const visit = await this.visits.found(idOrNumber, m, true);
    const { from, departments } = await this.extendable(m, visit, dto.rectifyBy);
    const id = randomUUID();
    const reason = dto.reason.trim();
    const actor = dto.actor ?? null;
    const at = await this.extensions.extend(m, { id, visitId: visit.id, from, to: dto.rectifyBy, reason, actor });
    const event: RectificationExtended = {
      extensionId: id,
      visitId: visit.id,
      visitNo: visit.visitNo,
      creditCode: visit.creditCode,
      date: visit.date,
      departments,
      from,
      to: dto.rectifyBy,
      actor,
      at,
    };
    await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.rectificationExtended, event);
    // A re-inspection already planned before the new day would prove nothing: its visit gives it up, or is cancelled.
    const held = departments.map((department) => ({ department, inspectionRef: visit.visitNo }));
    const released = await this.releases.releaseBefore(m, { extensionId: id, creditCode: visit.creditCode, held, deadline: dto.rectifyBy });
    const heldBefore = await heldBeforeDeadline(this.visitRows, visit.creditCode, visit.visitNo, dto.rectifyBy, m);
    return { id, visitId: visit.id, visitNo: visit.visitNo, from, to: dto.rectifyBy, reason, actor, extendedAt: at, released, heldBefore };
  }

  /** The extensions of a visit's deadline, oldest first, with their reasons: for the bureau, never the enterprise. */
  async history(idOrNumber: string) {
    const visit = await this.visits.found(idOrNumber);
    return this.extensions.forVisit(visit.id);
  }
}

/** The visits still holding the re-inspection of `ref` on or before `deadline` once released: those whose day has passed (a release leaves them). */
export async function heldBeforeDeadline(visits: VisitsRepository, creditCode: string, ref: string, deadline: string, m: EntityManager) {
  return (await visits.reInspectionsOf(creditCode, ref, m))
    .filter((v) => v.status === 'scheduled' && v.date < firstReinspectionDay(deadline))
    .map((v) => ({ id: v.id, number: v.visitNo, date: v.date }));
}

/**
 * Refuses moving a deadline from `from` to `to` for an order given on `inspectedOn` (a visit's or a platform
 * case's): 409 `reinspected` when a re-inspection after the deadline is done (`done` names it), else 400 for a day
 * not later or beyond the cap.
 */
export function refuseUnlessExtendable(done: string[], inspectedOn: string, from: string, to: string): void {
  if (done.length > 0)
    throw new ConflictException({
      statusCode: 409,
      code: 'reinspected',
      message: `the re-inspection after ${from} is done (${done.join(', ')}): the follow-up is closed`,
    });
  const refusal = extensionRefusal(inspectedOn, from, to);
  if (refusal) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', ...refusal, field: 'rectifyBy' });
}
