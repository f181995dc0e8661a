import 'reflect-metadata';
import { isDeepStrictEqual } from 'node:util';
import { getMetadataStorage } from 'class-validator';
import { OpenApiValidator } from '@tianping/testing';
import { AbsenceDto } from '../../../dispatch/src/absences/dtos/absence.dto';
import { ChecklistItemNameDto } from '../../../dispatch/src/checklist/checklist-items.controller';
import { CalendarDayDto, DepartmentPlanDto, PolicyDto } from '../../../dispatch/src/plans/dtos/department-plan.dto';
import { CreateDrawDto } from '../../../dispatch/src/draw/dtos/draw.dto';
import { ConflictDto } from '../../../dispatch/src/plans/dtos/department-plan.dto';
import { RectificationExtensionDto } from '../../../dispatch/src/rectification-extensions/dtos/rectification-extension.dto';
import { RectificationApplicationDto, RectificationDecisionDto } from '../../../dispatch/src/rectification-applications/dtos/rectification-application.dto';
import { AbsenceReplacementDto } from '../../../dispatch/src/absence-replacements/dtos/absence-replacement.dto';
import { TeamChangeDto } from '../../../dispatch/src/team-changes/dtos/team-change.dto';
import { VisitItemResultDto, VisitRatingDto, VisitResultsDto } from '../../../dispatch/src/visits/dtos/visit.dto';
import { DiscardAllBody, DiscardBody, ReplayBody } from '../../../intake/src/quarantine/quarantine.controller';
import { SignOffDto } from '../../../oversight/src/approvals/dtos/sign-off.dto';
import { FactorContributionDto, ScoreReasonDto, ScoreRecordDto } from '../../../scoring/src/replay/dtos/score-record.dto';
import { PublishReportDto, RunReportDto } from '../../../oversight/src/audits/dtos/audit-query.dto';
import { KillSwitchActDto } from '../../../oversight/src/kill-switch/dtos/kill-switch-act.dto';
import {
  ActorDto,
  ColourDecisionDto,
  CorrectionDto,
  DecideAppealDto,
  EvidenceDto,
  FileAppealDto,
  WithdrawAppealDto,
} from '../../../oversight/src/reviews/dtos/review.dto';
import { ROUTES } from '../access/route-table';
import { CreateAccountDto, PasswordDto } from '../accounts/dtos/account.dto';
import { LoginDto } from '../auth/auth.controller';
import { BODIES } from './openapi-bodies';
import { buildOpenApi } from './openapi.util';

type Json = Record<string, unknown>;
type Dto = new () => object;

/** The class each app validates a route's body with; for nested arrays, the class of their items. */
const VALIDATED_BY: Record<string, Dto> = {
  'POST /api/auth/login': LoginDto,
  'POST /api/accounts': CreateAccountDto,
  'POST /api/accounts/:username/password': PasswordDto,
  'PUT /api/checklist-items/:item': ChecklistItemNameDto,
  'PUT /api/plans/:department': DepartmentPlanDto,
  'PUT /api/policy': PolicyDto,
  'PUT /api/calendar/:date': CalendarDayDto,
  'POST /api/draws': CreateDrawDto,
  'POST /api/conflicts': ConflictDto,
  'POST /api/absences': AbsenceDto,
  'POST /api/visits/:id/results': VisitResultsDto,
  'POST /api/visits/:id/results items': VisitItemResultDto,
  'POST /api/visits/:id/rating': VisitRatingDto,
  'POST /api/visits/:id/team-changes': TeamChangeDto,
  'POST /api/absences/:id/replacements': AbsenceReplacementDto,
  'POST /api/visits/:id/rectification-extensions': RectificationExtensionDto,
  'POST /api/cases/:caseNo/rectification-extensions': RectificationExtensionDto,
  'POST /api/visits/:id/rectification-applications': RectificationApplicationDto,
  'POST /api/visits/:id/rectification-applications/:applicationId/decision': RectificationDecisionDto,
  'POST /api/cases/:caseNo/rectification-applications': RectificationApplicationDto,
  'POST /api/cases/:caseNo/rectification-applications/:applicationId/decision': RectificationDecisionDto,
  'POST /api/appeals': FileAppealDto,
  'POST /api/appeals evidence': EvidenceDto,
  'POST /api/appeals/:id/claim': ActorDto,
  'POST /api/reviews/confirmations/:scoreId/opened': ActorDto,
  'POST /api/appeals/:id/withdrawal': WithdrawAppealDto,
  'POST /api/appeals/:id/decision': DecideAppealDto,
  'POST /api/appeals/:id/decision corrections': CorrectionDto,
  'POST /api/reviews/confirmations/:scoreId': ColourDecisionDto,
  'POST /api/quarantine/:id/replay': ReplayBody,
  'POST /api/quarantine/:id/discard': DiscardBody,
  'POST /api/quarantine/discard': DiscardAllBody,
  'POST /api/kill-switch/suspend': KillSwitchActDto,
  'POST /api/kill-switch/resume': KillSwitchActDto,
  'POST /api/approvals/models/:version/sign-offs': SignOffDto,
  'POST /api/approvals/colour-policies/:version/sign-offs': SignOffDto,
  'POST /api/audits/reports': RunReportDto,
  'POST /api/audits/reports/:id/publish': PublishReportDto,
  'POST /api/scores/replay': ScoreRecordDto,
  'POST /api/scores/replay contributions': FactorContributionDto,
  'POST /api/scores/replay reasons': ScoreReasonDto,
  'POST /api/scores/replay suggestions': ScoreReasonDto,
};

