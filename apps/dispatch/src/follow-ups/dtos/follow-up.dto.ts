import { QueryInt } from '@tianping/common';
import { IsIn, IsOptional, Matches } from 'class-validator';

/**
 * Where an order to rectify stands; `closed` (re-inspected) orders are not tracked. `missed`: the visit holding the
 * re-inspection has had its day and no results, apart from `overdue` (no re-inspection held at all past its due day).
 */
export const FOLLOW_UP_STATUSES = ['waiting', 'due', 'scheduled', 'missed', 'overdue', 'stale'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export class FollowUpListQuery {
  /** One status, or `all`; omitted, every order not closed (the same as `all`). */
  @IsOptional() @IsIn([...FOLLOW_UP_STATUSES, 'all']) status?: FollowUpStatus | 'all';
  /** The department that gave the order, e.g. SAMR: the gateway sets a department officer's own. */
  @IsOptional() @Matches(/^[A-Z]{2,10}$/) department?: string;
  /** The enterprise's district (six digits), as the calendar filters. */
  @IsOptional() @Matches(/^\d{6}$/) region?: string;
  /** The day the statuses are read on; omitted, today in China. */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) on?: string;
  @IsOptional() @QueryInt(1, 2000) limit?: number;
}
