import { createAppDataSource } from '@tianping/database';
import { CreateDispatchTables1763890000000 } from './migrations/1763890000000-CreateDispatchTables';
import { CreateColourDecisions1764310000000 } from './migrations/1764310000000-CreateColourDecisions';
import { AddDrawBackfill1764900000000 } from './migrations/1764900000000-AddDrawBackfill';
import { CreateChecklistItems1765500000000 } from './migrations/1765500000000-CreateChecklistItems';
import { SetAsideRefusedEvents1765600000002 } from './migrations/1765600000002-SetAsideRefusedEvents';
import { OrderOfficerChanges1765700000000 } from './migrations/1765700000000-OrderOfficerChanges';
import { CutOverlappedPlans1765950000000 } from './migrations/1765950000000-CutOverlappedPlans';
import { StorePublicPlanScope1766400000000 } from './migrations/1766400000000-StorePublicPlanScope';
import { AddComplaintLookback1766470000000 } from './migrations/1766470000000-AddComplaintLookback';
import { NumberVisits1766560000000 } from './migrations/1766560000000-NumberVisits';
import { RecordPlanEditor1766600000000 } from './migrations/1766600000000-RecordPlanEditor';
import { RecordConflictDeclarer1766640000000 } from './migrations/1766640000000-RecordConflictDeclarer';
import { VersionBureauSettings1766700000000 } from './migrations/1766700000000-VersionBureauSettings';
import { RecordVisitTeamChanges1766750000000 } from './migrations/1766750000000-RecordVisitTeamChanges';
import { RecordOfficerAbsences1766800000000 } from './migrations/1766800000000-RecordOfficerAbsences';
import { RecordRectificationFollowUps1766850000000 } from './migrations/1766850000000-RecordRectificationFollowUps';
import { RecordRectificationExtensions1766900000000 } from './migrations/1766900000000-RecordRectificationExtensions';
import { RecordRectificationApplications1766950000000 } from './migrations/1766950000000-RecordRectificationApplications';
import { RecordCaseRectificationExtensions1767000000000 } from './migrations/1767000000000-RecordCaseRectificationExtensions';
import { RecordCaseRectificationApplications1767050000000 } from './migrations/1767050000000-RecordCaseRectificationApplications';
import { RecordFollowUpReleases1767080000000 } from './migrations/1767080000000-RecordFollowUpReleases';
import { RecordReleasedOfficers1767100000000 } from './migrations/1767100000000-RecordReleasedOfficers';

export const DISPATCH_SCHEMA = 'dispatch';

export function createDispatchDataSource(url: string) {
  return createAppDataSource({
    url,
    schema: DISPATCH_SCHEMA,
    entities: [],
    migrations: [
      CreateDispatchTables1763890000000,
      CreateColourDecisions1764310000000,
      AddDrawBackfill1764900000000,
      CreateChecklistItems1765500000000,
      SetAsideRefusedEvents1765600000002,
      OrderOfficerChanges1765700000000,
      CutOverlappedPlans1765950000000,
      StorePublicPlanScope1766400000000,
      AddComplaintLookback1766470000000,
      NumberVisits1766560000000,
      RecordPlanEditor1766600000000,
      RecordConflictDeclarer1766640000000,
      VersionBureauSettings1766700000000,
      RecordVisitTeamChanges1766750000000,
      RecordOfficerAbsences1766800000000,
      RecordRectificationFollowUps1766850000000,
      RecordRectificationExtensions1766900000000,
      RecordRectificationApplications1766950000000,
      RecordCaseRectificationExtensions1767000000000,
      RecordCaseRectificationApplications1767050000000,
      RecordFollowUpReleases1767080000000,
      RecordReleasedOfficers1767100000000,
    ],
  });
}
