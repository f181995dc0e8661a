import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { chinaDay } from '@tianping/common';
import { DispatchSubjects, type FollowUpReleased } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import type { EntityManager } from 'typeorm';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';
import { TeamChangesRepository } from '../team-changes/team-changes.repository';
import { releaseFollowUps, unneededOfficers, type HeldFollowUp } from './follow-up-release.util';
import { FollowUpReleasesRepository, type HeldVisit } from './follow-up-releases.repository';

/** A visit released by an extension, as the answer names it. */
export interface ReleasedVisit {
  id: string;
  number: string;
  date: string;
  cancelled: boolean;
  /** Officers taken off the team with the departments that left (certificate numbers). */
  officersRemoved: string[];
}

/**
 * When an extension moves a deadline to or past the day of a scheduled visit holding the re-inspection, that visit
 * would come before the enterprise's last day to rectify is over, for nothing: it gives the re-inspection up (or
 * is cancelled, as a plan cut cancels, when it was its only work) in the extension's transaction, and the next
 * draw plans it after the new day. Only visits from today on (China's day) are released: a past day's
 * visit keeps its re-inspection, its results may still come. Oversight's record hears of each release.
 */
@Injectable()
export class FollowUpReleasesService {
  constructor(
    private readonly releases: FollowUpReleasesRepository,
    private readonly teams: TeamChangesRepository,
  ) {}

  async releaseBefore(m: EntityManager, e: { extensionId: string; creditCode: string; held: HeldFollowUp[]; deadline: string }): Promise<ReleasedVisit[]> {
    const visits = await this.releases.holdingBefore(m, e.creditCode, e.held, e.deadline, chinaDay());
    const out: ReleasedVisit[] = [];
    for (const visit of visits) {
      const release = releaseFollowUps(visit, e.held);
      const id = randomUUID();
      const officersRemoved = release.cancelled ? [] : await this.unneeded(m, visit, release.kept.departments);
      const at = await this.releases.release(m, { id, extensionId: e.extensionId, visitId: visit.id, deadline: e.deadline, release, officersRemoved });
      // A route is one team's day: the smaller team takes the visit onto a route of its own, as a team change does.
      if (officersRemoved.length > 0)
        await this.teams.leaveRoute(
          m,
          visit,
          [visit],
          visit.officerIds.filter((o) => !officersRemoved.includes(o)),
        );
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
        officersRemoved,
        at,
      };
      await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.followUpReleased, event);
      out.push({ id: visit.id, number: visit.visitNo, date: visit.date, cancelled: release.cancelled, officersRemoved });
    }
    return out;
  }

  /** The officers brought only for the departments that left, when the rest still make a team. */
  private async unneeded(m: EntityManager, visit: HeldVisit, departments: string[]): Promise<string[]> {
    if (departments.length === visit.departments.length) return [];
    return unneededOfficers(await this.releases.team(m, visit.officerIds), departments, visit.date);
  }
}
