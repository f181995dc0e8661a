import type { AppName } from '@tianping/common';
import type { Role } from './roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * The record a route's `:id` names, checked against the caller's binding before it is forwarded:
 * an enterprise only its own visits and appeals, a department officer only visits its department is on
 * and its department's platform cases (`:caseNo`).
 */
export type OwnedRecord = 'visit' | 'appeal' | 'case';

export interface RouteRule {
  method: HttpMethod;
  /** Express-style path, e.g. /api/enterprises/:creditCode */
  path: string;
  /** 'public' needs no session; otherwise the roles allowed. */
  access: 'public' | 'signed-in' | readonly Role[];
  /** Forwarded to this app at the same path; absent means the web app answers it itself. */
  upstream?: Exclude<AppName, 'web'>;
  /** The path parameter an enterprise account must own (others get 404, as if it did not exist). */
  ownCreditCode?: string;
  owned?: OwnedRecord;
  /** The acting person is the signed-in account: the gateway sets the body's `actor`, whatever the page sent. */
  actorFromSession?: boolean;
  /**
   * A department officer acts only for the certificate number (执法证号) its account is bound to: this
   * path parameter must be it (others get 404), and the body's `officerId` and the query's `officer`
   * are set to it, whatever the page sent. An officer account bound to none is refused (403).
   */
  ownOfficerId?: { param?: string };
  /** A department officer reads only its department's: the query's `department` is set to the account's, whatever the page sent. */
  ownDepartment?: boolean;
  /** The body's `creditCode` must be the enterprise account's own (others get 404). */
  bodyCreditCode?: boolean;
  /**
   * The answer carries personal data: 'masked' views are logged here; a 'full' view needs a reason
   * (`?reason=`) and is logged in oversight's tamper-evident record before anything is shown.
   */
  personalData?: 'masked' | 'full';
  /**
   * Fields of the answer these roles do not need, removed before it reaches them (paths as in
   * omitFields: `appeals[].grounds`): an enterprise's own words stay with it and oversight.
   */
  hiddenFrom?: { roles: readonly Role[]; fields: readonly string[] };
  /**
   * The body's challenged clues are named by the enterprise's references (`{kind: 'clue', ref}`): the
   * gateway puts in the ids from the enterprise's own file before forwarding (an enterprise never sees an id),
   * and gives each challenged record what that file says of it (`record`), for the reviewer.
   */
  clueRefsInBody?: boolean;
  /** Long operations (a draw) are given more time than reads. */
  timeoutMs?: number;
  tag: string;
  summary: string;
}

const BUREAU: readonly Role[] = ['department', 'dispatcher'];
const READERS_OF_SCORES: readonly Role[] = ['department', 'dispatcher', 'oversight'];
/** What an enterprise wrote and sent in its appeals, and who filed them: for it and oversight, not the bureau. */
const APPEAL_TEXTS = ['appeals[].grounds', 'appeals[].challenges[].claim', 'appeals[].evidence', 'appeals[].filedBy', 'appeals[].withdrawalReason'];
/**
 * What could point an enterprise to who complained about it: the channel and the hour (it keeps the day).
 * The clue's id carries both too: it is withheld from every answer to an enterprise (withoutClueIds).
 * A clue's updatedAt is its source's last change, which for a clue not handled yet is the moment it came in.
 */
const COMPLAINANT_HINTS = [
  'clues[].channel',
  'clues[].receivedAt',
  'clues[].updatedAt',
  'cluesUnlinkedOnAppeal[].channel',
  'cluesUnlinkedOnAppeal[].receivedAt',
];
const OVERSIGHT: readonly Role[] = ['oversight'];

