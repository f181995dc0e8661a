import { Injectable } from '@nestjs/common';
import { chinaDay } from '@tianping/common';
import { LIVE_STATUSES } from '../draw/draw-inputs.repository';
import { PlansRepository } from '../plans/plans.repository';
import { FOLLOW_UP_STATUSES, type FollowUpListQuery } from './dtos/follow-up.dto';
import { TrackedFollowUpsRepository } from './follow-ups.repository';

/** The bureau's list of orders to rectify it tracks (整改跟踪): waiting, due, scheduled, missed, overdue or cut off as stale. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly followUps: TrackedFollowUpsRepository,
    private readonly settings: PlansRepository,
  ) {}

  async list(q: FollowUpListQuery) {
    const on = q.on ?? chinaDay();
    const policy = await this.settings.policy();
    const statuses = !q.status || q.status === 'all' ? null : [q.status];
    const limit = q.limit ?? 500;
    const { counts, rows } = await this.followUps.list(
      { on, statuses, department: q.department ?? null, region: q.region ?? null, limit: limit + 1 },
      policy,
      LIVE_STATUSES,
    );
    return {
      on,
      counts: Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, counts[s] ?? 0])),
      rows: rows.slice(0, limit),
      // More rows than the limit: the page says the list is cut, the filters narrow it.
      truncated: rows.length > limit,
    };
  }
}
