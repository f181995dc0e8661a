import {
  arr,
  auditSeq,
  bilingual,
  bool,
  colour,
  creditCode,
  day,
  instant,
  int,
  nullable,
  num,
  obj,
  oneOf,
  open,
  ref,
  sha256,
  str,
  uuid,
} from './openapi-schemas';
import { DISPATCH_SCHEMAS, INTAKE_SCHEMAS } from './openapi-responses-more';

type Json = Record<string, unknown>;

const version = (what: string) => str(what, { minLength: 1 });
const probability = num('probability that an inspection finds a violation (违法发现概率), 0–1', { minimum: 0, maximum: 1 });
const reason = obj({ factor: str('the factor (因子) it is about'), zh: str('in Chinese'), en: str('in English') }, 'one sentence of the explanation');
const factorValue = { nullable: true, description: 'the value used: a number, a category, a flag, or null for unknown' };
const contribution = obj(
  { factor: str('factor name, e.g. complaints_12m'), value: factorValue, contribution: num('its additive contribution on the log-odds scale') },
  'one factor of the 12-factor model',
);
const scoreCore = {
  scoreId: str('the score, e.g. scoring-151'),
  creditCode,
  asOf: day('the day the score reads the records as of'),
  modelVersion: version('the model version that computed it'),
  colourPolicyVersion: version('the colour policy (thresholds, 颜色阈值) that coloured it'),
  probability,
  colour,
  inputFingerprint: sha256('sha256 of the factor values used: what a replay must reproduce'),
  computedAt: instant(),
};

const appealSteps = ['filed', 'in-review', 'decided', 'correction-sent', 'corrections-applied', 'rescored', 'withdrawn'];
const appealRow = {
  id: str('the appeal, e.g. AP-20261206-7906AA05'),
  creditCode,
  scoreId: str('the score appealed against'),
  modelVersion: version('the model of that score'),
  colourPolicyVersion: nullable(str('its colour policy (null on appeals filed before policies were recorded)')),
  colour,
  probability,
  grounds: str("the enterprise's statement (陈述申辩理由); shown to the enterprise and oversight only"),
  challenges: arr(
    obj(
      {
        kind: oneOf(['clue', 'case'], 'a complaint (线索) or a case (案件)'),
        recordId: str('the case number; a complaint’s id is never shown to an enterprise'),
        ref: str("a complaint's reference in the enterprise's file"),
        claim: str('what the enterprise says is wrong with it'),
        record: obj(
          {
            date: str("a case's date"),
            receivedOn: str('the day a complaint came in (China time)'),
            department: str('the department code'),
            kind: str("the case's type (案件类型) as the platform sent it"),
            origin: str('what led to the case (检查来源); 整改复查 for a Tianping re-inspection'),
            result: str("the case's result (检查结果), or `revoked-on-appeal:<appeal id>` once an appeal revoked it"),
            violation: nullable(str('the violation (违法行为), up to 500 characters')),
            violationFound: bool('whether the case found a violation'),
            penaltyYuan: nullable(num('the penalty in yuan')),
            category: str("the complaint's category"),
            verified: nullable(bool('whether the complaint was verified (null: the platform never said)')),
            status: str("the complaint's handling status"),
          },
          "what the enterprise's file said of the record when the appeal was filed: a case's or a complaint's facts (absent on appeals filed before it was kept)",
          ['date', 'receivedOn', 'department', 'kind', 'origin', 'result', 'violation', 'violationFound', 'penaltyYuan', 'category', 'verified', 'status'],
        ),
      },
      'a record the enterprise says is wrong (to a bureau role, without the claim)',
      ['recordId', 'ref', 'claim', 'record'],
    ),
  ),
  status: oneOf(
    ['filed', 'in-review', 'awaiting-rescore', 'decided', 'withdrawn'],
    'where it stands: filed 已提交, in-review 审查中, awaiting-rescore 待重新评分, decided 已决定, withdrawn 已撤回',
  ),
  outcome: nullable(oneOf(['upheld', 'corrected', 'overridden'], 'upheld 维持, corrected 更正记录, overridden 改变颜色')),
  overrideColour: nullable(colour),
  reviewer: nullable(str('the oversight officer who took it')),
  decisionReasons: nullable(str('why it was decided so')),
  withdrawalReason: nullable(str('why the enterprise withdrew it')),
  filedBy: str('the account that filed it'),
  filedAt: instant(),
  dueAt: instant('when a decision is due (the review period, 审查期限)'),
  decidedAt: nullable(instant()),
  closedAt: nullable(instant()),
  overdue: bool('past its due time without a decision'),
};
const colourDecision = obj({
  id: uuid('the decision'),
  creditCode,
  scoreId: str(),
  modelVersion: version('the model'),
  inputFingerprint: sha256('the inputs of the score decided on'),
  modelColour: colour,
  colour: nullable(colour),
  status: oneOf(['pending', 'confirmed', 'overridden', 'carried-over', 'superseded']),
  actor: nullable(str('the oversight officer')),
  reasons: nullable(str()),
  carriedFrom: nullable(uuid('the earlier decision repeated on an identical score')),
  appealId: nullable(str('the appeal that decided it')),
  requestedAt: instant(),
  decidedAt: nullable(instant()),
  auditSeq: nullable(auditSeq()),
});
const ROW_HIDDEN_FROM_BUREAU = ['grounds', 'filedBy', 'withdrawalReason'];

