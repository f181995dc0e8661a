import { arr, bool, creditCode, day, instant, int, nullable, num, obj, oneOf, open, ref, sha256, str, uuid } from './openapi-schemas';

type Json = Record<string, unknown>;

const department = str('department code (部门): SAMR, ENV, EMG, FIRE, HEALTH, HRSS, CITY, AGRI', { pattern: '^[A-Z]{2,10}$' });
const item = str('checklist item code (检查事项), e.g. FIRE-02; GET /api/checklist-items names it', { pattern: '^[A-Z]{2,10}-\\d{2}$' });
const itemResult = oneOf(['未发现问题', '责令整改', '立案查处'], '未发现问题 no problem found, 责令整改 ordered to rectify, 立案查处 case opened');
const absenceKind = oneOf(['leave', 'training', 'secondment', 'other'], 'leave 请假, training 培训, secondment 外出/借调, other 其他');
const coverVisitFields = {
  visitId: uuid('the visit'),
  visitNo: str('检查编号'),
  creditCode,
  routeKey: str('the route the visit is a stop of'),
  officerIds: arr(str(), 'the team now'),
};
const coverVisit = obj(coverVisitFields);
const refusal = {
  code: str('the rule that keeps the replacement off (as a single team change refuses: recent_inspection, declared_conflict, over_capacity…), or no_candidate'),
  message: str(),
};
const absenceHeader = {
  absenceId: uuid('the absence'),
  officerId: str("the absent officer's certificate number (执法证号)"),
  from: day(),
  to: day(),
  kind: absenceKind,
};
const visitStatus = oneOf(['scheduled', 'done', 'cancelled'], 'scheduled 待检查, done 已检查, cancelled 已取消');
const rating = nullable(
  obj({ stars: int('1–5', { minimum: 1, maximum: 5 }), comment: nullable(str()), ratedAt: instant() }, "the enterprise's rating of the visit"),
);
const drawCore = {
  id: uuid('the draw'),
  seed: str('the seed the draw used (随机种子): with the inputs, anyone can re-draw it'),
  window: obj({ from: day(), to: day() }, 'the days planned'),
  cutFrom: nullable(day('the first day a newer plan took over')),
  status: oneOf(['published', 'rejected', 'superseded'], 'published 已发布; rejected by the independent checker; superseded by a newer plan'),
  suspended: bool('drawn while the model was suspended (purely random)'),
  backfill: bool('recorded for a window that had already begun'),
  modelVersion: nullable(str('the model whose colours weighted the draw')),
  explorationShare: num('the share drawn purely at random (探索样本)', { minimum: 0, maximum: 1 }),
  inputsFingerprint: sha256('of the canonical inputs'),
  resultFingerprint: sha256('of the plan'),
  figures: open(
    "the plan in figures: visits, joint share, travel, workload, unassigned tasks by reason; staleComplaints, the verified complaints not planned because they came in more than complaintLookbackDays (also given) before the window; staleFollowUps, the orders to rectify never re-inspected whose deadline came more than followUpLookbackDays (also given) before it; calendarUnsetYears, the window's years with no day in the work calendar when drawn, for which only the public holidays fixed by date (New Year's Day, Labour Day, National Day) were kept off",
  ),
  checker: str('the independent checker that checked the plan'),
  violationCount: int('rules the checker found broken (0 for a published plan)', { minimum: 0 }),
  createdAt: instant(),
};
const drawTask = {
  id: str('<department>:<creditCode>'),
  department,
  creditCode,
  reason: oneOf(['risk', 'exploration', 'complaint', 'follow-up', 'random'], 'follow-up: a re-inspection (整改复查) not otherwise drawn'),
  colour: nullable(oneOf(['green', 'yellow', 'red'], 'the colour at draw time; null when the model was suspended')),
  items: arr(item),
  clueIds: arr(str(), 'complaints the task checks'),
  dueBy: day('the latest day, for a complaint or a follow-up'),
  followUps: arr(str(), 'the inspections (case or visit numbers) it re-inspects after an order to rectify (责令整改)'),
  notBefore: day('the earliest day: the day after the latest rectification deadline (整改期限) of its follow-ups'),
};
const followUp = obj(
  {
    department,
    inspectionRef: str('the inspection that ordered rectification: a case number (FS-SAMR-2024-000101) or a visit number (TP-2026-000123)'),
    inspectedOn: day('the day of that inspection'),
    rectifyBy: day('its rectification deadline (整改期限); the re-inspection comes after it, from the next day'),
  },
  'a re-inspection (整改复查) the visit carries',
);
const visitNo = str('the number people quote (检查编号), e.g. TP-2026-000123: its cases come back as TP-2026-000123-SAMR; GET /api/visits/{id} takes it too', {
  pattern: '^TP-\\d{4}-\\d{6,}$',
});
const visitCore = {
  id: uuid('the visit'),
  visitNo,
  drawId: uuid('the plan it belongs to'),
  date: day(),
  regionCode: str('district (GB/T 2260, 6 digits)'),
  creditCode,
  officerIds: arr(str(), "the team: officers' certificate numbers (执法证号)"),
  departments: arr(department, 'the departments inspecting together (联合检查, 进一次门、查多项事)'),
  reasons: arr(oneOf(['risk', 'exploration', 'complaint', 'follow-up', 'random']), 'why it was drawn; follow-up when it re-inspects an order to rectify'),
  followUps: arr(followUp, 'the re-inspections it carries (整改复查); empty when none'),
  exploration: bool('drawn purely at random'),
  routeKey: str("the team's route of that day"),
  routeOrder: int('its place on the route', { minimum: 0 }),
  noticeAllowed: bool('the enterprise may be told in advance (never when a complaint is checked)'),
  status: visitStatus,
};
/** The visits an extension released: they carried the re-inspection before the new deadline (it would prove nothing there). */
const released = arr(
  obj({
    id: uuid('the visit'),
    number: str('检查编号'),
    date: day(),
    cancelled: bool('true: the re-inspection was its only work, the visit is cancelled; false: it stays for its other checks, without the re-inspection'),
    officersRemoved: arr(
      str('执法证号'),
      'officers taken off the team with the departments that left (certified for none of those left, the rest still two or more covering them); empty when none',
    ),
  }),
  "in the answer to an extension: scheduled visits of published plans, from today on (China time), that held the re-inspection before the new day, released in the same transaction; the next draw plans it on or after the new day; a past day's visit keeps it",
);
const counts = {
  read: int('records read'),
  inserted: int(),
  updated: int('newer versions of records held'),
  duplicate: int('the same version again'),
  stale: int('older than the version held'),
  quarantined: int('rejected, with reasons (隔离)'),
  quarantinedAgain: int('rejected again: already in quarantine'),
  superseded: int('no outcome of a record read: the open quarantined copies of other loads the records stored closed as superseded'),
};
const kind = oneOf(['subjects', 'cases', 'officers', 'clues'], 'the export: market subjects (市场主体), cases (案件), officers (执法人员), clues (线索)');

