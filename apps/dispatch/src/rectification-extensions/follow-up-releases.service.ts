import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DispatchSubjects, type FollowUpReleased } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import type { EntityManager } from 'typeorm';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';
import { releaseFollowUps, type HeldFollowUp } from './follow-up-release.util';
import { FollowUpReleasesRepository } from './follow-up-releases.repository';

/** A visit released by an extension, as the answer names it. */
export interface ReleasedVisit {
  id: string;
  number: string;
  date: string;
  cancelled: boolean;
}

/**
 * When an extension moves a deadline past the day of a scheduled visit holding the re-inspection, that visit
 * would come before the enterprise is bound to have rectified, for nothing: it gives the re-inspection up (or
 * is cancelled, as a plan cut cancels, when it was its only work) in the extension's transaction, and the next
 * draw plans it on or after the new day. Oversight's record hears of each release.
 */
@Injectable()
export class FollowUpReleasesService {
  constructor(private readonly releases: FollowUpReleasesRepository) {}

  async releaseBefore(m: EntityManager, e: { extensionId: string; creditCode: string; held: HeldFollowUp[]; deadline: string }): Promise<ReleasedVisit[]> {
    const visits = await this.releases.holdingBefore(m, e.creditCode, e.held, e.deadline);
    const out: ReleasedVisit[] = [];
    for (const visit of visits) {
      const release = releaseFollowUps(visit, e.held);
      const id = randomUUID();
      const at = await this.releases.release(m, { id, extensionId: e.extensionId, visitId: visit.id, deadline: e.deadline, release });
      const event: FollowUpReleased = {
        releaseId: id,
        extensionId: e.extensionId,
        visitId: visit.id,
        visitNo: visit.visitNo,
        creditCode: e.creditCode,
        date: visit.date,
        followUps: release.followUps,
        deadline: e.deadline,
        cancelled: release.cancelled,
        departmentsRemoved: release.cancelled ? [] : release.removed.departments,
        at,
      };
      await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.followUpReleased, event);
      out.push({ id: visit.id, number: visit.visitNo, date: visit.date, cancelled: release.cancelled });
    }
    return out;
  }
}