const publicReport = {
  id: uuid('the report'),
  trigger: oneOf(['on-demand', 'scheduled'], 'run on request, or the scheduled quarterly run'),
  createdAt: instant(),
  headline: open(
    'the headline figures: score and factor drift (PSI; driftComparable false when the baseline lies inside the period), accuracy on the random share (aucMeasured false when too few inspections of an outcome), the widest selection gap with its finding',
  ),
  period: obj({ from: day(), to: day() }, 'the days audited'),
  auditSeq: auditSeq('the record entry that logged the full report'),
  sha256: sha256('of the public copy (公开版本), as served in `report` (canonical JSON)'),
  reportSha256: sha256('of the full report oversight keeps'),
  publication: obj({
    publishedAt: instant(),
    auditSeq: auditSeq('the entry of the publication'),
    minGroupSize: int('k: figures on fewer than k enterprises or inspections are withheld', { minimum: 1 }),
    publicCopySeq: auditSeq('the entry that logged the public copy’s hash'),
  }),
};

/** Named schemas, under components/schemas. */
export const SCHEMAS: Record<string, Json> = {
  Score: obj(
    {
      ...scoreCore,
      logit: num('the log-odds: base plus every contribution'),
      base: num('the intercept on the log-odds scale'),
      contributions: arr(contribution),
      reasons: arr(reason, 'why (评分理由), largest contributions first'),
      suggestions: arr(
        obj({
          factor: str(),
          zh: str('the suggestion (整改建议) in Chinese, with its figure'),
          en: str('the same in English'),
          change: bilingual('the step alone, without a figure'),
          probabilityAfter: probability,
        }),
        'what would lower the score, each with the probability after it',
      ),
      correctionBatches: arr(str(), 'appeal corrections the inputs included (absent when none)'),
      colourThresholds: obj({ yellow: probability, red: probability }, 'the policy’s thresholds: yellow from, red from'),
      factors: arr(
        obj({ factor: str(), value: factorValue, contribution: num(), label: bilingual('the factor’s name') }),
        'each factor with its name in Chinese and English',
      ),
    },
    "an enterprise's current score (风险评分) with its explanation",
    ['correctionBatches'],
  ),
  EnterpriseReview: obj(
    {
      score: nullable(obj({ ...scoreCore, correctionBatches: nullable(arr(str())) }, 'the current score as oversight recorded it', ['correctionBatches'])),
      decision: nullable(colourDecision),
      effectiveColour: nullable({ ...colour, description: 'the colour in effect (生效颜色): a red counts as yellow until a person confirms it' }),
      state: oneOf(['no-score', 'in-effect', 'awaiting-confirmation', 'confirmed', 'overridden'], 'how the colour came to be in effect (人工确认)'),
      scoreSeq: nullable(auditSeq('the record entry of the current score')),
      scoreArchivedIn: nullable(str("the archive file that holds the score's body, when an archive run took it (归档)")),
      decisions: arr(colourDecision, 'the latest decisions on its scores'),
      appeals: arr(obj(appealRow, 'an appeal (陈述申辩); to a bureau role without the enterprise’s own words', ROW_HIDDEN_FROM_BUREAU)),
    },
    'the colour in effect for an enterprise, the decisions on it and its appeals',
  ),
  ScoreHistory: obj(
    {
      creditCode,
      periods: arr(
        obj(
          {
            scoreId: str('the latest score of the stretch'),
            from: day('the first day a score of the stretch is as of'),
            to: day('the last such day'),
            scores: int('how many scores it holds'),
            probability,
            colour,
            modelVersion: version('the model'),
            colourPolicyVersion: version('the colour policy'),
            change: nullable(
              obj(
                {
                  model: bool('another model version than the stretch before'),
                  colourPolicy: bool('another colour policy'),
                  factors: arr(
                    obj(
                      { factor: str(), from: factorValue, to: factorValue, contributionChange: num('on the log-odds scale; above 0 raised the risk') },
                      'a factor whose part in the score moved',
                      ['from', 'to'],
                    ),
                    'largest effect first',
                  ),
                },
                'what differs from the stretch before (null for the earliest read)',
              ),
            ),
          },
          'a stretch of days over which the score stayed the same (a day older within a bin is no change)',
        ),
        'newest first',
      ),
      more: bool('older stretches were left out by `limit`'),
      complete: bool('false when scores older than those read (about a year of daily runs) exist'),
    },
    "how an enterprise's score came to be what it is (评分变化)",
  ),
  ScorePage: obj(
    {
      scores: arr(
        obj({
          ...Object.fromEntries(
            ['creditCode', 'scoreId', 'asOf', 'probability', 'colour', 'modelVersion', 'colourPolicyVersion'].map((k) => [k, (scoreCore as Json)[k]]),
          ),
          regionCode: nullable(str('administrative division (GB/T 2260, 6 digits)')),
          industryCode: nullable(str('industry code (GB/T 4754), e.g. C1431')),
        }),
      ),
      next: nullable(str('the `after` of the next page; null on the last')),
    },
    'current scores, a page at a time (with order=risk: enterprises by risk, highest first)',
  ),
  Appeal: obj(
    {
      ...appealRow,
      steps: arr(
        obj({
          step: oneOf(appealSteps),
          actor: str(),
          note: nullable(str()),
          detail: open('what the step recorded (a hash of the grounds, not the grounds)'),
          at: instant(),
          auditSeq: nullable(auditSeq()),
        }),
        'every step, each logged in the record',
      ),
      evidence: arr(
        obj({ n: int('its number, for /evidence/{n}', { minimum: 0 }), name: str(), contentType: str(), size: int('bytes'), sha256: sha256('of the file') }),
        'the files filed with it (their content is served by /evidence/{n})',
      ),
    },
    'an appeal (陈述申辩) with every step',
  ),
  RedScores: obj(
    {
      red: int('enterprises whose current score is red', { minimum: 0 }),
      awaitingConfirmation: int('of those, reds an oversight officer has not yet confirmed (待监督确认): counted as yellow until then', { minimum: 0 }),
    },
    'the current reds and how many await confirmation',
  ),
  PublicAuditReport: obj(publicReport, 'a published audit report (社会监督); no officer is named'),
  PublicAuditReportCopy: obj(
    {
      ...publicReport,
      report: open('the public copy (公开版本): fairness, accuracy and drift, groups smaller than k withheld; its canonical JSON hashes to `sha256`'),
    },
    'a published audit report with its public copy; never the full report',
  ),
  ...DISPATCH_SCHEMAS,
  ...INTAKE_SCHEMAS,
};

