import { FollowUpListQuery } from '../../../dispatch/src/follow-ups/dtos/follow-up.dto';
import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { AbsenceQuery } from '../../../dispatch/src/absences/dtos/absence.dto';
import { DrawListQuery, DrawTasksQuery } from '../../../dispatch/src/draw/dtos/draw.dto';
import { VisitCalendarQuery } from '../../../dispatch/src/visits/dtos/visit.dto';
import { ApplicationQueryDto } from '../../../dispatch/src/rectification-applications/dtos/rectification-application.dto';
import { ReplacementsQuery } from '../../../dispatch/src/team-changes/dtos/team-change.dto';
import { CalendarQuery, ConflictQuery } from '../../../dispatch/src/plans/plans.controller';
import { PublicPlansQuery, PublicResultsQuery } from '../../../dispatch/src/public/public-disclosure.controller';
import { CorrectionsQuery } from '../../../intake/src/corrections/dtos/corrections-query.dto';
import { EnterpriseSearchQuery } from '../../../intake/src/enterprise/enterprise.controller';
import { QuarantineQuery } from '../../../intake/src/quarantine/quarantine.controller';
import { ApprovalsQuery } from '../../../oversight/src/approvals/dtos/sign-off.dto';
import { AuditPeriodQuery, DriftQuery, FairnessQuery, ReportsQuery } from '../../../oversight/src/audits/dtos/audit-query.dto';
import { KillSwitchQuery } from '../../../oversight/src/kill-switch/dtos/kill-switch-act.dto';
import { EntriesQuery } from '../../../oversight/src/record/dtos/audit-query.dto';
import { AppealQuery, CodesQuery, QueueQuery } from '../../../oversight/src/reviews/dtos/review.dto';
import { ScoreListQuery } from '../../../scoring/src/scores/dtos/score-query.dto';
import { DeadLetterQuery } from '@tianping/messaging';
import { AccessLogQuery } from '../access/access-log.controller';
import { ROUTES } from '../access/route-table';
import { AccountListQuery } from '../accounts/dtos/account.dto';
import { OperatorActionsQuery } from '../operations/operations.controller';
import { GATEWAY_RESULT_QUERIES } from '../public/inspection-results.controller';
import { buildOpenApi } from './openapi.util';
import { QUERIES } from './openapi-queries';

/** The class each app validates a route's query with. */
const VALIDATED_BY: Record<string, new () => object> = {
  'GET /api/accounts': AccountListQuery,
  'GET /api/access-log': AccessLogQuery,
  'GET /api/ops/actions': OperatorActionsQuery,
  'GET /api/dead-letters': DeadLetterQuery,
  'GET /api/enterprises': EnterpriseSearchQuery,
  'GET /api/quarantine': QuarantineQuery,
  'GET /api/corrections': CorrectionsQuery,
  'GET /api/scores': ScoreListQuery,
  'GET /api/draws': DrawListQuery,
  'GET /api/draws/:id/tasks': DrawTasksQuery,
  'GET /api/visits': VisitCalendarQuery,
  'GET /api/follow-ups': FollowUpListQuery,
  'GET /api/visits/:id/replacements': ReplacementsQuery,
  'GET /api/calendar': CalendarQuery,
  'GET /api/conflicts': ConflictQuery,
  'GET /api/absences': AbsenceQuery,
  'GET /api/audit/entries': EntriesQuery,
  'GET /api/reviews/confirmations': QueueQuery,
  'GET /api/reviews/colours': CodesQuery,
  'GET /api/appeals': AppealQuery,
  'GET /api/rectification-applications': ApplicationQueryDto,
  'GET /api/kill-switch': KillSwitchQuery,
  'GET /api/approvals': ApprovalsQuery,
  'GET /api/audits/fairness': FairnessQuery,
  'GET /api/audits/accuracy': AuditPeriodQuery,
  'GET /api/audits/colour-policies/:version': AuditPeriodQuery,
  'GET /api/audits/drift': DriftQuery,
  'GET /api/audits/reports': ReportsQuery,
  'GET /api/public/audit-reports': ReportsQuery,
  'GET /api/public/inspection-plans': PublicPlansQuery,
  'GET /api/public/inspection-results': PublicResultsQuery,
};

/** Parameters the web gateway answers itself before it passes the rest on. */
const GATEWAY_QUERIES: Record<string, string[]> = { 'GET /api/public/inspection-results': GATEWAY_RESULT_QUERIES };

const propertiesOf = (cls: new () => object) =>
  [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(cls, '', true, false)
        .map((m) => m.propertyName),
    ),
  ].sort();

describe("the OpenAPI document's query parameters", () => {
  it('name exactly the parameters each app validates', () => {
    for (const [route, cls] of Object.entries(VALIDATED_BY)) {
      const taken = [...propertiesOf(cls), ...(GATEWAY_QUERIES[route] ?? [])].sort();
      expect({ route, params: (QUERIES[route] ?? []).map((q) => q.name).sort() }).toEqual({ route, params: taken });
    }
  });

  it('belong to routes of the table, and appear in the document', () => {
    const keys = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    for (const route of Object.keys(QUERIES)) expect({ route, known: keys.has(route) }).toEqual({ route, known: true });
    const doc = buildOpenApi('test') as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    const scores = doc.paths['/api/scores'].get.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
    expect(scores).toEqual(expect.arrayContaining(['colour', 'order', 'after', 'limit']));
  });
});
