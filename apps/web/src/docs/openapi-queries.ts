/** One query parameter of an API route, as OpenAPI 3 describes it. */
export interface QueryParam {
  name: string;
  description: string;
  schema: Record<string, unknown>;
  required?: boolean;
}

const limit = (max: number, what = 'rows'): QueryParam => ({
  name: 'limit',
  description: `${what} per page`,
  schema: { type: 'integer', minimum: 1, maximum: max },
});
const day = (name: string, description: string): QueryParam => ({ name, description, schema: { type: 'string', format: 'date' } });
const period = [
  day('from', 'first day of the period (China time); default: the start of the quarter of `to`'),
  day('to', 'last day of the period; default: today'),
];
const reason = (description: string): QueryParam => ({
  name: 'reason',
  description,
  schema: { type: 'string', enum: ['risk', 'exploration', 'complaint', 'follow-up', 'random'] },
});
const creditCode = { type: 'string', pattern: '^[0-9A-Za-z]{18}$' };
/** The time and id of the last row of the previous page, bar-separated (the lists that page by it say which time). */
const PAGE_CURSOR = '^[^|]+\\|[^|]+$';

/**
 * The query parameters of each route that takes any, keyed `METHOD /path` as in the route table.
 * The apps validate them (unknown parameters are refused with 400); a test keeps this list and
 * their validation classes in step.
 */