/** Plans (抽查计划), draws (双随机抽取) and visits (联合检查). */
const enterpriseFollowUp = obj(
  {
    department,
    inspectionRef: str("the earlier inspection: a visit's number (TP-…) or the platform case's number"),
    source: oneOf(['visit', 'case'], 'visit, one of Tianping’s visits; case, a case the platform exported'),
    inspectedOn: nullable(day('the day of that inspection; null when no longer known')),
  },
  'an earlier finding (责令整改) and the department coming to re-inspect it',
);

export const DISPATCH_SCHEMAS: Record<string, Json> = {
  DrawSummary: obj(drawCore, 'a draw and its plan, in brief', ['createdAt']),
  Draw: obj(
    {
      ...drawCore,
      strata: arr(open('one stratum: department, colour, frame size, eligible, target, drawn')),
      unassigned: arr(open('a task no team could take, with why')),
      violations: arr(open('a rule the checker found broken')),
      tasks: arr(obj(drawTask, 'one department’s inspection of one enterprise', ['dueBy', 'followUps', 'notBefore'])),
    },
    'a draw with its seed, fingerprints, strata and tasks',
    ['createdAt'],
  ),
  PlacedTask: obj(
    {
      ...drawTask,
      visitId: nullable(uuid('the joint visit that carries it; null when no team took it or a newer plan cut it')),
      date: nullable(day("its visit's day")),
      regionCode: nullable(str("its visit's district (GB/T 2260, 6 digits)")),
      officerIds: arr(str(), "its visit's team: officers' certificate numbers (执法证号); empty without a visit"),
    },
    'one task of a plan with the visit that carries it',
    ['dueBy', 'followUps', 'notBefore'],
  ),
  DrawOutcome: obj({
    id: uuid('the draw'),
    seed: str(),
    window: drawCore.window,
    status: oneOf(['published', 'rejected']),
    suspended: bool(),
    backfill: bool(),
    modelVersion: drawCore.modelVersion,
    inputsFingerprint: drawCore.inputsFingerprint,
    resultFingerprint: drawCore.resultFingerprint,
    tasks: int('tasks drawn'),
    visits: int('visits planned'),
    unscoredEnterprises: int('enterprises drawn with no score'),
    checker: obj({ name: str(), ran: { type: 'boolean', enum: [true] }, violations: int(), firstViolations: arr(str()) }),
    figures: drawCore.figures,
    supersededDrawIds: arr(uuid('a plan this one replaced')),
  }),
  Visit: obj(visitCore, 'a joint visit (联合检查)'),
  DeclaredConflict: obj(
    {
      officerId: str("the officer's certificate number (执法证号)"),
      creditCode,
      reason: nullable(str('why; may name a person (not shown to oversight); null for declarations made before reasons were required')),
      declaredAt: instant(),
      declaredBy: nullable(str('the account that declared it; null for declarations made before it was recorded')),
      scheduledVisits: arr(
        obj({ id: uuid('the visit'), number: str('检查编号'), date: day() }),
        'visits already scheduled there whose team still names the officer: a declaration steers the next draw only',
      ),
    },
    'a declared conflict of interest (回避): the draw never sends this officer to this enterprise',
    ['reason'],
  ),
  RegisterOfficer: obj(
    {
      officerId: str("the officer's certificate number (执法证号); the register never holds a name or an ID number"),
      department,
      domains: arr(department, 'departments the officer is certified for'),
      certValidUntil: day('the certificate is valid until this day: the draw leaves the officer out after it'),
      onDuty: bool('在岗: the draw schedules only officers on duty'),
      regionCode: str('district (6 digits)'),
      dailyCapacity: int('visits a day at most (the policy default unless set for the officer)'),
      declaredConflicts: int('conflicts of interest declared (回避)'),
      absences: arr(obj({ id: uuid('the absence'), from: day(), to: day(), kind: absenceKind }), 'absences touching today and the 30 days after'),
      visitsNext14Days: int('visits scheduled in published plans from today to 13 days after'),
    },
    'one officer of the register (执法人员名录) as dispatch holds it',
  ),
  OfficerAbsence: obj(
    {
      id: uuid('the absence'),
      officerId: str("the officer's certificate number (执法证号)"),
      from: day('the first day away'),
      to: day('the last day away, included'),
      kind: absenceKind,
      createdBy: nullable(str('the account that entered it; null for an operator’s direct call')),
      createdAt: instant(),
      scheduledVisits: arr(
        obj({ id: uuid('the visit'), number: str('检查编号'), date: day(), creditCode }),
        'visits in its days, in published plans, whose team still names the officer: replace the officer on each (更换执法人员)',
      ),
    },
    "an officer's absence (请假, 培训, 外出): the draw and replacements leave the officer out on its days",
  ),
  AbsenceReplacementProposal: obj(
    {
      ...absenceHeader,
      days: arr(
        obj({
          date: day(),
          officerIn: nullable(
            str('the one officer proposed for the day: free that day, the same on every stop of a route; null when no one may take any visit'),
          ),
          visits: arr(coverVisit, 'the visits the officer would take, in route order'),
          uncovered: arr(
            obj({ ...coverVisitFields, ...refusal }),
            "visits the day's replacement may not take (or, with no replacement, all the day's): listed, left as they are",
          ),
        }),
        'each day of the absence from today on with a scheduled visit still sending the officer',
      ),
    },
    'officer absent (人员缺勤): who would replace the absent officer on which visits, and what cannot be covered',
  ),
  AbsenceReplacement: obj(
    {
      ...absenceHeader,
      changed: arr(
        obj({
          changeId: uuid('the team change, as a single one records it'),
          visitId: uuid('the visit'),
          visitNo: str('检查编号'),
          date: day(),
          officerIn: str('the replacement'),
          officerIds: arr(str(), 'the team after'),
        }),
        'each visit changed, through the single team change (its record and event)',
      ),
      uncovered: arr(obj({ date: day(), ...coverVisitFields, ...refusal }), 'visits no one could take: left as they are'),
    },
    'the confirmed replacement of an absent officer, applied in one transaction',
  ),
  RectificationExtension: obj(
    {
      id: uuid('the extension'),
      visitId: uuid('the visit whose results ordered rectification'),
      visitNo: str('检查编号'),
      from: day('the deadline before'),
      to: day('the deadline after: the re-inspection is not before it'),
      reason: str('why it was granted; for the bureau only (oversight reads the list without it)'),
      actor: nullable(str('the account that granted it; null for an operator’s direct call')),
      extendedAt: instant(),
      released,
      heldBefore: arr(
        obj({ id: uuid('the visit'), number: str('检查编号'), date: day() }),
        'in the answer to an extension: visits still holding the re-inspection before the new day: those whose day has passed (a release leaves them, their results may still come)',
      ),
    },
    "an extension of a visit's rectification deadline (延期整改)",
    ['visitNo', 'reason', 'released', 'heldBefore'],
  ),
  CaseRectificationExtension: obj(
    {
      id: uuid('the extension'),
      caseNo: str("the platform case's number"),
      from: day('the deadline before'),
      to: day('the deadline after: the re-inspection is not before it'),
      reason: str('why it was granted; for the bureau only (oversight reads it without)'),
      actor: nullable(str('the account that granted it; null for an operator’s direct call')),
      extendedAt: instant(),
      creditCode: str('the enterprise (统一社会信用代码)'),
      department,
      released,
      heldBefore: arr(
        obj({ id: uuid('the visit'), number: str('检查编号'), date: day() }),
        'in the answer to an extension: visits still holding the re-inspection before the new day: those whose day has passed (a release leaves them, their results may still come)',
      ),
    },
    "an extension of a platform case's rectification deadline (延期整改)",
    ['reason', 'creditCode', 'department', 'released', 'heldBefore'],
  ),
  CaseRectificationOrder: obj(
    {
      caseNo: str("the platform case's number"),
      creditCode: str('the enterprise (统一社会信用代码)'),
      department,
      departments: arr(department, 'the department, as a list (as a visit names its departments)'),
      date: day("the case's day"),
      ordered: bool("whether it is an inspection ordering rectification (责令整改) the bureau follows up itself (not a Tianping visit's own)"),
      ownVisit: bool("whether it is a Tianping visit's own case: its deadline is extended on the visit"),
      rectifyBy: nullable(
        day("the deadline in force: the latest extension's day, else the case's day + the policy's rectificationDays; null when not ordered"),
      ),
      extensions: arr(ref('CaseRectificationExtension'), 'the extensions, oldest first (the reasons for the bureau only)'),
    },
    "a platform case's order to rectify and its extensions",
  ),
  FollowUpList: obj(
    {
      on: day('the day the statuses were read on'),
      counts: obj(
        { waiting: int(), due: int(), scheduled: int(), missed: int(), overdue: int(), stale: int() },
        'orders per status, under the department and region filters, before status narrows the rows',
      ),
      rows: arr(
        obj(
          {
            creditCode,
            department,
            regionCode: str("the enterprise's administrative division code"),
            source: oneOf(['visit', 'case'], "visit: a Tianping visit's results; case: a platform case (intake)"),
            visitId: nullable(uuid('the visit that gave the order, for source visit')),
            inspectionRef: str('检查编号 of the visit, or the case number'),
            inspectedOn: day('the inspection that gave the order'),
            rectifyBy: day("the rectification deadline (整改期限) in force: the enterprise's last day to rectify"),
            notBefore: day('the first day of the re-inspection: the day after the deadline (复查不早于)'),
            dueBy: day('the deadline + followUpWithinDays: the re-inspection is overdue after it'),
            extended: bool('whether the deadline was extended (延期整改)'),
            status: oneOf(
              ['waiting', 'due', 'scheduled', 'missed', 'overdue', 'stale'],
              'waiting 待到期, due 待复查, scheduled 已安排, missed 复查日已过未录入结果, overdue 已逾期, stale 已超出回溯期',
            ),
            scheduled: nullable(
              obj(
                { id: uuid('the visit'), number: str('检查编号'), date: day() },
                'the published scheduled visit holding the re-inspection (for missed, the one whose day passed with no results)',
              ),
            ),
          },
          'one order to rectify not re-inspected',
        ),
        'by deadline, then inspection',
      ),
      truncated: bool('more orders than limit: narrow the filters'),
    },
    'the orders to rectify the bureau tracks (整改跟踪)',
  ),
  CaseOrder: obj(
    {
      caseNo: str("the platform case's number"),
      department,
      date: day("the case's day"),
      rectifyBy: day("the deadline in force: the latest extension's day, else the case's day + the policy's rectificationDays"),
      originalRectifyBy: nullable(day('the deadline before any extension (延期整改), once extended; null otherwise')),
    },
    "an enterprise's order to rectify (责令整改) from a platform case, not re-inspected yet",
  ),
  RectificationApplication: obj(
    {
      id: uuid('the application'),
      source: oneOf(['visit', 'case'], "visit: on a Tianping visit's order (visitId, visitNo); case: on a platform case's (caseNo)"),
      visitId: nullable(uuid('the visit whose results ordered rectification, for source visit')),
      visitNo: nullable(str('检查编号, for source visit')),
      caseNo: nullable(str("the platform case's number, for source case")),
      creditCode: str('the enterprise (统一社会信用代码)'),
      department: nullable(department),
      visitDate: nullable(day("the visit's day, for source visit")),
      inspectedOn: day("the day of the inspection that gave the order: the visit's or the case's"),
      rectifyBy: day('the deadline asked for'),
      currentRectifyBy: nullable(day("the order's deadline in force now")),
      reason: str("the enterprise's reason"),
      applicant: nullable(str('the account that applied')),
      appliedAt: instant(),
      status: oneOf(['pending', 'granted', 'refused'], 'pending 待审批, granted 已同意, refused 不予延期'),
      decidedBy: nullable(str('the account that decided')),
      decidedAt: nullable(instant()),
      decisionNote: nullable(str("the bureau's note to the enterprise")),
      extensionId: nullable(uuid("the visit's extension a grant made")),
      caseExtensionId: nullable(uuid("the case's extension a grant made")),
      released,
      heldBefore: arr(
        obj({ id: uuid('the visit'), number: str('检查编号'), date: day() }),
        'in the answer to a decision: visits still holding the re-inspection before the new day: those whose day has passed (a release leaves them, their results may still come)',
      ),
    },
    "an enterprise's application for more time to rectify (延期整改申请) (oversight reads a case's without the reason and the note)",
    ['released', 'heldBefore', 'reason', 'decisionNote'],
  ),
  VisitDetail: obj(
    {
      ...visitCore,
      checklist: arr(obj({ department, items: arr(item) }), 'the combined checklist (检查清单), by department'),
      clueIds: arr(str(), 'complaints the visit checks'),
      results: nullable(arr(obj({ item, result: itemResult, violation: nullable(str()) }, 'the result of one item', ['violation']))),
      rectifyBy: nullable(
        day('the rectification deadline (整改期限) its results set when an item is 责令整改, or last extended to; a re-inspection follows after it'),
      ),
      originalRectifyBy: nullable(day('the deadline its results first set, when extended since (延期整改); null otherwise')),
      reInspections: arr(
        obj({ id: uuid('the re-inspection visit'), visitNo, date: day(), status: visitStatus }),
        'the re-inspections (复查) its order to rectify led to, in published plans, soonest first; empty when it ordered none or none is planned yet',
      ),
      recordedAt: nullable(instant()),
      rating,
      route: nullable(
        obj({
          date: day(),
          officerIds: arr(str()),
          distanceKm: num(),
          visitIds: arr(uuid('a visit')),
          creditCodes: arr(creditCode),
        }),
      ),
    },
    'one joint visit with its checklist, results and the team’s route',
  ),
  PublicInspectionPlan: obj(
    {
      from: day('the first day planned'),
      to: day('the last day planned'),
      cutFrom: nullable(day('the first day a newer plan took over; null when the plan runs its whole window')),
      publishedAt: instant(),
      seed: drawCore.seed,
      inputsFingerprint: drawCore.inputsFingerprint,
      resultFingerprint: drawCore.resultFingerprint,
      enterprises: int('enterprises to be inspected', { minimum: 0 }),
      checks: int("departments' checks planned (one department, one enterprise)", { minimum: 0 }),
      visits: int('visits planned, joint ones counted once', { minimum: 0 }),
      departments: arr(obj({ department, enterprises: int('enterprises it inspects', { minimum: 0 }), items: arr(item, 'what it checks') })),
    },
    'a published plan by its scope (抽查计划公示): never which enterprises were drawn, nor why',
  ),
  PublicInspectionResults: obj(
    {
      results: arr(
        obj(
          {
            date: day('the day of the inspection'),
            visitNo,
            creditCode,
            name: nullable(str('the registered name (企业名称); null when intake does not know the code')),
            departments: arr(department, 'the departments that inspected together'),
            items: arr(obj({ department, item, result: itemResult }), 'each item and its result'),
          },
          'a recorded inspection (抽查结果公示): no officer, no reason it was drawn, no notes',
        ),
      ),
      next: nullable(str('pass as `after` for the next page; null on the last')),
      matches: arr(obj({ creditCode, name: str('the registered name (企业名称)') }), 'asked by `name`: the enterprises it matched, in code order'),
      moreMatches: bool('asked by `name`: it matched more than 20 enterprises, and the results are not narrowed to any'),
    },
    undefined,
    ['matches', 'moreMatches'],
  ),
  EnterpriseVisit: obj(
    {
      visitId: uuid('the visit'),
      visitNo,
      date: day(),
      status: visitStatus,
      departments: arr(department),
      checklist: arr(item, 'what will be checked'),
      followUps: arr(enterpriseFollowUp, 'the earlier findings it comes to re-inspect (复查), each with the department that re-inspects it; empty when none'),
      cancelledBecause: nullable(
        oneOf(
          ['follow-up-released', 'plan-superseded', 'plan-cut', 'other'],
          'why a cancelled visit was cancelled: follow-up-released, the rectification deadline of its re-inspection was extended (延期整改) past its day and the re-inspection was its only work (see `released`); plan-superseded, a newer plan replaced its plan; plan-cut, a newer plan took over its plan from a day on or before it; other, cancelled before reasons were kept. Null unless cancelled',
        ),
      ),
      released: arr(
        obj(
          {
            cancelled: bool('the release cancelled the visit, the re-inspection having been its only work'),
            deadline: day('the rectification deadline as extended: the re-inspection now comes after it'),
            followUps: arr(enterpriseFollowUp, 'the re-inspections it gave up'),
            departmentsRemoved: arr(department, 'the departments that no longer come, the re-inspection having been their only work on it'),
          },
          'one release',
        ),
        'the re-inspections an extension moved after its new deadline, oldest first; empty when none',
      ),
      results: nullable(
        arr(
          obj(
            {
              item,
              result: itemResult,
              violation: str('what was found, when the item found a problem'),
              revokedOnAppeal: str('the appeal (陈述申辩) that revoked this finding (撤销): it orders nothing any more'),
            },
            "one item's result",
            ['violation', 'revokedOnAppeal'],
          ),
          "each item's result once the visit took place; null before",
        ),
      ),
      rectifyBy: nullable(
        day(
          'by when the enterprise must put right what an item 责令整改 found, as last extended; a re-inspection (复查) follows after it; null once every such finding was revoked on appeal',
        ),
      ),
      originalRectifyBy: nullable(day('the deadline first set, when it was extended since (延期整改); null otherwise')),
      canRate: bool('done and not rated yet'),
      rating,
    },
    'a visit an enterprise may know of (announced in advance, or done; a cancelled one only when it was announced): no officer, no complaint',
  ),
};