/** Where the service, past its class, takes less than the class does: a colour policy takes only the legal sign-off. */
const NARROWER: Record<string, Record<string, Json>> = {
  'POST /api/approvals/colour-policies/:version/sign-offs': { role: { enum: ['legal'] } },
};

const ITEM_BOUNDS = new Set(['maxLength', 'minLength', 'isLength', 'isNotEmpty', 'min', 'max']);

/** What the class checks, read the way the documented schema says it: fields, required ones, enums and bounds. */
function rulesOf(dto: Dto, setByGateway: readonly string[]) {
  const fields: Record<string, Json> = {};
  const optional = new Set<string>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    if (setByGateway.includes(m.propertyName)) continue;
    const own = (fields[m.propertyName] ??= {});
    // A length or size rule on `each` item of an array bounds the items: the schema says it under `items`.
    const field = m.each && ITEM_BOUNDS.has(m.name ?? '') ? ((own.items ??= {}) as Json) : own;
    const [first] = (m.constraints ?? []) as unknown[];
    // IsOptional, or a ValidateIf that lets the field be left out (the policy's keys): either way not required.
    if (m.name === 'isOptional' || m.type === 'conditionalValidation') optional.add(m.propertyName);
    else if (m.name === 'isIn') field.enum = [...(first as unknown[])].sort();
    else if (m.name === 'maxLength') field.maxLength = first;
    else if (m.name === 'isLength') [field.minLength, field.maxLength] = m.constraints as number[];
    else if (m.name === 'minLength') field.minLength = first;
    else if (m.name === 'isNotEmpty') field.minLength ??= 1;
    else if (m.name === 'min') field.minimum = first;
    else if (m.name === 'max') field.maximum = first;
    else if (m.name === 'arrayMaxSize') field.maxItems = first;
  }
  return {
    fields,
    required: Object.keys(fields)
      .filter((name) => !optional.has(name))
      .sort(),
  };
}

/** The same, read from the documented schema. */
function documented(schema: Json) {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const fields: Record<string, Json> = {};
  for (const [name, property] of Object.entries(properties)) {
    const field: Json = (fields[name] = {});
    if (Array.isArray(property.enum)) field.enum = [...(property.enum as unknown[])].sort();
    const items = property.items as Json | undefined;
    // An enum on `each` item of an array (class-validator's isIn with each) is said under `items`.
    if (Array.isArray(items?.enum)) field.enum = [...(items.enum as unknown[])].sort();
    for (const bound of ['maxLength', 'minLength', 'minimum', 'maximum', 'maxItems'] as const)
      if (property[bound] !== undefined) field[bound] = property[bound];
    const itemBounds = Object.fromEntries(['maxLength', 'minLength', 'minimum', 'maximum'].filter((b) => items?.[b] !== undefined).map((b) => [b, items![b]]));
    if (Object.keys(itemBounds).length > 0) field.items = itemBounds;
  }
  return { fields, required: [...((schema.required as string[] | undefined) ?? [])].sort() };
}