export const QUERIES: Record<string, QueryParam[]> = {
  'GET /api/regions': [
    {
      name: 'lang',
      description: '`en` for English names (Hanyu Pinyin with the generic translated: Nanhai District); Chinese otherwise',
      schema: { type: 'string', enum: ['zh', 'en'] },
    },
  ],
  'GET /api/accounts': [{ name: 'after', description: 'the last username of the previous page', schema: { type: 'string', maxLength: 64 } }, limit(200)],
  'GET /api/access-log': [
    { name: 'creditCode', description: "only views of this enterprise's data", schema: creditCode },
    { name: 'shown', description: 'only masked views or only full views', schema: { type: 'string', enum: ['masked', 'full'] } },
    { name: 'before', description: 'the id of the last row of the previous page (newest first)', schema: { type: 'integer', minimum: 1 } },
    limit(500),
  ],
  'GET /api/ops/actions': [
    { name: 'before', description: 'the id of the last row of the previous page (newest first)', schema: { type: 'integer', minimum: 1 } },
    limit(200),
  ],
  'GET /api/dead-letters': [
    { name: 'after', description: 'the last sequence of the previous page', schema: { type: 'integer', minimum: 0 } },
    limit(200, 'dead letters'),
  ],
  'GET /api/enterprises': [
    { name: 'q', description: 'part of the name, or the whole credit code (any case, half- or full-width)', schema: { type: 'string' } },
    { name: 'after', description: 'the last credit code of the previous page', schema: { type: 'string' } },
    limit(500),
    {
      name: 'codes',
      description:
        'exactly these enterprises (those known), in credit-code order: repeat the parameter, or comma-separated; up to 1,000, as long as the request line stays within 16 KB (about 800 comma-separated; past it, 431); asked alone, without q, after or limit',
      schema: { type: 'array', items: { type: 'string' }, maxItems: 1000 },
    },
  ],
  'GET /api/enterprises/:creditCode/personal-data': [
    {
      name: 'reason',
      description: 'why the data is needed in full (5–500 characters); logged in the oversight record',
      schema: { type: 'string', minLength: 5, maxLength: 500 },
      required: true,
    },
  ],
  'GET /api/quarantine': [
    { name: 'kind', description: 'the export the record came in', schema: { type: 'string', enum: ['subjects', 'cases', 'officers', 'clues'] } },
    {
      name: 'status',
      description: 'open, or what became of it (superseded: a valid version of the same record was stored since)',
      schema: { type: 'string', enum: ['open', 'replayed', 'discarded', 'superseded'] },
    },
    { name: 'run', description: 'only the records one load brought (its ingest run id)', schema: { type: 'string', format: 'uuid' } },
    { name: 'after', description: 'the last id of the previous page', schema: { type: 'integer', minimum: 0 } },
    limit(500),
  ],
  'GET /api/corrections': [
    { name: 'appealId', description: 'corrections an appeal decision asked for', schema: { type: 'string', maxLength: 200 } },
    { name: 'status', description: 'applied, or found not applicable', schema: { type: 'string', enum: ['applied', 'not-applicable'] } },
    limit(1000),
  ],
  'GET /api/scores': [
    { name: 'colour', description: 'only this colour', schema: { type: 'string', enum: ['green', 'yellow', 'red'] } },
    { name: 'region', description: 'administrative division code or its prefix (2–12 digits)', schema: { type: 'string', pattern: '^\\d{2,12}$' } },
    { name: 'industry', description: 'industry section letter (GB/T 4754, A–T)', schema: { type: 'string', pattern: '^[A-Ta-t]$' } },
    {
      name: 'order',
      description: '`code` (credit code, the default) or `risk` (highest probability first)',
      schema: { type: 'string', enum: ['code', 'risk'] },
    },
    { name: 'after', description: "the previous page's `next` cursor", schema: { type: 'string' } },
    {
      name: 'codes',
      description:
        'only these credit codes (repeat the parameter, or comma-separated; up to 1,000, as long as the request line stays within 16 KB: about 800 comma-separated; past it, 431)',
      schema: { type: 'array', items: { type: 'string' }, maxItems: 1000 },
    },
    limit(1000),
  ],
  'GET /api/scores/:creditCode/history': [limit(100)],
  'GET /api/draws': [limit(200)],
  'GET /api/draws/:id/tasks': [
    day('date', 'tasks whose visit falls on this day'),
    { name: 'department', description: "this department's tasks (e.g. SAMR)", schema: { type: 'string', pattern: '^[A-Z]{2,10}$' } },
    { name: 'officer', description: "an officer's certificate number (执法证号): tasks on that officer's team", schema: { type: 'string', maxLength: 64 } },
    { name: 'region', description: "district of the task's visit (6 digits)", schema: { type: 'string', pattern: '^\\d{6}$' } },
    reason('tasks drawn for this reason'),
    { name: 'colour', description: 'the colour at draw time', schema: { type: 'string', enum: ['green', 'yellow', 'red'] } },
  ],
  'GET /api/conflicts': [
    {
      name: 'officer',
      description: "an officer's certificate number (执法证号); an officer's own account reads only its own, whatever is sent",
      schema: { type: 'string' },
    },
    { name: 'enterprise', description: 'declarations about this enterprise (credit code)', schema: { type: 'string' } },
  ],
  'GET /api/rectification-applications': [
    { name: 'status', description: 'where the application stands: pending is the queue', schema: { type: 'string', enum: ['pending', 'granted', 'refused'] } },
  ],
  'GET /api/absences': [
    {
      name: 'officer',
      description: "an officer's certificate number (执法证号); an officer's own account reads only its own, whatever is sent",
      schema: { type: 'string', pattern: '^[A-Za-z0-9-]{3,40}$' },
    },
    day('from', 'absences that end on or after this day'),
    day('to', 'absences that start on or before this day'),
  ],
  'GET /api/visits/:id/replacements': [
    {
      name: 'officer',
      required: true,
      description: 'the certificate number (执法证号) of the officer to be replaced',
      schema: { type: 'string', pattern: '^[A-Za-z0-9-]{3,40}$' },
    },
  ],
  'GET /api/visits': [
    day('date', 'visits on this day'),
    day('from', 'visits from this day'),
    day('to', 'visits up to this day'),
    { name: 'officer', description: "an officer's certificate number: that officer's visits", schema: { type: 'string' } },
    { name: 'region', description: 'administrative division code (6 digits)', schema: { type: 'string', pattern: '^\\d{6}$' } },
    {
      name: 'creditCode',
      description: "one enterprise's visits, the unannounced ones too",
      schema: { type: 'string', pattern: '^[0-9A-Za-z]{18}$' },
    },
    { name: 'department', description: 'visits this department is on (e.g. SAMR)', schema: { type: 'string', pattern: '^[A-Z]{2,10}$' } },
    { name: 'draw', description: "a draw's id: that plan's visits", schema: { type: 'string', format: 'uuid' } },
    { name: 'status', description: 'scheduled, done or cancelled', schema: { type: 'string', enum: ['scheduled', 'done', 'cancelled'] } },
    reason('visits carrying a task drawn for this reason'),
    {
      name: 'colour',
      description: 'visits to an enterprise its plan drew in this colour (the colour at draw time)',
      schema: { type: 'string', enum: ['green', 'yellow', 'red'] },
    },
    limit(2000, 'visits'),
  ],
  'GET /api/follow-ups': [
    {
      name: 'status',
      description:
        "waiting (on or before the deadline: the deadline day is the enterprise's), due (deadline passed, within followUpWithinDays), scheduled (a published visit from that day on holds the re-inspection), missed (the visit holding it had its day with no results recorded), overdue (past deadline + followUpWithinDays, none held), stale (older than followUpLookbackDays: the draw no longer plans it) or all; omitted, all not re-inspected",
      schema: { type: 'string', enum: ['waiting', 'due', 'scheduled', 'missed', 'overdue', 'stale', 'all'] },
    },
    {
      name: 'department',
      description: "the department that gave the order (e.g. SAMR); a department officer's own, whatever is sent",
      schema: { type: 'string', pattern: '^[A-Z]{2,10}$' },
    },
    { name: 'region', description: "the enterprise's administrative division code (6 digits)", schema: { type: 'string', pattern: '^\\d{6}$' } },
    day('on', 'the day the statuses are read on (default today, China time)'),
    limit(2000, 'orders'),
  ],
  'GET /api/calendar': [
    { name: 'year', description: 'the year whose working days and holidays are listed', schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
  ],
  'GET /api/audit/entries': [
    { name: 'after', description: 'the last sequence number of the previous page (oldest first)', schema: { type: 'integer', minimum: -1 } },
    { name: 'order', description: "'newest' lists the latest entries first, paging back with before", schema: { type: 'string', enum: ['oldest', 'newest'] } },
    { name: 'before', description: 'with order=newest: the last sequence number of the previous page', schema: { type: 'integer', minimum: 0 } },
    { name: 'kind', description: 'entry kind, e.g. score, model-version, sign-off, appeal-filed', schema: { type: 'string', pattern: '^[a-z][a-z0-9.-]*$' } },
    { name: 'subjectRef', description: 'what the entry is about (a credit code, a model version…)', schema: { type: 'string', maxLength: 128 } },
    limit(1000, 'entries'),
  ],
  'GET /api/reviews/confirmations': [
    { name: 'after', description: "the previous page's last row, as requestedAt|id", schema: { type: 'string', maxLength: 200, pattern: PAGE_CURSOR } },
    limit(200),
  ],
  'GET /api/reviews/colours': [
    {
      name: 'codes',
      description: 'the credit codes, comma-separated (or the parameter repeated), 1 to 100',
      schema: { type: 'array', items: creditCode, minItems: 1, maxItems: 100 },
      required: true,
    },
  ],
  'GET /api/appeals': [
    {
      name: 'status',
      description: 'where the appeal stands',
      schema: { type: 'string', enum: ['filed', 'in-review', 'awaiting-rescore', 'decided', 'withdrawn'] },
    },
    { name: 'creditCode', description: "one enterprise's appeals", schema: creditCode },
    { name: 'overdue', description: 'only appeals past their deadline', schema: { type: 'boolean' } },
    { name: 'after', description: "the previous page's last row, as dueAt|id", schema: { type: 'string', maxLength: 200, pattern: PAGE_CURSOR } },
    limit(200, 'appeals'),
  ],
  'GET /api/kill-switch': [limit(1000, 'history rows')],
  'GET /api/approvals': [
    { name: 'status', description: 'pending, approved or rejected', schema: { type: 'string', enum: ['pending', 'approved', 'rejected'] } },
    { name: 'kind', description: 'model versions or colour policies', schema: { type: 'string', enum: ['model-version', 'colour-policy'] } },
    limit(1000),
  ],
  'GET /api/audits/fairness': [
    ...period,
    {
      name: 'sample',
      description: 'which inspections: the random sample (unbiased), the model-chosen ones, or all',
      schema: { type: 'string', enum: ['random', 'model', 'all'] },
    },
    { name: 'flag', description: 'the colour counted as flagged: red, or red and yellow', schema: { type: 'string', enum: ['red', 'yellow'] } },
    { name: 'minGroupSize', description: 'groups smaller than this are reported, not compared', schema: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
  ],
  'GET /api/audits/accuracy': period,
  'GET /api/audits/colour-policies/:version': [
    day('from', 'first day of the period (China time); default: a year before `to` (364 days)'),
    day('to', 'last day of the period; default: today'),
  ],
  'GET /api/audits/drift': [
    ...period,
    { name: 'modelVersion', description: 'the model version (default: the active one)', schema: { type: 'string', maxLength: 128 } },
  ],
  'GET /api/audits/reports': [limit(500, 'reports')],
  'GET /api/public/audit-reports': [limit(500, 'reports')],
  'GET /api/public/inspection-plans': [limit(100, 'plans')],
  'GET /api/public/inspection-results': [
    day('from', 'inspections from this day'),
    day('to', 'inspections up to this day'),
    { name: 'department', description: 'inspections this department took part in (e.g. SAMR)', schema: { type: 'string', pattern: '^[A-Z]{2,10}$' } },
    {
      name: 'creditCode',
      description: "one enterprise's inspections, by its unified social credit code; or up to 20 enterprises', comma-separated",
      schema: { type: 'string', pattern: '^[0-9A-Za-z]{18}(,[0-9A-Za-z]{18}){0,19}$' },
    },
    {
      name: 'name',
      description:
        'the inspections of the enterprises whose registered name holds this text (not with creditCode). Up to 20 such enterprises: the results are theirs and `matches` names them; more: no results, the first 20 in `matches` and `moreMatches` true',
      schema: { type: 'string', minLength: 1, maxLength: 60 },
    },
    { name: 'after', description: "the previous page's `next`", schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}_[0-9a-f-]{36}$' } },
    limit(500, 'inspections'),
  ],
};

/** Routes that answer 201 Created; every other route answers 200. */
export const CREATED = new Set([
  'POST /api/accounts',
  'POST /api/draws',
  'POST /api/conflicts',
  'POST /api/absences',
  'POST /api/absences/:id/replacements',
  'POST /api/visits/:id/results',
  'POST /api/visits/:id/rating',
  'POST /api/visits/:id/team-changes',
  'POST /api/visits/:id/rectification-extensions',
  'POST /api/cases/:caseNo/rectification-extensions',
  'POST /api/visits/:id/rectification-applications',
  'POST /api/cases/:caseNo/rectification-applications',
  'POST /api/appeals',
  'POST /api/kill-switch/suspend',
  'POST /api/kill-switch/resume',
  'POST /api/approvals/models/:version/sign-offs',
  'POST /api/approvals/colour-policies/:version/sign-offs',
  'POST /api/audits/reports',
  'POST /api/audits/reports/:id/publish',
]);
