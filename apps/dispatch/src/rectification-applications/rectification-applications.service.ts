import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { RectificationExtensionsService } from '../rectification-extensions/rectification-extensions.service';
import { VisitsService } from '../visits/visits.service';
import type { ApplicationQueryDto, RectificationApplicationDto, RectificationDecisionDto } from './dtos/rectification-application.dto';
import { decisionRefusal } from './rectification-application.util';
import { RectificationApplicationsRepository } from './rectification-applications.repository';

/**
 * The enterprise's application for more time to rectify (延期整改申请) and the bureau's decision on it. A
 * grant extends the deadline through the extensions, in the same transaction, so oversight's record hears
 * of it as of any extension; the reason and the note stay in dispatch.
 */
@Injectable()
export class RectificationApplicationsService {
  constructor(
    private readonly applications: RectificationApplicationsRepository,
    private readonly extensions: RectificationExtensionsService,
    private readonly visits: VisitsService,
  ) {}

  async apply(idOrNumber: string, dto: RectificationApplicationDto) {
    const id = await this.applications.transaction(async (m) => {
      // The visit's row lock: two applications, or an application and a decision, queue.
      const visit = await this.visits.found(idOrNumber, m, true);
      // The same rules as an extension: a day the bureau could grant.
      await this.extensions.extendable(m, visit, dto.rectifyBy);
      const pending = await this.applications.pendingOf(m, visit.id);
      if (pending)
        throw new ConflictException({ statusCode: 409, code: 'pending', message: `visit ${visit.visitNo} has an application awaiting a decision`, pending });
      const created = randomUUID();
      await this.applications.insert(m, { id: created, visitId: visit.id, rectifyBy: dto.rectifyBy, reason: dto.reason.trim(), applicant: dto.actor ?? null });
      return created;
    });
    return (await this.applications.one(id))!;
  }

  async decide(idOrNumber: string, applicationId: string, dto: RectificationDecisionDto) {
    const outcome = await this.applications.transaction(async (m) => {
      const visit = await this.visits.found(idOrNumber, m, true);
      const application = await this.applications.one(applicationId, m);
      if (!application || application.visitId !== visit.id) throw new NotFoundException(`no application ${applicationId} for visit ${visit.visitNo}`);
      const refusal = decisionRefusal(application.status, dto);
      if (refusal?.code === 'decided') throw new ConflictException({ statusCode: 409, ...refusal });
      if (refusal) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', ...refusal, field: 'note' });
      const decidedBy = dto.actor ?? null;
      const note = dto.note?.trim() || null;
      if (dto.decision === 'refuse') {
        await this.applications.decide(m, { id: application.id, status: 'refused', decidedBy, note, extensionId: null });
        return { heldBefore: [] };
      }
      const extension = await this.extensions.extendWithin(m, visit.id, {
        rectifyBy: dto.rectifyBy ?? application.rectifyBy,
        reason: application.reason,
        actor: decidedBy ?? undefined,
      });
      await this.applications.decide(m, { id: application.id, status: 'granted', decidedBy, note, extensionId: extension.id });
      return { heldBefore: extension.heldBefore };
    });
    return { ...(await this.applications.one(applicationId))!, heldBefore: outcome.heldBefore };
  }

  /** A visit's applications, newest first: for the enterprise it concerns and the bureau. */
  async forVisit(idOrNumber: string) {
    const visit = await this.visits.found(idOrNumber);
    return this.applications.forVisit(visit.id);
  }

  /** The bureau's queue (`?status=pending`), oldest first. */
  list(query: ApplicationQueryDto) {
    return this.applications.list(query.status);
  }
}
