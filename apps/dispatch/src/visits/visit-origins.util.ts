import type { VisitItemResult, VisitOrigin } from '@tianping/contracts';
import type { VisitFollowUp } from './visits.repository';

/**
 * Why each department of the visit went, for its case's 检查来源: a re-inspection it carried (复查) before a
 * complaint it followed up, before the draw itself (by risk, exploration or at random, all 双随机).
 */
export function visitOrigins(visit: { followUps: VisitFollowUp[] }, results: VisitItemResult[], complaintDepartments: string[]): Record<string, VisitOrigin> {
  const followedUp = new Set(visit.followUps.map((f) => f.department));
  const complained = new Set(complaintDepartments);
  const origins: Record<string, VisitOrigin> = {};
  for (const { department } of results) origins[department] = followedUp.has(department) ? 'follow-up' : complained.has(department) ? 'complaint' : 'random';
  return origins;
}
