type Json = Record<string, unknown>;

/** A JSON object schema that, as every app does, refuses fields it does not name. */
const object = (properties: Json, required: string[] = [], example?: Json): Json => ({
  type: 'object',
  ...(required.length ? { required } : {}),
  additionalProperties: false,
  properties,
  ...(example ? { example } : {}),
});
const text = (minLength: number, maxLength: number, description?: string): Json => ({
  type: 'string',
  ...(minLength ? { minLength } : {}),
  maxLength,
  ...(description ? { description } : {}),
});
const colour = { type: 'string', enum: ['green', 'yellow', 'red'] };
const day = (description: string): Json => ({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const ratio = (colour: string): Json => ({ type: 'number', minimum: 0, maximum: 1, description: `share of ${colour} enterprises inspected per year` });
const REASON_EXAMPLE = '复核现场记录，维持原评级';
const signOff = (roles: string[], example: Json): Json =>
  object(
    {
      role: { type: 'string', enum: roles, description: 'which review the signer gives: technical (技术审核) or legal (法制审核)' },
      decision: { type: 'string', enum: ['approve', 'reject'] },
      reasons: text(5, 4000),
    },
    ['role', 'decision', 'reasons'],
    example,
  );
const actOnly = (description: string): Json => ({ ...object({}, [], {}), description });

/** A challenged record in an appeal: a case by its id, a complaint (线索) by the reference the enterprise's file shows. */
const CHALLENGE = {
  oneOf: [
    object({ kind: { type: 'string', enum: ['case'] }, recordId: text(1, 64, 'the case number (案件编号) as the file shows it'), claim: text(1, 1000) }, [
      'kind',
      'recordId',
      'claim',
    ]),
    object(
      {
        kind: { type: 'string', enum: ['clue'] },
        ref: { type: 'string', maxLength: 20, description: "the complaint's reference in the enterprise's file (e.g. K7M3-9QPD); never an id" },
        claim: text(1, 1000),
      },
      ['kind', 'ref', 'claim'],
    ),
  ],
};

/** A score as oversight's record logged it (libs/contracts ScoreRecord), sent back to scoring to be re-computed. */
const LIST_MAX = 200;
const listOf = (items: Json, maxItems = LIST_MAX): Json => ({ type: 'array', maxItems, items });
const finite = (description: string, bounds: Json = {}): Json => ({ type: 'number', description, ...bounds });
const count = (minimum: number, maximum: number, description: string): Json => ({ type: 'integer', minimum, maximum, description });
const scoreReason = object({ factor: text(0, 100), zh: text(0, 2000), en: text(0, 2000) }, ['factor', 'zh', 'en']);
const LOGGED_SCORE = object(
  {
    scoreId: text(1, 200),
    creditCode: { type: 'string', minLength: 18, maxLength: 18, description: 'unified social credit code (统一社会信用代码)' },
    asOf: text(1, 40, 'the day the score read the records as of'),
    modelVersion: text(1, 200, 'the pinned model version'),
    colourPolicyVersion: text(1, 200, 'the pinned colour policy'),
    probability: finite('0–1', { minimum: 0, maximum: 1 }),
    logit: finite('log-odds: base plus every contribution'),
    base: finite("the model's intercept on the log-odds scale"),
    contributions: listOf(
      object(
        {
          factor: text(1, 100),
          value: { nullable: true, description: 'the value used: a number, a category, a flag, or null for unknown' },
          contribution: finite('its additive contribution on the log-odds scale'),
        },
        ['factor', 'value', 'contribution'],
      ),
    ),
    colour,
    reasons: listOf(scoreReason),
    suggestions: listOf(scoreReason),
    inputFingerprint: text(1, 128, 'sha256 of the factor values used'),
    computedAt: { type: 'string', format: 'date-time' },
    correctionBatches: listOf(text(0, 200), 1000),
  },
  [
    'scoreId',
    'creditCode',
    'asOf',
    'modelVersion',
    'colourPolicyVersion',
    'probability',
    'logit',
    'base',
    'contributions',
    'colour',
    'reasons',
    'suggestions',
    'inputFingerprint',
    'computedAt',
  ],
  {
    scoreId: 'scoring-151',
    creditCode: '91310000MA1FL8XQ37',
    asOf: '2026-12-01',
    modelVersion: 'm-2026.12.1',
    colourPolicyVersion: 'cp-default-1',
    probability: 0.2689414213699951,
    logit: -1,
    base: -1.5,
    contributions: [
      { factor: 'violations_3y', value: 1, contribution: 0.75 },
      { factor: 'years_operating', value: 12.4, contribution: -0.25 },
    ],
    colour: 'yellow',
    reasons: [{ factor: 'violations_3y', zh: '近三年违法次数：1', en: 'violations in the last 3 years: 1' }],
    suggestions: [],
    inputFingerprint: 'a'.repeat(64),
    computedAt: '2026-12-01T02:00:00.000Z',
  },
);

/** Optimistic concurrency: the version a page read; a save over a newer one is refused (409) rather than lost. */
const VERSION: Json = {
  type: 'integer',
  minimum: 1,
  description: 'the `version` the GET answered; if it has changed since, the save is refused with 409 naming who changed it and when. Omit to save regardless',
};

/**
 * The request body of every route that takes one, keyed `METHOD /path` as in the route table. Each
 * carries the example the docs page shows; a unit test checks the fields against the class each app
 * validates the body with, and that each example is valid.
 */
export const BODIES: Record<string, Json> = {
  'POST /api/auth/login': object(
    { username: text(1, 64), password: { type: 'string', format: 'password', minLength: 1, maxLength: 200 } },
    ['username', 'password'],
    { username: 'demo-enterprise', password: 'tianping-demo-2026' },
  ),
  'POST /api/accounts': object(
    {
      username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' },
      password: text(10, 200),
      role: { type: 'string', enum: ['enterprise', 'department', 'dispatcher', 'oversight', 'admin'] },
      creditCode: { type: 'string', pattern: '^[0-9A-HJ-NP-RT-UW-Ya-hj-np-rt-uw-y]{18}$', description: 'required for enterprise accounts' },
      department: { type: 'string', pattern: '^[A-Z]{2,10}$', description: 'required for department officers, e.g. SAMR' },
      officerId: text(0, 64, "department officers only, optional: the officer's certificate number (执法证号); their pages then start at their own route"),
    },
    ['username', 'password', 'role'],
    { username: 'samr-li', password: 'a-long-password-2026', role: 'department', department: 'SAMR' },
  ),
  'POST /api/accounts/:username/password': object(
    { password: text(10, 200, 'the new password, mixing letters and digits; the account is signed out everywhere') },
    ['password'],
    { password: 'a-new-password-2026' },
  ),
  'PUT /api/checklist-items/:item': object(
    {
      zh: text(1, 200, 'what the item asks, in Chinese (e.g. 消防设施和器材)'),
      en: text(1, 200, 'the same in English; pages fall back to the Chinese'),
      version: VERSION,
    },
    ['zh'],
    { zh: '消防设施和器材', en: 'Fire equipment and extinguishers' },
  ),
  'PUT /api/plans/:department': object(
    {
      annualRatios: {
        ...object({ red: ratio('red'), yellow: ratio('yellow'), green: ratio('green') }, ['red', 'yellow', 'green']),
        description: "share of each colour's enterprises this department inspects per year (0 to 1)",
      },
      uniformAnnualRatio: { type: 'number', minimum: 0, maximum: 1, description: 'share per year drawn while oversight has suspended the model (no colours)' },
      annualCapPerEnterprise: count(0, 52, 'most visits per enterprise per year'),
      checklist: {
        type: 'array',
        minItems: 1,
        maxItems: 200,
        items: { type: 'string', pattern: '^[A-Z]{2,10}-\\d{2}$' },
        description: "the department's own items only (SAMR-01 for SAMR); GET /api/checklist-items names them",
      },
      exemptions: { type: 'array', maxItems: 100_000, items: { type: 'string' }, description: 'credit codes never drawn by this department' },
      supervisedSections: {
        type: ['array', 'null'],
        items: { type: 'string', enum: [...'ABCDEFGHIJKLMNOPQRST'] },
        description: 'GB/T 4754 section letters supervised; omit or null for every enterprise',
      },
      coordinated: {
        type: 'boolean',
        description:
          'true (default): draws on the random numbers shared with the other departments, so their draws tend to fall on the same enterprises, visited once together; false: on its own',
      },
      advanceNotice: { type: 'boolean', description: 'whether enterprises may be told of its visits in advance' },
      version: VERSION,
    },
    ['annualRatios', 'uniformAnnualRatio', 'annualCapPerEnterprise', 'checklist'],
    {
      annualRatios: { red: 1, yellow: 0.3, green: 0.05 },
      uniformAnnualRatio: 0.1,
      annualCapPerEnterprise: 2,
      checklist: ['SAMR-01', 'SAMR-02'],
      advanceNotice: false,
    },
  ),
  'PUT /api/policy': object(
    {
      explorationShare: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: "share of each department's draw taken at random regardless of risk, so the model keeps being checked where it rates low",
      },
      officerDailyCapacity: count(1, 20, 'visits an officer makes in a day at most, unless set on the officer'),
      complaintDueDays: count(1, 90, "days from a verified complaint's receipt by which its visit should happen"),
      complaintLookbackDays: count(
        1,
        3650,
        "verified complaints received more than this many days before a window's first day are not planned (they are counted)",
      ),
      unscoredColour: { ...colour, description: 'the colour an enterprise scoring has not reached yet is drawn in' },
      maxTeamSize: count(2, 8, 'largest team sent when a visit covers many departments'),
      rectificationDays: count(1, 180, 'the rectification deadline (整改期限) when a result 责令整改 sets none, in days after the inspection'),
      followUpWithinDays: count(
        1,
        90,
        'days after the rectification deadline by which the re-inspection (复查) should happen; never on or before the deadline',
      ),
      followUpLookbackDays: count(
        1,
        3650,
        "orders to rectify whose deadline lies more than this many days before a window's first day are not followed up (history, not open work)",
      ),
      version: VERSION,
    },
    [],
    { explorationShare: 0.12, complaintDueDays: 10 },
  ),
  'PUT /api/calendar/:date': object(
    {
      kind: {
        type: 'string',
        enum: ['holiday', 'workday'],
        description: 'holiday: no visits although a weekday; workday: a make-up working day (调休) although a weekend',
      },
      name: { type: 'string', description: 'e.g. 春节' },
    },
    ['kind'],
    { kind: 'holiday', name: '春节' },
  ),
  'POST /api/draws': object(
    {
      from: day('today (China) or later, unless backfill; at most a year (366 days) ahead'),
      to: day('the last day of the window'),
      seed: text(1, 200, 'omit to have one generated; either way it is recorded with the draw'),
      backfill: { type: 'boolean', description: 'record a window that has already begun (a plan made before the system)' },
    },
    ['from', 'to'],
    { from: '2027-01-04', to: '2027-01-15', seed: 'plan-2027-01' },
  ),
  'POST /api/visits/:id/results': object(
    {
      items: {
        type: 'array',
        minItems: 1,
        maxItems: 500,
        items: object(
          {
            item: { type: 'string', pattern: '^[A-Z]{2,10}-\\d{2}$', description: 'the checklist item code, e.g. FIRE-02' },
            result: {
              type: 'string',
              enum: ['未发现问题', '责令整改', '立案查处', 'no_problem', 'rectify', 'case_opened'],
              description: '未发现问题 no problem, 责令整改 rectify, 立案查处 case opened (the English aliases mean the same)',
            },
            violation: text(0, 1000, 'what was found: required when the result is 责令整改 or 立案查处'),
          },
          ['item', 'result'],
        ),
      },
      rectifyBy: day(
        "the rectification deadline (整改期限) when an item is 责令整改: after the visit's day, at most 180 days later; omitted, the visit's day + the policy's rectificationDays. Refused without such an item",
      ),
    },
    ['items'],
    { items: [{ item: 'SAMR-01', result: '责令整改', violation: '未公示营业执照' }], rectifyBy: '2027-02-15' },
  ),
  'POST /api/visits/:id/rating': object({ stars: { type: 'integer', minimum: 1, maximum: 5 }, comment: text(0, 500) }, ['stars'], {
    stars: 5,
    comment: '检查人员说明清楚',
  }),
  'POST /api/visits/:id/team-changes': object(
    {
      officerOut: { type: 'string', pattern: '^[A-Za-z0-9-]{3,40}$', description: "the certificate number (执法证号) of the officer leaving the visit's team" },
      how: {
        type: 'string',
        enum: ['picked', 'random'],
        description: 'picked: officerIn as given; random: drawn among the eligible with a seed dispatch makes and records',
      },
      officerIn: { type: 'string', pattern: '^[A-Za-z0-9-]{3,40}$', description: 'the officer taking the place (when picked)' },
      reason: text(
        2,
        500,
        'why (a conflict declared, an officer away); may name a person: kept in dispatch, shown to the dispatcher only, never logged or sent in an event',
      ),
    },
    ['officerOut', 'how', 'reason'],
    { officerOut: '44060001', how: 'random', reason: '原执法人员已申报回避' },
  ),
  'POST /api/visits/:id/rectification-extensions': object(
    {
      rectifyBy: day("the new rectification deadline (整改期限): after the current one, at most 180 days after the visit's day"),
      reason: text(
        2,
        500,
        "why (the enterprise's application, 延期整改申请); may name a person: kept in dispatch, shown to the bureau only, never logged or sent in an event",
      ),
    },
    ['rectifyBy', 'reason'],
    { rectifyBy: '2027-03-15', reason: '企业申请延期：整改所需设备尚未到货' },
  ),
  'POST /api/cases/:caseNo/rectification-extensions': object(
    {
      rectifyBy: day(
        "the new rectification deadline (整改期限): after the current one (the case's day + the policy's days until extended), at most 180 days after the inspection",
      ),
      reason: text(
        2,
        500,
        "why (the enterprise's application, 延期整改申请); may name a person: kept in dispatch, shown to the bureau only, never logged or sent in an event",
      ),
    },
    ['rectifyBy', 'reason'],
    { rectifyBy: '2027-03-15', reason: '企业申请延期：整改所需设备尚未到货' },
  ),
  'POST /api/visits/:id/rectification-applications': object(
    {
      rectifyBy: day("the deadline asked for: after the current one, at most 180 days after the visit's day"),
      reason: text(
        2,
        500,
        'why more time is needed; may name a person: kept in dispatch, shown to the enterprise and the bureau, never logged or sent in an event',
      ),
    },
    ['rectifyBy', 'reason'],
    { rectifyBy: '2027-03-15', reason: '整改所需设备尚未到货，申请延期' },
  ),
  'POST /api/visits/:id/rectification-applications/:applicationId/decision': object(
    {
      decision: { type: 'string', enum: ['grant', 'refuse'], description: 'grant extends the deadline; refuse keeps it' },
      rectifyBy: day('for a grant: the new deadline, the day applied for unless given'),
      note: text(0, 500, "the bureau's note to the enterprise; required (2 characters or more) to refuse"),
    },
    ['decision'],
    { decision: 'grant', note: '同意延期' },
  ),
  'POST /api/cases/:caseNo/rectification-applications': object(
    {
      rectifyBy: day(
        "the deadline asked for: after the current one (the case's day + the policy's days until extended), at most 180 days after the inspection",
      ),
      reason: text(
        2,
        500,
        'why more time is needed; may name a person: kept in dispatch, shown to the enterprise and the bureau, never logged or sent in an event',
      ),
    },
    ['rectifyBy', 'reason'],
    { rectifyBy: '2027-03-15', reason: '整改所需设备尚未到货，申请延期' },
  ),
  'POST /api/cases/:caseNo/rectification-applications/:applicationId/decision': object(
    {
      decision: { type: 'string', enum: ['grant', 'refuse'], description: "grant extends the case's deadline; refuse keeps it" },
      rectifyBy: day('for a grant: the new deadline, the day applied for unless given'),
      note: text(0, 500, "the bureau's note to the enterprise; required (2 characters or more) to refuse"),
    },
    ['decision'],
    { decision: 'grant', note: '同意延期' },
  ),
  'POST /api/conflicts': object(
    {
      creditCode: { type: 'string', pattern: '^[0-9A-Za-z]{18}$', description: 'the enterprise the officer must not inspect (统一社会信用代码)' },
      reason: text(2, 500, 'why (e.g. a relative works there); may name a person: shown only to the dispatcher and the officer, never logged'),
    },
    ['creditCode', 'reason'],
    { creditCode: '91440604MA4UJ8K20C', reason: '配偶在该企业任职' },
  ),
  'POST /api/absences': object(
    {
      officerId: { type: 'string', pattern: '^[A-Za-z0-9-]{3,40}$', description: "the absent officer's certificate number (执法证号)" },
      from: day('the first day away (China time)'),
      to: day('the last day away, included; at most 366 days after from'),
      kind: {
        type: 'string',
        enum: ['leave', 'training', 'secondment', 'other'],
        description: 'leave 请假, training 培训, secondment 外出/借调, other 其他. No reason is taken: sick leave is health data',
      },
    },
    ['officerId', 'from', 'to', 'kind'],
    { officerId: '44060001', from: '2027-03-01', to: '2027-03-05', kind: 'training' },
  ),
  'POST /api/absences/:id/replacements': object(
    {
      days: {
        type: 'array',
        maxItems: 366,
        description: "the proposal's days with an officer, as shown: applied only while dispatch still proposes exactly these",
        items: object(
          {
            date: day('the day'),
            officerIn: { type: 'string', pattern: '^[A-Za-z0-9-]{3,40}$', description: 'the officer proposed for the day' },
            visitIds: { type: 'array', maxItems: 200, items: { type: 'string', format: 'uuid' }, description: 'the visits proposed for the officer that day' },
          },
          ['date', 'officerIn', 'visitIds'],
        ),
      },
      reason: text(2, 500, "kept with each visit's change as a single change's reason; may name a person: never logged or sent in an event"),
    },
    ['days', 'reason'],
    { days: [{ date: '2027-03-02', officerIn: '44060012', visitIds: ['6f1c0d2e-8a4b-4c1d-9e2f-3a4b5c6d7e8f'] }], reason: '人员缺勤' },
  ),
  'POST /api/appeals': object(
    {
      creditCode: { type: 'string', pattern: '^[0-9A-Za-z]{18}$', description: "the enterprise's own unified social credit code (统一社会信用代码)" },
      grounds: text(10, 8000, 'the statement (陈述申辩理由)'),
      challenges: { type: 'array', maxItems: 50, items: CHALLENGE },
      evidence: {
        type: 'array',
        maxItems: 5,
        items: object(
          {
            name: text(1, 200),
            contentType: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+$', maxLength: 100 },
            contentBase64: { type: 'string', format: 'byte', maxLength: 2_800_000 },
          },
          ['name', 'contentType', 'contentBase64'],
        ),
      },
    },
    ['creditCode', 'grounds'],
    {
      creditCode: '91310000MA1FL8XQ37',
      grounds: '该投诉所涉门店并非本企业经营场所，请予核实。',
      challenges: [{ kind: 'clue', ref: 'K7M3-9QPD', claim: '不是本企业' }],
    },
  ),
  'POST /api/appeals/:id/claim': actOnly('no fields: the reviewer is the signed-in account'),
  'POST /api/reviews/confirmations/:scoreId/opened': actOnly('no fields: the reviewer is the signed-in account'),
  'POST /api/appeals/:id/withdrawal': object({ reason: text(0, 500) }, [], { reason: '已与执法部门沟通' }),
  'POST /api/appeals/:id/decision': object(
    {
      outcome: { type: 'string', enum: ['upheld', 'corrected', 'overridden'] },
      reasons: text(5, 8000),
      corrections: {
        type: 'array',
        maxItems: 50,
        items: object(
          {
            kind: { type: 'string', enum: ['clue', 'case'] },
            recordId: text(1, 64),
            action: { type: 'string', enum: ['unlink', 'mark-false', 'revoke'] },
          },
          ['kind', 'recordId', 'action'],
        ),
      },
      overrideColour: colour,
    },
    ['outcome', 'reasons'],
    { outcome: 'upheld', reasons: REASON_EXAMPLE },
  ),
  'POST /api/reviews/confirmations/:scoreId': object(
    { reasons: text(5, 4000), colour: { ...colour, description: "omitted or the model's colour: confirm; another colour: override" } },
    ['reasons'],
    { reasons: REASON_EXAMPLE },
  ),
  'POST /api/quarantine/:id/replay': object(
    {
      corrections: {
        type: 'object',
        additionalProperties: true,
        description:
          'field → corrected value, by the contract\'s English keys (e.g. {"established_on": "2019-01-01"}); the other fields stay as the source sent them',
      },
      rejoin: {
        type: 'array',
        maxItems: 100,
        items: { type: 'integer', minimum: 0 },
        description:
          'a CSV row with a cell too many (ragged_row): the cells (0-based, as its layout lists them) each joined with the next, with the comma that split them, before the corrections; refused so joined, the record stays as it came',
      },
      insertEmpty: {
        type: 'array',
        maxItems: 100,
        items: { type: 'integer', minimum: 0 },
        description:
          'a CSV row with cells too few (ragged_row): an empty cell put in before each of these cells (0-based, as its layout lists them; a cell given twice, two), on the sealed record before the corrections; not with rejoin; refused so, the record stays as it came',
      },
    },
    [],
    { corrections: { established_on: '2019-01-01' } },
  ),
  'POST /api/quarantine/:id/discard': object({ reason: { type: 'string', minLength: 3 } }, ['reason'], { reason: '重复导出，已有正确记录' }),
  'POST /api/quarantine/discard': object(
    {
      runId: { type: 'string', format: 'uuid', description: "the load, as the summary's openRuns lists it; or give source" },
      source: { type: 'string', minLength: 1, description: "every load of one source (a file's path as its records show it); or give runId" },
      reason: { type: 'string', minLength: 3 },
    },
    ['reason'],
    { runId: '6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c04', reason: '测试文件误导入' },
  ),
  'POST /api/kill-switch/suspend': object({ reason: text(5, 2000) }, ['reason'], { reason: '发现漂移，暂停模型复核' }),
  'POST /api/kill-switch/resume': object({ reason: text(5, 2000) }, ['reason'], { reason: '复核完成，恢复模型' }),
  'POST /api/approvals/models/:version/sign-offs': signOff(['technical', 'legal'], {
    role: 'technical',
    decision: 'approve',
    reasons: '回测结果与公平性审计均达标',
  }),
  'POST /api/approvals/colour-policies/:version/sign-offs': signOff(['legal'], { role: 'legal', decision: 'approve', reasons: '阈值调整符合法规要求' }),
  'POST /api/audits/reports': object(
    { from: day('first day of the period (China time); default: the start of the quarter of `to`'), to: day('last day; default: today') },
    [],
    {
      from: '2026-10-01',
      to: '2026-12-31',
    },
  ),
  'POST /api/audits/reports/:id/publish': actOnly('no fields: the publisher is the signed-in account'),
  'POST /api/scores/replay': LOGGED_SCORE,
};