const QUARANTINE_STATUS = ['open', 'replayed', 'discarded', 'superseded'];

/** Ingest runs (导入批次) and the quarantine of rejected records (隔离区). */
export const INTAKE_SCHEMAS: Record<string, Json> = {
  IngestRun: obj({
    id: uuid('the run'),
    source: str('what was read: a file path, http or the NATS push'),
    startedAt: instant(),
    finishedAt: nullable(instant('null while running')),
    counts: nullable(obj({ kind, ...counts }, 'what became of every record read: the outcomes add up to read; null while running', ['kind'])),
    failure: nullable(str('why the run ended before its input did')),
  }),
  QuarantinedRecord: obj(
    {
      id: int('the rejected record', { minimum: 1 }),
      kind,
      source: str('the file or channel it came in'),
      line: nullable(int('its line in the file')),
      runId: nullable(uuid('the load that brought it (an ingest run); null for one held before loads were recorded with it')),
      rawMasked: {
        description:
          'its fields as the source sent them, ID numbers and names masked (脱敏); a line that was not even JSON is its text (up to 2,000 characters), ID and phone numbers masked',
        oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
      },
      reasons: arr(
        obj(
          {
            code: str('e.g. required, enum, check_character'),
            field: str('the contract’s English key'),
            message: str(),
            expected: open('what would have been valid'),
            layout: ref('RowLayout'),
          },
          'why it was rejected',
          ['expected', 'layout'],
        ),
      ),
      status: oneOf(
        QUARANTINE_STATUS,
        'open 待处理, replayed 已更正重放, discarded 已放弃, superseded 已被新版本取代 (a valid version of the same record, as new or newer, was stored)',
      ),
      createdAt: instant(),
      resolvedAt: nullable(instant()),
      resolution: nullable(
        open(
          "who replayed or discarded it, the fields corrected (and cells rejoined, or emptyInserted), with `changes` [{field, from, to}] each corrected field's value before and after as the view shows values (personal fields masked; kept since replays recorded it), and `counts` the outcome of the replay (inserted, updated, duplicate: an identical record was already stored, nothing changed; stale), or the reason (a discard of a whole load: `bulk`, its runId or source); superseded: `supersededBy` {source, runId?, updatedAt?}, the load and update time of the stored version",
        ),
      ),
      layout: ref('RowLayout'),
      maskedCells: arr(str(), "a ragged row: the cells shown masked, as personal fields or as cells a split may have moved one's value to"),
      suggestedJoins: arr(
        int(undefined, { minimum: 0 }),
        'an open ragged row: the cells (0-based) whose joining with the next most likely undoes the split; empty when none helps',
      ),
      suggestedInsertions: arr(
        int(undefined, { minimum: 0 }),
        'an open row with cells too few: the cells (0-based) before which an empty cell was most likely dropped; empty when none helps',
      ),
    },
    undefined,
    ['layout', 'maskedCells', 'suggestedJoins', 'suggestedInsertions'],
  ),
  RowLayout: obj(
    {
      columns: arr(nullable(str()), 'the name each header position is kept under, in order (null: no cell, no name)'),
      cells: arr(str(), "the name each of the row's cells is kept under, in order: a contract key, a column of the export's own, or _column_<n>"),
      spaced: arr(int(), 'cells whose text began with a space (joined with ", ")'),
      shifts: arr(int(), 'per position, the powers of ten a money cell was moved by for its header unit'),
    },
    'a CSV row with more or fewer cells than its header (ragged_row): where each cell is kept, no values',
    ['shifts'],
  ),
  QuarantineSummary: obj({
    byStatus: arr(obj({ kind, status: oneOf(QUARANTINE_STATUS), count: int() })),
    reasons: arr(obj({ kind, field: str(), code: str(), count: int() }), 'the most common reasons of the open ones'),
    openRuns: arr(
      obj({
        runId: uuid('the load'),
        kind,
        source: str('what it read'),
        startedAt: nullable(instant()),
        count: int('its open records'),
        superseded: nullable(int('the open copies of other loads it closed as superseded; null while it runs')),
      }),
      'the loads holding the most open records (up to 10): what POST /api/quarantine/discard can give up at once',
    ),
  }),
  QuarantineDiscardAll: obj(
    { runId: uuid('the load given'), source: str('the source given'), discarded: int('open records discarded') },
    'every open record of one load (or source) discarded in one transaction',
    ['runId', 'source'],
  ),
  ReplayResult: obj(
    {
      id: int(),
      accepted: bool('passed validation and was written'),
      reasons: arr(open('a reason it is still invalid')),
      counts: obj(counts),
      rejoin: arr(int(), 'refused with cells joined: the joins the reasons are about; the record was left as it came'),
      insertEmpty: arr(int(), 'refused with empty cells put in: where, as the reasons are about them; the record was left as it came'),
    },
    'a corrected record replayed: accepted with its counts, or kept open with its new reasons',
    ['reasons', 'counts', 'rejoin', 'insertEmpty'],
  ),
};