const rule = (key: string) => ROUTES.find((r) => `${r.method} ${r.path}` === key.split(' ').slice(0, 2).join(' '));

describe("the OpenAPI document's request bodies", () => {
  const doc = buildOpenApi('test') as Json;
  const validator = new OpenApiValidator(doc);

  it('describe every route that reads a body, and only routes of the table', () => {
    // Acts that read no body (a DELETE never does); any other POST or PUT must document the body it takes.
    const withoutBody = [
      'POST /api/auth/logout',
      'POST /api/accounts/:username/disable',
      'POST /api/accounts/:username/enable',
      'POST /api/ops/:app/outbox/:id/resend',
      'POST /api/dead-letters/:seq/replay',
      'POST /api/audit/verify',
    ];
    const acts = ROUTES.filter((r) => r.method === 'POST' || r.method === 'PUT').map((r) => `${r.method} ${r.path}`);
    expect(acts.filter((key) => !BODIES[key]).sort()).toEqual(withoutBody.sort());
    for (const key of Object.keys(BODIES)) expect({ key, routed: rule(key) !== undefined }).toEqual({ key, routed: true });
    const withBody = Object.keys(VALIDATED_BY).filter((key) => key.split(' ').length === 2);
    expect(Object.keys(BODIES).sort()).toEqual(withBody.sort());
  });

  it('name the fields each app validates, the same required ones, enums and bounds', () => {
    const mismatches: Json[] = [];
    for (const [key, dto] of Object.entries(VALIDATED_BY)) {
      const [method, path, nested] = key.split(' ');
      const top = BODIES[`${method} ${path}`];
      const schema = nested ? (((top.properties as Record<string, Json>)[nested].items as Json) ?? {}) : top;
      // The gateway sets `actor` (acts of a person) and an officer's own `officerId` from the session: the document leaves them out.
      const routed = rule(key);
      const expected = rulesOf(dto, [...(routed?.actorFromSession ? ['actor'] : []), ...(routed?.ownOfficerId ? ['officerId'] : [])]);
      for (const [name, field] of Object.entries(NARROWER[key] ?? {})) Object.assign(expected.fields[name], field);
      if (!isDeepStrictEqual(documented(schema), expected)) mismatches.push({ key, documented: documented(schema), validated: expected });
    }
    expect(mismatches).toEqual([]);
  });

  it('accept the example the docs page shows, and refuse a field the apps would refuse', () => {
    for (const [key, schema] of Object.entries(BODIES)) {
      const [method, path] = key.split(' ');
      const pointer = OpenApiValidator.bodyPointer(method, path.replace(/:([A-Za-z]+)/g, '{$1}'));
      expect(schema.example).toBeDefined();
      expect({ key, check: validator.check(pointer, schema.example) }).toEqual({ key, check: { ok: true } });
      expect(validator.check(pointer, { ...(schema.example as Json), unknownField: 1 }).ok).toBe(false);
    }
  });

  it('tell a complaint by its reference and a case by its number in an appeal, as the gateway requires', () => {
    const pointer = OpenApiValidator.bodyPointer('POST', '/api/appeals');
    const filing = (challenge: Json) => ({ creditCode: '91310000MA1FL8XQ37', grounds: '该投诉所涉门店并非本企业经营场所。', challenges: [challenge] });
    expect(validator.check(pointer, filing({ kind: 'clue', ref: 'K7M3-9QPD', claim: '不是本企业' })).ok).toBe(true);
    expect(validator.check(pointer, filing({ kind: 'case', recordId: 'FS-SAMR-2025-000265', claim: '已整改' })).ok).toBe(true);
    expect(validator.check(pointer, filing({ kind: 'clue', recordId: '12345-20240301-0001', claim: '不是本企业' })).ok).toBe(false);
  });
});