// One route a line, so the table reads as a table.
// prettier-ignore
/** Every /api route of the web app and who may call it: the single source the guard, the docs and the tests read. */
export const ROUTES: readonly RouteRule[] = [
  { method: 'POST', path: '/api/auth/login', access: 'public', tag: 'auth', summary: 'Sign in with username and password; sets an httpOnly session cookie' },
  { method: 'POST', path: '/api/auth/logout', access: 'public', tag: 'auth', summary: 'End the current session' },
  { method: 'GET', path: '/api/auth/me', access: 'signed-in', tag: 'auth', summary: 'The signed-in account, its role and binding' },
  { method: 'GET', path: '/api/openapi.json', access: 'public', tag: 'docs', summary: 'This API as OpenAPI 3' },
  { method: 'GET', path: '/api/regions', access: 'public', tag: 'docs', summary: 'Names of administrative divisions (GB/T 2260) by six-digit code: provinces, cities, districts; in English with lang=en' },
  { method: 'GET', path: '/api/accounts', access: ['admin'], tag: 'accounts', summary: 'List accounts' },
  { method: 'POST', path: '/api/accounts', access: ['admin'], tag: 'accounts', summary: 'Create an account' },
  { method: 'POST', path: '/api/accounts/:username/disable', access: ['admin'], tag: 'accounts', summary: 'Disable an account and end its sessions' },
  { method: 'POST', path: '/api/accounts/:username/enable', access: ['admin'], tag: 'accounts', summary: 'Enable a disabled account again' },
  { method: 'POST', path: '/api/accounts/:username/password', access: ['admin'], tag: 'accounts', summary: 'Set a new password ({password}) and end the account\'s sessions' },
  { method: 'GET', path: '/api/access-log', access: ['oversight', 'admin'], tag: 'accounts', summary: 'Who viewed which enterprise\'s personal data' },
  // Delivery between the apps, for the health page: the web app asks each app's internal /ops endpoints.
  { method: 'GET', path: '/api/ops/status', access: ['admin'], tag: 'operations', summary: 'Every service: ready or not, its outboxes (waiting, oldest, events NATS refused) and durable consumers (pending, awaiting ack, redelivered), with what looks stuck' },
  { method: 'POST', path: '/api/ops/:app/outbox/:id/resend', access: ['admin'], actorFromSession: true, tag: 'operations', summary: 'Send an event NATS refused again, once its cause is fixed (it goes with its original time; refused again, it is set aside again); recorded with the signed-in account' },
  { method: 'GET', path: '/api/ops/actions', access: ['admin'], tag: 'operations', summary: 'Dead letters replayed and refused events sent again: who, what, when (newest first)' },
  { method: 'GET', path: '/api/dead-letters', access: ['admin'], tag: 'operations', summary: 'Messages no retry could deliver, oldest first, with the error, deliveries and size (after, limit)' },
  // Payloads masked as the logs are (ID and phone numbers, personal-data fields); enterprise names stay.
  { method: 'GET', path: '/api/dead-letters/:seq', access: ['admin'], tag: 'operations', summary: 'One dead letter with its payload, personal data masked' },
  { method: 'POST', path: '/api/dead-letters/:seq/replay', access: ['admin'], actorFromSession: true, tag: 'operations', summary: 'Send a dead letter back to its subject (every consumer of it gets it again); recorded with the signed-in account' },

  // Oversight reviews reds and appeals by enterprise: it finds them by name too (no personal data here).
  { method: 'GET', path: '/api/enterprises', access: [...BUREAU, 'oversight'], upstream: 'intake', tag: 'enterprises', summary: 'Search enterprises (q, after, limit), or look up named ones (codes)' },
  { method: 'GET', path: '/api/enterprises/:creditCode', access: ['enterprise', ...BUREAU], upstream: 'intake', ownCreditCode: 'creditCode', personalData: 'masked', hiddenFrom: { roles: ['enterprise'], fields: COMPLAINANT_HINTS }, tag: 'enterprises', summary: 'One enterprise file (一户一档): subject with masked ID number, cases, clues (to the enterprise itself, a clue\'s day but not its hour or channel)' },
  { method: 'GET', path: '/api/enterprises/:creditCode/personal-data', access: ['department'], upstream: 'intake', personalData: 'full', tag: 'enterprises', summary: 'The legal representative\'s name and ID number in full, for case handling (reason required; logged in the record first)' },
  { method: 'GET', path: '/api/totals', access: [...BUREAU, 'oversight', 'admin'], upstream: 'intake', tag: 'enterprises', summary: 'Counts of what intake holds' },
  { method: 'GET', path: '/api/quarantine', access: ['admin'], upstream: 'intake', tag: 'enterprises', summary: 'Rejected records awaiting review (kind, status, run, after, limit)' },
  { method: 'GET', path: '/api/quarantine/summary', access: ['admin'], upstream: 'intake', tag: 'enterprises', summary: 'Rejected records by kind and status, the most common reasons (field and code) of the open ones, and the loads holding the most open ones' },
  // Intake keeps and shows only the masked view of a rejected record (ID numbers, names); the sealed original never leaves it.
  { method: 'GET', path: '/api/quarantine/:id', access: ['admin'], upstream: 'intake', tag: 'enterprises', summary: 'One rejected record: its fields as the source sent them (personal data masked), its reasons, and what was done with it' },
  { method: 'POST', path: '/api/quarantine/:id/replay', access: ['admin'], upstream: 'intake', actorFromSession: true, tag: 'enterprises', summary: 'Correct a rejected record and replay it through intake ({corrections: {field: value}, rejoin?: [cell], insertEmpty?: [cell]}): accepted, or kept open with its new reasons' },
  { method: 'POST', path: '/api/quarantine/discard', access: ['admin'], upstream: 'intake', actorFromSession: true, tag: 'enterprises', summary: 'Give up every open record of one load at once ({runId} as the summary\'s openRuns lists it, or {source}: a file\'s path; and {reason}); answers how many' },
  { method: 'POST', path: '/api/quarantine/:id/discard', access: ['admin'], upstream: 'intake', actorFromSession: true, tag: 'enterprises', summary: 'Give a rejected record up, with a reason ({reason})' },
  { method: 'GET', path: '/api/ingest-runs', access: ['admin'], upstream: 'intake', tag: 'enterprises', summary: 'The latest 100 ingest runs (导入批次), newest first: what each read and what became of every record' },
  { method: 'GET', path: '/api/corrections', access: ['oversight', 'admin'], upstream: 'intake', tag: 'enterprises', summary: 'Record corrections decided on appeal (appealId, status, limit), with why one was not applicable' },

  { method: 'GET', path: '/api/scores', access: READERS_OF_SCORES, upstream: 'scoring', tag: 'scores', summary: 'Current scores (colour, region, industry, codes, order=code|risk, after = the previous page\'s next, limit)' },
  { method: 'GET', path: '/api/scores/:creditCode/history', access: ['enterprise', ...READERS_OF_SCORES], upstream: 'scoring', ownCreditCode: 'creditCode', tag: 'scores', summary: "How an enterprise's score came to be what it is: stretches of the same score, newest first, each with the factors that moved (limit)" },
  { method: 'GET', path: '/api/scores/:creditCode', access: ['enterprise', ...READERS_OF_SCORES], upstream: 'scoring', ownCreditCode: 'creditCode', tag: 'scores', summary: 'An enterprise\'s current score with its explanation' },
  { method: 'GET', path: '/api/scoring/summary', access: READERS_OF_SCORES, upstream: 'scoring', tag: 'scores', summary: 'Scores by colour' },
  { method: 'GET', path: '/api/models', access: ['oversight', 'admin'], upstream: 'scoring', tag: 'models', summary: 'The model registry' },
  { method: 'GET', path: '/api/models/:version/factors', access: ['oversight', 'admin'], upstream: 'scoring', tag: 'models', summary: "A model version's factors: source, whether an enterprise can act on it, shape, and the range of its contribution (log-odds), for the legal sign-off" },
  { method: 'GET', path: '/api/colour-policies', access: ['oversight', 'admin'], upstream: 'scoring', tag: 'models', summary: 'Colour policies (thresholds) with their state' },
  { method: 'GET', path: '/api/colour-policies/:version/impact', access: ['oversight', 'admin'], upstream: 'scoring', tag: 'models', summary: 'How the current scores would be coloured under a policy, beside the active one' },

  { method: 'GET', path: '/api/draws', access: [...BUREAU, 'oversight'], upstream: 'dispatch', tag: 'plans', summary: 'Recent draws' },
  { method: 'POST', path: '/api/draws', access: ['dispatcher'], upstream: 'dispatch', timeoutMs: 300_000, tag: 'plans', summary: 'Draw and plan a window ({from, to, seed?})' },
  { method: 'GET', path: '/api/draws/:id', access: [...BUREAU, 'oversight'], upstream: 'dispatch', tag: 'plans', summary: 'A draw with its seed, fingerprints and tasks' },
  { method: 'GET', path: '/api/draws/:id/tasks', access: [...BUREAU, 'oversight'], upstream: 'dispatch', tag: 'plans', summary: "A plan's tasks with the visit carrying each (date, department, officer, region, reason, colour)" },
  { method: 'GET', path: '/api/draws/:id/redraw-check', access: ['dispatcher', 'oversight'], upstream: 'dispatch', timeoutMs: 300_000, tag: 'plans', summary: 'Re-draw from the recorded seed and inputs and compare' },
  { method: 'GET', path: '/api/visits', access: BUREAU, upstream: 'dispatch', tag: 'visits', summary: 'Joint visits calendar (date, from, to, region, creditCode, department, draw, status, reason, colour, limit)' },
  { method: 'GET', path: '/api/visits/:id', access: BUREAU, upstream: 'dispatch', tag: 'visits', summary: 'One joint visit with its combined checklist and team' },
  { method: 'POST', path: '/api/visits/:id/results', access: BUREAU, upstream: 'dispatch', owned: 'visit', tag: 'visits', summary: 'Record the result of every checklist item' },
  { method: 'GET', path: '/api/visits/:id/replacements', access: ['dispatcher'], upstream: 'dispatch', tag: 'visits', summary: "Officers who may replace one officer of a scheduled visit (officer): certified for the visit's departments with the rest of the team, no conflict or recent inspection there, under the day's capacity; fewest visits that day first; with how many other officers each rule keeps out (excluded: counts by rule, no one named)" },
  { method: 'POST', path: '/api/visits/:id/team-changes', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'visits', summary: 'Replace one officer of a scheduled visit ({officerOut, how: picked|random, officerIn?, seed?, reason}): under the rules the draw keeps, a random pick with its seed and candidates; recorded in oversight' },
  { method: 'GET', path: '/api/visits/:id/team-changes', access: ['dispatcher', 'oversight'], upstream: 'dispatch', hiddenFrom: { roles: OVERSIGHT, fields: ['[].reason'] }, tag: 'visits', summary: "Changes made to a visit's team after publishing (the reasons given for the dispatcher only)" },
  { method: 'POST', path: '/api/visits/:id/rectification-extensions', access: BUREAU, upstream: 'dispatch', owned: 'visit', actorFromSession: true, tag: 'visits', summary: "Extend a done visit's rectification deadline (延期整改) ({rectifyBy, reason}): a day after the current deadline, at most 180 days after the visit (400 otherwise); 409 when the visit is not done (not_done), ordered no rectification (no_order) or its re-inspection is done (reinspected). The re-inspection waits for the new day: a scheduled visit from today on holding it before that day gives it up (its other checks stay, and officers sent only for the departments that leave with it) or, when it was its only work, is cancelled, in the same transaction (released; oversight's record hears of each); a past day's visit keeps it, its results may still come. Kept with its reason in dispatch; oversight's record keeps who, when and the days, never the reason" },
  { method: 'GET', path: '/api/visits/:id/rectification-extensions', access: [...BUREAU, 'oversight'], upstream: 'dispatch', owned: 'visit', hiddenFrom: { roles: OVERSIGHT, fields: ['[].reason'] }, tag: 'visits', summary: "Extensions of a visit's rectification deadline, oldest first: from, to, who, when (the reasons for the bureau only)" },
  { method: 'POST', path: '/api/visits/:id/rectification-applications', access: ['enterprise'], upstream: 'dispatch', owned: 'visit', actorFromSession: true, tag: 'visits', summary: "The enterprise applies for more time to rectify (延期整改申请) ({rectifyBy, reason}) on its own done visit: the same day rules as an extension (400, 409 as there); 409 pending while an application of the visit awaits a decision. The reason stays in dispatch, for the enterprise and the bureau" },
  { method: 'GET', path: '/api/visits/:id/rectification-applications', access: ['enterprise', ...BUREAU], upstream: 'dispatch', owned: 'visit', tag: 'visits', summary: "A visit's applications for more time to rectify, newest first: the day asked for, the reason, the status (pending, granted, refused), who decided, when and the bureau's note" },
  { method: 'POST', path: '/api/visits/:id/rectification-applications/:applicationId/decision', access: BUREAU, upstream: 'dispatch', owned: 'visit', actorFromSession: true, tag: 'visits', summary: "Grant or refuse a pending application ({decision: grant|refuse, rectifyBy?, note?}): a grant extends the deadline (延期整改) to rectifyBy, the day applied for unless given, under the extension's rules, and oversight's record keeps it without the reason, with the visits it released (released, as an extension's); a refusal needs a note for the enterprise (400 note_required); 409 decided once decided" },
  { method: 'POST', path: '/api/visits/:id/rating', access: ['enterprise'], upstream: 'dispatch', owned: 'visit', tag: 'visits', summary: 'The enterprise rates a visit that took place' },
  { method: 'GET', path: '/api/enterprises/:creditCode/visits', access: ['enterprise', ...BUREAU], upstream: 'dispatch', ownCreditCode: 'creditCode', tag: 'visits', summary: 'Visits an enterprise may know of, and visits to rate' },
  { method: 'GET', path: '/api/follow-ups', access: [...BUREAU, 'oversight'], upstream: 'dispatch', ownDepartment: true, tag: 'visits', summary: "Orders to rectify (责令整改) tracked until re-inspected (整改跟踪), by deadline (status: waiting|due|scheduled|missed|overdue|stale|all, department, region, on, limit): each with its enterprise, department, source (visit|case), inspection, deadline (rectifyBy), first re-inspection day (notBefore, the day after it), dueBy, whether extended, and the published scheduled visit that holds it (missed: its day passed with no results); with the counts per status. Open and served as the draw reads them; a department officer sees its department's only" },
  { method: 'POST', path: '/api/cases/:caseNo/rectification-extensions', access: BUREAU, upstream: 'dispatch', owned: 'case', actorFromSession: true, tag: 'visits', summary: "Extend a platform case's rectification deadline (延期整改) ({rectifyBy, reason}): the case's day + the policy's rectificationDays until extended; a day after the current deadline, at most 180 days after the inspection (400 otherwise); 409 when the case orders no rectification (no_order), is a Tianping visit's own (own_visit: extend on the visit) or its re-inspection is done (reinspected); 404 an unknown case. A scheduled visit holding the re-inspection before the new day gives it up or, when it was its only work, is cancelled (released). Oversight's record keeps who, when and the days, never the reason" },
  { method: 'GET', path: '/api/cases/:caseNo/rectification-extensions', access: [...BUREAU, 'oversight'], upstream: 'dispatch', owned: 'case', hiddenFrom: { roles: OVERSIGHT, fields: ['extensions[].reason'] }, tag: 'visits', summary: "A platform case's order to rectify: its deadline now (rectifyBy; null when it orders none or is a visit's own) and its extensions, oldest first: from, to, who, when (the reasons for the bureau only)" },
  { method: 'GET', path: '/api/enterprises/:creditCode/case-orders', access: ['enterprise', ...BUREAU], upstream: 'dispatch', ownCreditCode: 'creditCode', tag: 'visits', summary: "An enterprise's orders to rectify (责令整改) from platform cases not re-inspected yet, oldest first: case number, department, the case's day, the deadline now (rectifyBy) and, once extended, the first one (originalRectifyBy); where it applies for more time" },
  { method: 'POST', path: '/api/cases/:caseNo/rectification-applications', access: ['enterprise'], upstream: 'dispatch', owned: 'case', actorFromSession: true, tag: 'visits', summary: "The enterprise applies for more time to rectify (延期整改申请) ({rectifyBy, reason}) on its own platform case's order: the case extension's rules (404 unknown case; 409 no_order, own_visit, reinspected; 400 not_later, beyond_cap); 409 pending while an application of the case awaits a decision. The reason stays in dispatch, for the enterprise and the bureau" },
  { method: 'GET', path: '/api/cases/:caseNo/rectification-applications', access: ['enterprise', ...BUREAU, 'oversight'], upstream: 'dispatch', owned: 'case', hiddenFrom: { roles: OVERSIGHT, fields: ['[].reason', '[].decisionNote'] }, tag: 'visits', summary: "A platform case's applications for more time to rectify, newest first: the day asked for, the reason, the status (pending, granted, refused), who decided, when and the bureau's note (the reason and the note not to oversight)" },
  { method: 'POST', path: '/api/cases/:caseNo/rectification-applications/:applicationId/decision', access: BUREAU, upstream: 'dispatch', owned: 'case', actorFromSession: true, tag: 'visits', summary: "Grant or refuse a pending application on a platform case ({decision: grant|refuse, rectifyBy?, note?}): a grant extends the case's deadline (延期整改) to rectifyBy, the day applied for unless given, under the case extension's rules, and oversight's record keeps it without the reason; a refusal needs a note for the enterprise (400 note_required); 409 decided once decided. A department officer decides its department's cases only" },
  { method: 'GET', path: '/api/rectification-applications', access: ['dispatcher'], upstream: 'dispatch', tag: 'visits', summary: "The applications for more time to rectify (延期整改申请), visits' and platform cases' together (source: visit with visitId and visitNo, or case with caseNo), oldest first: ?status=pending is the queue awaiting a decision" },
  { method: 'GET', path: '/api/plans', access: BUREAU, upstream: 'dispatch', tag: 'plans', summary: 'Department plans' },
  // A change applies from the next draw: a draw keeps the inputs it was made with (its inputs fingerprint).
  { method: 'PUT', path: '/api/plans/:department', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'plans', summary: "Change a department's plan: yearly share inspected by colour, checklist (its own items), advance notice; kept with who changed it and when, and in oversight's record; applies from the next draw. Send the `version` read with GET /api/plans: if someone changed the plan since, 409 says who and when" },
  // The rules every draw applies, whatever the department: a change applies from the next draw, as a plan's does.
  { method: 'GET', path: '/api/policy', access: [...BUREAU, 'oversight'], upstream: 'dispatch', tag: 'plans', summary: 'The dispatch policy: exploration share, visits per officer a day, complaint due and look-back days, colour of an unscored enterprise, largest team; with its `version`, who last changed it and when' },
  { method: 'PUT', path: '/api/policy', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'plans', summary: "Change the dispatch policy (keys left out stay); kept with who changed it and when, and in oversight's record; applies from the next draw. Send the `version` read with GET /api/policy: if someone changed the policy since, 409 says who and when" },
  // The list of what may be checked (抽查事项清单) is public, as are plans by their scope and results once recorded (双随机、一公开).
  { method: 'GET', path: '/api/checklist-items', access: 'public', upstream: 'dispatch', tag: 'plans', summary: 'What each checklist item code asks, in Chinese and English (SAMR-01: 登记事项和公示信息)' },
  { method: 'GET', path: '/api/public/inspection-plans', access: 'public', upstream: 'dispatch', tag: 'plans', summary: 'Published inspection plans (抽查计划公示), newest first: the days, each department with its items and how many enterprises it inspects, the seed and fingerprints; never which enterprises (limit)' },
  { method: 'GET', path: '/api/public/inspection-results', access: 'public', tag: 'plans', summary: "Recorded inspections (抽查结果公示), newest first: the enterprise's name and credit code, the day, the departments and each item's result; no officer, no reason for the draw, no officer's notes (from, to, department, creditCode or name, after = the previous page's next, limit)" },
  { method: 'PUT', path: '/api/checklist-items/:item', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'plans', summary: "Name or rename a checklist item ({zh, en?, version?}); kept in oversight's record. With the `version` read, a rename made since is not overwritten (409)" },
  // Conflicts of interest (执法人员回避): an officer declares its own; the reason may name a relative, so oversight sees the list without it.
  { method: 'GET', path: '/api/conflicts', access: [...BUREAU, 'oversight'], upstream: 'dispatch', ownOfficerId: {}, hiddenFrom: { roles: OVERSIGHT, fields: ['[].reason'] }, tag: 'conflicts', summary: 'Declared conflicts of interest (回避), each with who declared it, when, and the visits already scheduled that still name the officer (enterprise; an officer sees only its own; oversight without the reasons)' },
  { method: 'POST', path: '/api/conflicts', access: ['department'], upstream: 'dispatch', ownOfficerId: {}, actorFromSession: true, tag: 'conflicts', summary: "Declare that the signed-in officer must not inspect an enterprise ({creditCode, reason}): the next draw never sends them there; the officer is the account's certificate number, never the body's" },
  { method: 'DELETE', path: '/api/conflicts/:officerId/:creditCode', access: BUREAU, upstream: 'dispatch', ownOfficerId: { param: 'officerId' }, actorFromSession: true, tag: 'conflicts', summary: "Withdraw a declared conflict: an officer its own, a dispatcher any; oversight's record keeps who withdrew it (never the reason)" },
  { method: 'GET', path: '/api/officers', access: ['dispatcher', 'oversight'], upstream: 'dispatch', tag: 'officers', summary: 'The officers register (执法人员名录) as dispatch holds it: certificate number, department, domains, certificate valid until, on duty, district, daily capacity, declared conflicts counted, absences in the next 30 days and visits scheduled in the next 14; never a name or ID number' },
  { method: 'GET', path: '/api/absences', access: [...BUREAU, 'oversight'], upstream: 'dispatch', ownOfficerId: {}, tag: 'officers', summary: "Officers' current absences (请假, 培训, 外出) touching a range (officer, from, to), each with the visits in its days that still send the officer; an officer sees only its own" },
  { method: 'POST', path: '/api/absences', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'officers', summary: "Enter an officer's absence ({officerId, from, to, kind: leave|training|secondment|other}; no reason, sick leave is health data): the next draw and every replacement leave the officer out on those days. 400 for an unknown officer or a bad range (over 366 days), 409 if it overlaps one of the officer's absences. The answer names the visits already scheduled that still send the officer; oversight's record keeps who entered it" },
  { method: 'GET', path: '/api/absences/:id/replacements', access: ['dispatcher'], upstream: 'dispatch', tag: 'officers', summary: "Officer absent (人员缺勤): the proposal to replace the absent officer on every scheduled visit of the absence's days from today on: per day one officer free that day (on no visit of it, not absent) whom the single team change's rules let take the visits, the same on every stop of a route; each visit no one may take, with the rule (code) that keeps it" },
  { method: 'POST', path: '/api/absences/:id/replacements', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'officers', summary: "Confirm the proposal ({days: [{date, officerIn, visitIds}], reason}): applied in one transaction through the single team change (its rules, records and events; oversight's record keeps each), a route's stops moving together; 409 proposal_changed with the new proposal when it is no longer what was confirmed. Visits the day's replacement may not take are listed and left as they are" },
  { method: 'DELETE', path: '/api/absences/:id', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'officers', summary: "Withdraw an absence: kept in dispatch with who withdrew it and when, and in oversight's record" },
  { method: 'GET', path: '/api/calendar', access: BUREAU, upstream: 'dispatch', tag: 'plans', summary: 'Working days and holidays (year)' },
  { method: 'PUT', path: '/api/calendar/:date', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'plans', summary: "Mark a day a holiday (no visits on a weekday) or a make-up working day (调休, visits on a weekend) ({kind, name?}); kept with who set it and when, and in oversight's record" },
  { method: 'DELETE', path: '/api/calendar/:date', access: ['dispatcher'], upstream: 'dispatch', actorFromSession: true, tag: 'plans', summary: "Remove a holiday or make-up working day: the day is worked or not as its weekday says; oversight's record keeps who removed it" },

  { method: 'GET', path: '/api/audit/entries', access: ['oversight'], upstream: 'oversight', tag: 'audit', summary: 'Entries of the tamper-evident record (after, limit, kind, subjectRef)' },
  { method: 'GET', path: '/api/audit/entries/:seq', access: ['oversight'], upstream: 'oversight', tag: 'audit', summary: 'One entry' },
  { method: 'GET', path: '/api/audit/checkpoints/latest', access: ['oversight'], upstream: 'oversight', tag: 'audit', summary: 'The latest signed checkpoint' },
  { method: 'GET', path: '/api/audit/receipts/:seq', access: ['oversight'], upstream: 'oversight', tag: 'audit', summary: 'A receipt verifiable offline' },
  { method: 'GET', path: '/api/reviews/confirmations', access: OVERSIGHT, upstream: 'oversight', tag: 'reviews', summary: 'Red scores waiting for a person to confirm or override them (limit, after)' },
  { method: 'POST', path: '/api/reviews/confirmations/:scoreId', access: OVERSIGHT, upstream: 'oversight', actorFromSession: true, tag: 'reviews', summary: 'Confirm a score\'s colour, or override it with another ({reasons, colour?})' },
  { method: 'POST', path: '/api/reviews/confirmations/:scoreId/opened', access: OVERSIGHT, upstream: 'oversight', actorFromSession: true, tag: 'reviews', summary: 'Note that the signed-in reviewer opened a red score\'s file: time to decide counts from then' },
  { method: 'GET', path: '/api/reviews/officers', access: OVERSIGHT, upstream: 'oversight', tag: 'reviews', summary: 'Per officer: decisions, override rate, time to decide' },
  { method: 'GET', path: '/api/reviews/summary', access: OVERSIGHT, upstream: 'oversight', tag: 'reviews', summary: 'Pending confirmations and appeals by state' },
  { method: 'GET', path: '/api/reviews/reds', access: READERS_OF_SCORES, upstream: 'oversight', tag: 'reviews', summary: 'Current red scores and how many of them await an officer\'s confirmation (待监督确认, counted as yellow until then)' },
  { method: 'GET', path: '/api/reviews/colours', access: READERS_OF_SCORES, upstream: 'oversight', tag: 'reviews', summary: 'The colour in effect for up to 100 enterprises (codes, comma-separated): a red counts as yellow until an officer confirms it' },
  { method: 'GET', path: '/api/reviews/enterprises/:creditCode', access: ['enterprise', ...READERS_OF_SCORES], upstream: 'oversight', ownCreditCode: 'creditCode', hiddenFrom: { roles: BUREAU, fields: APPEAL_TEXTS }, tag: 'reviews', summary: 'The colour in effect for an enterprise, the decisions on it and its appeals' },
  { method: 'GET', path: '/api/reviews/enterprises/:creditCode/score-receipt', access: ['enterprise', 'oversight'], upstream: 'oversight', ownCreditCode: 'creditCode', tag: 'reviews', summary: 'A receipt for the enterprise\'s current score in the record' },
  { method: 'POST', path: '/api/appeals', access: ['enterprise'], upstream: 'oversight', actorFromSession: true, bodyCreditCode: true, clueRefsInBody: true, tag: 'appeals', summary: 'File an appeal (陈述申辩) against the current score ({creditCode, grounds, challenges?: [{kind: case, recordId, claim} | {kind: clue, ref, claim}], evidence?}); a complaint is named by the reference the enterprise\'s file shows' },
  { method: 'GET', path: '/api/appeals', access: OVERSIGHT, upstream: 'oversight', tag: 'appeals', summary: 'The appeal queue, earliest deadline first (status, overdue, creditCode, limit, after)' },
  { method: 'GET', path: '/api/appeals/:id', access: ['enterprise', 'oversight'], upstream: 'oversight', owned: 'appeal', tag: 'appeals', summary: 'One appeal with every step' },
  { method: 'POST', path: '/api/appeals/:id/claim', access: OVERSIGHT, upstream: 'oversight', actorFromSession: true, tag: 'appeals', summary: 'Take an appeal for review (refused to anyone with a part in the score)' },
  { method: 'POST', path: '/api/appeals/:id/withdrawal', access: ['enterprise'], upstream: 'oversight', owned: 'appeal', actorFromSession: true, tag: 'appeals', summary: 'Withdraw its own appeal before it is decided ({reason?}); it may file another afterwards' },
  { method: 'POST', path: '/api/appeals/:id/decision', access: OVERSIGHT, upstream: 'oversight', actorFromSession: true, tag: 'appeals', summary: 'Decide an appeal with reasons: upheld, corrected (records) or overridden (colour)' },
  { method: 'GET', path: '/api/appeals/:id/evidence/:n', access: ['enterprise', 'oversight'], upstream: 'oversight', owned: 'appeal', tag: 'appeals', summary: 'An evidence file of an appeal' },
  { method: 'GET', path: '/api/appeals/:id/receipts/:seq', access: ['enterprise', 'oversight'], upstream: 'oversight', owned: 'appeal', tag: 'appeals', summary: 'A receipt for a logged step of an appeal, verifiable offline' },
  { method: 'GET', path: '/api/kill-switch', access: ['oversight', 'admin'], upstream: 'oversight', tag: 'kill-switch', summary: 'Whether the model is suspended, and the history of acts' },
  { method: 'POST', path: '/api/kill-switch/suspend', access: OVERSIGHT, upstream: 'oversight', actorFromSession: true, tag: 'kill-switch', summary: 'Suspend the active model: dispatch draws purely at random ({reason})' },
  { method: 'POST', path: '/api/kill-switch/resume', access: OVERSIGHT, upstream: 'oversight', actorFromSession: true, tag: 'kill-switch', summary: 'Resume risk-based selection ({reason})' },
  { method: 'GET', path: '/api/audit/public-key', access: 'public', upstream: 'oversight', tag: 'audit', summary: 'The record\'s public key, to verify receipts offline' },

  { method: 'POST', path: '/api/audit/verify', access: ['oversight'], upstream: 'oversight', timeoutMs: 300_000, tag: 'audit', summary: 'Recompute the whole record and name the first tampered entry' },
  { method: 'POST', path: '/api/scores/replay', access: ['oversight'], upstream: 'scoring', tag: 'audit', summary: 'Re-compute a logged score from its pinned model and inputs: {identical, differences, recomputed}' },

  { method: 'GET', path: '/api/approvals', access: ['oversight'], upstream: 'oversight', tag: 'approvals', summary: 'Approval requests, pending first, with who proposed, built and signed each (status, kind, limit)' },
  { method: 'GET', path: '/api/approvals/models/:version', access: ['oversight'], upstream: 'oversight', tag: 'approvals', summary: 'A model version\'s approval request and sign-offs' },
  { method: 'GET', path: '/api/approvals/colour-policies/:version', access: ['oversight'], upstream: 'oversight', tag: 'approvals', summary: 'A colour policy\'s approval request and sign-off' },
  { method: 'POST', path: '/api/approvals/models/:version/sign-offs', access: ['oversight'], upstream: 'oversight', actorFromSession: true, tag: 'approvals', summary: 'Sign off a model version ({role: technical|legal, decision, reasons}; actor is the signed-in account)' },
  { method: 'POST', path: '/api/approvals/colour-policies/:version/sign-offs', access: ['oversight'], upstream: 'oversight', actorFromSession: true, tag: 'approvals', summary: 'Sign off a colour policy ({role: legal, decision, reasons}; actor is the signed-in account)' },

  { method: 'GET', path: '/api/audits/fairness', access: ['oversight'], upstream: 'oversight', timeoutMs: 120_000, tag: 'audits', summary: 'Fairness by industry, district, size and age: rates, Wilson intervals, gaps each with the audit\'s finding (act only when significant and under four fifths; not-significant; watch; not-compared), reds awaiting confirmation (from, to, sample, flag, minGroupSize)' },
  { method: 'GET', path: '/api/audits/accuracy', access: ['oversight'], upstream: 'oversight', timeoutMs: 120_000, tag: 'audits', summary: 'Accuracy on the random exploration share against the model-chosen share; aucReading says whether the AUC rests on enough inspections of each outcome (from, to)' },
  { method: 'GET', path: '/api/audits/drift', access: ['oversight'], upstream: 'oversight', timeoutMs: 120_000, tag: 'audits', summary: 'PSI of each factor and of the scores against the training window; comparison says whether the period can be compared (not when it holds the baseline) and from which day it could (from, to, modelVersion)' },
  { method: 'GET', path: '/api/audits/colour-policies/:version', access: ['oversight'], upstream: 'oversight', timeoutMs: 120_000, tag: 'audits', summary: 'What past inspections found in each colour under a colour policy\'s thresholds, beside the active policy (from, to; the year to today without them); random draws apart' },
  { method: 'POST', path: '/api/audits/reports', access: ['oversight'], upstream: 'oversight', actorFromSession: true, timeoutMs: 300_000, tag: 'audits', summary: 'Run all audits, store the report and log its hash in the record ({from?, to?}; the requester is the signed-in account)' },
  { method: 'GET', path: '/api/audits/reports', access: ['oversight'], upstream: 'oversight', tag: 'audits', summary: 'Stored audit reports, newest first (limit)' },
  { method: 'GET', path: '/api/audits/reports/:id', access: ['oversight'], upstream: 'oversight', tag: 'audits', summary: 'One stored audit report as JSON, with its sha256 and record entry' },
  { method: 'POST', path: '/api/audits/reports/:id/publish', access: ['oversight'], upstream: 'oversight', actorFromSession: true, tag: 'audits', summary: 'Publish a report for outside scrutiny as its public copy (groups of fewer than k withheld; {}; the publisher is the signed-in account); logged in the record with both hashes and k' },
  { method: 'GET', path: '/api/public/audit-reports', access: 'public', upstream: 'oversight', tag: 'audits', summary: 'Published audit reports (社会监督), newest first: sha256 of each public copy, the full report\'s beside it' },
  { method: 'GET', path: '/api/public/audit-reports/:id', access: 'public', upstream: 'oversight', tag: 'audits', summary: 'One published audit report\'s public copy (figures of fewer than k enterprises or inspections withheld), byte for byte what the publication\'s record entry hashes, with k' },
  { method: 'GET', path: '/api/register', access: 'public', upstream: 'oversight', tag: 'audits', summary: 'The algorithm\'s public register entry (算法公示), generated from live metadata, zh and en' },
];