const list = (name: string) => arr(ref(name));

/** The 200/201 body of the operations clients rely on, keyed `METHOD /path` as in the route table. */
export const RESPONSES: Record<string, Json> = {
  'GET /api/scores/:creditCode': ref('Score'),
  'GET /api/scores/:creditCode/history': ref('ScoreHistory'),
  'GET /api/scores': ref('ScorePage'),
  'GET /api/reviews/enterprises/:creditCode': ref('EnterpriseReview'),
  'GET /api/reviews/reds': ref('RedScores'),
  'GET /api/draws': list('DrawSummary'),
  'GET /api/draws/:id': ref('Draw'),
  'GET /api/draws/:id/tasks': list('PlacedTask'),
  'POST /api/draws': ref('DrawOutcome'),
  'GET /api/visits': list('Visit'),
  'GET /api/conflicts': list('DeclaredConflict'),
  'GET /api/officers': list('RegisterOfficer'),
  'GET /api/absences': list('OfficerAbsence'),
  'POST /api/absences': ref('OfficerAbsence'),
  'GET /api/absences/:id/replacements': ref('AbsenceReplacementProposal'),
  'POST /api/absences/:id/replacements': ref('AbsenceReplacement'),
  'GET /api/visits/:id': ref('VisitDetail'),
  'POST /api/visits/:id/rectification-extensions': ref('RectificationExtension'),
  'GET /api/visits/:id/rectification-extensions': list('RectificationExtension'),
  'GET /api/follow-ups': ref('FollowUpList'),
  'POST /api/cases/:caseNo/rectification-extensions': ref('CaseRectificationExtension'),
  'GET /api/cases/:caseNo/rectification-extensions': ref('CaseRectificationOrder'),
  'POST /api/visits/:id/rectification-applications': ref('RectificationApplication'),
  'GET /api/visits/:id/rectification-applications': list('RectificationApplication'),
  'POST /api/visits/:id/rectification-applications/:applicationId/decision': ref('RectificationApplication'),
  'POST /api/cases/:caseNo/rectification-applications': ref('RectificationApplication'),
  'GET /api/cases/:caseNo/rectification-applications': list('RectificationApplication'),
  'POST /api/cases/:caseNo/rectification-applications/:applicationId/decision': ref('RectificationApplication'),
  'GET /api/enterprises/:creditCode/case-orders': list('CaseOrder'),
  'GET /api/rectification-applications': list('RectificationApplication'),
  'GET /api/enterprises/:creditCode/visits': list('EnterpriseVisit'),
  'POST /api/appeals': ref('Appeal'),
  'GET /api/appeals/:id': ref('Appeal'),
  'POST /api/appeals/:id/withdrawal': ref('Appeal'),
  'GET /api/public/audit-reports': list('PublicAuditReport'),
  'GET /api/public/audit-reports/:id': ref('PublicAuditReportCopy'),
  'GET /api/public/inspection-plans': list('PublicInspectionPlan'),
  'GET /api/public/inspection-results': ref('PublicInspectionResults'),
  'GET /api/ingest-runs': list('IngestRun'),
  'GET /api/quarantine': list('QuarantinedRecord'),
  'GET /api/quarantine/:id': ref('QuarantinedRecord'),
  'GET /api/quarantine/summary': ref('QuarantineSummary'),
  'POST /api/quarantine/:id/replay': ref('ReplayResult'),
  'POST /api/quarantine/discard': ref('QuarantineDiscardAll'),
};
