import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseExtensionsService } from '../case-extensions/case-extensions.service';
import { PlansRepository } from '../plans/plans.repository';
import { RectificationExtensionsService } from '../rectification-extensions/rectification-extensions.service';
import { VisitsService } from '../visits/visits.service';
import type { ApplicationQueryDto, RectificationApplicationDto, RectificationDecisionDto } from './dtos/rectification-application.dto';
import { decisionRefusal } from './rectification-application.util';
import { RectificationApplicationsRepository, type ApplicationSource, type OrderRef } from './rectification-applications.repository';

/** What applying and deciding need of an order to rectify, a visit's or a platform case's. */
interface OrderKind {
  /** The order, 404 when unknown; `lock` its row: two applications, or an application and a decision, queue. */
  found(key: string, m?: EntityManager, lock?: boolean): Promise<{ ref: OrderRef; label: string }>;
  /** The extension's refusals of the day asked for (409, 400), as the bureau could not grant it. */
  checkDay(m: EntityManager, key: string, to: string): Promise<void>;
  /** The extension a grant makes, in the caller's transaction. */
  extend(
    m: EntityManager,
    key: string,
    dto: { rectifyBy: string; reason: string; actor?: string },
  ): Promise<{ id: string; released: object[]; heldBefore: object[] }>;
}

/**
 * The enterprise's application for more time to rectify (延期整改申请), on a visit's order or a platform case's,
 * and the bureau's decision on it. A grant extends the deadline through the extensions of its kind, in the same
 * transaction, so oversight's record hears of it as of any extension; the reason and the note stay in dispatch.
 */
@Injectable()
export class RectificationApplicationsService {
  private readonly kinds: Record<ApplicationSource, OrderKind>;

  constructor(
    private readonly applications: RectificationApplicationsRepository,
    private readonly settings: PlansRepository,
    extensions: RectificationExtensionsService,
    cases: CaseExtensionsService,
    visits: VisitsService,
  ) {
    this.kinds = {
      visit: {
        found: async (key, m, lock) => {
          const visit = await visits.found(key, m, lock);
          return { ref: { visitId: visit.id }, label: `visit ${visit.visitNo}` };
        },
        checkDay: async (m, key, to) => void (await extensions.extendable(m, await visits.found(key, m), to)),
        extend: (m, key, dto) => extensions.extendWithin(m, key, dto),
      },
      case: {
        found: async (key, m, lock) => {
          const found = await cases.found(key, m, lock);
          return { ref: { caseNo: found.caseNo }, label: `case ${found.caseNo}` };
        },
        checkDay: async (m, key, to) => void (await cases.extendable(m, await cases.found(key, m), to)),
        extend: (m, key, dto) => cases.extendWithin(m, key, dto),
      },
    };
  }

  async apply(source: ApplicationSource, key: string, dto: RectificationApplicationDto) {
    const kind = this.kinds[source];
    const id = await this.applications.transaction(async (m) => {
      const order = await kind.found(key, m, true);
      // The same rules as an extension: a day the bureau could grant.
      await kind.checkDay(m, key, dto.rectifyBy);
      const pending = await this.applications.pendingOf(m, order.ref);
      if (pending) throw new ConflictException({ statusCode: 409, code: 'pending', message: `${order.label} has an application awaiting a decision`, pending });
      const created = randomUUID();
      await this.applications.insert(m, { ...order.ref, id: created, rectifyBy: dto.rectifyBy, reason: dto.reason.trim(), applicant: dto.actor ?? null });
      return created;
    });
    return (await this.applications.one(id, await this.days()))!;
  }

  async decide(source: ApplicationSource, key: string, applicationId: string, dto: RectificationDecisionDto) {
    const kind = this.kinds[source];
    const outcome = await this.applications.transaction(async (m) => {
      const order = await kind.found(key, m, true);
      const application = await this.applications.one(applicationId, await this.days(m), m);
      const ofOrder = application && (source === 'visit' ? application.visitId === order.ref.visitId : application.caseNo === order.ref.caseNo);
      if (!application || !ofOrder) throw new NotFoundException(`no application ${applicationId} for ${order.label}`);
      const refusal = decisionRefusal(application.status, dto);
      if (refusal?.code === 'decided') throw new ConflictException({ statusCode: 409, ...refusal });
      if (refusal) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', ...refusal, field: 'note' });
      const decidedBy = dto.actor ?? null;
      const note = dto.note?.trim() || null;
      if (dto.decision === 'refuse') {
        await this.applications.decide(m, { id: application.id, status: 'refused', decidedBy, note, extensionId: null });
        return { released: [] as object[], heldBefore: [] as object[] };
      }
      const extension = await kind.extend(m, key, {
        rectifyBy: dto.rectifyBy ?? application.rectifyBy,
        reason: application.reason,
        actor: decidedBy ?? undefined,
      });
      const made = source === 'visit' ? { extensionId: extension.id } : { extensionId: null, caseExtensionId: extension.id };
      await this.applications.decide(m, { id: application.id, status: 'granted', decidedBy, note, ...made });
      return { released: extension.released, heldBefore: extension.heldBefore };
    });
    return { ...(await this.applications.one(applicationId, await this.days()))!, ...outcome };
  }

  /** A visit's or a case's applications, newest first: for the enterprise it concerns and the bureau. */
  async forOrder(source: ApplicationSource, key: string) {
    const order = await this.kinds[source].found(key);
    return this.applications.forOrder(order.ref, await this.days());
  }

  /** The bureau's queue (`?status=pending`), visits' and cases' together, oldest first. */
  async list(query: ApplicationQueryDto) {
    return this.applications.list(query.status, await this.days());
  }

  private async days(m?: EntityManager): Promise<number> {
    return (await this.settings.policy(m)).rectificationDays;
  }
}
