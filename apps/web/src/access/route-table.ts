import type { AppName } from '@tianping/common';
import type { Role } from './roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Which joint visit a route touches, checked against the caller's binding before it is forwarded:
 * an enterprise only its own visits, a department officer only visits its department is on.
 */
export type VisitOwnership = 'visit-of-caller';

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
  visit?: VisitOwnership;
  /** The answer carries personal data (masked by default): every view is logged. */
  personalData?: boolean;
  /** Long operations (a draw) are given more time than reads. */
  timeoutMs?: number;
  tag: string;
  summary: string;
}

const BUREAU: readonly Role[] = ['department', 'dispatcher'];
const READERS_OF_SCORES: readonly Role[] = ['department', 'dispatcher', 'oversight'];

/** Every /api route of the web app and who may call it: the single source the guard, the docs and the tests read. */
export const ROUTES: readonly RouteRule[] = [
  { method: 'POST', path: '/api/auth/login', access: 'public', tag: 'auth', summary: 'Sign in with username and password; sets an httpOnly session cookie' },
  { method: 'POST', path: '/api/auth/logout', access: 'public', tag: 'auth', summary: 'End the current session' },
  { method: 'GET', path: '/api/auth/me', access: 'signed-in', tag: 'auth', summary: 'The signed-in account, its role and binding' },
  { method: 'GET', path: '/api/openapi.json', access: 'public', tag: 'docs', summary: 'This API as OpenAPI 3' },
  { method: 'GET', path: '/api/accounts', access: ['admin'], tag: 'accounts', summary: 'List accounts' },
  { method: 'POST', path: '/api/accounts', access: ['admin'], tag: 'accounts', summary: 'Create an account' },
  { method: 'POST', path: '/api/accounts/:username/disable', access: ['admin'], tag: 'accounts', summary: 'Disable an account and end its sessions' },
  { method: 'GET', path: '/api/access-log', access: ['oversight', 'admin'], tag: 'accounts', summary: 'Who viewed which enterprise\'s personal data' },

  { method: 'GET', path: '/api/enterprises', access: BUREAU, upstream: 'intake', tag: 'enterprises', summary: 'Search enterprises (q, after, limit)' },
  { method: 'GET', path: '/api/enterprises/:creditCode', access: ['enterprise', ...BUREAU], upstream: 'intake', ownCreditCode: 'creditCode', personalData: true, tag: 'enterprises', summary: 'One enterprise file (一户一档): subject with masked ID number, cases, clues' },
  { method: 'GET', path: '/api/totals', access: [...BUREAU, 'oversight', 'admin'], upstream: 'intake', tag: 'enterprises', summary: 'Counts of what intake holds' },
  { method: 'GET', path: '/api/quarantine', access: ['admin'], upstream: 'intake', tag: 'enterprises', summary: 'Rejected records awaiting review' },
  { method: 'GET', path: '/api/quarantine/summary', access: ['admin'], upstream: 'intake', tag: 'enterprises', summary: 'Rejected records by kind and reason' },

  { method: 'GET', path: '/api/scores', access: READERS_OF_SCORES, upstream: 'scoring', tag: 'scores', summary: 'Current scores (colour, region, industry, after, limit)' },
  { method: 'GET', path: '/api/scores/:creditCode', access: ['enterprise', ...READERS_OF_SCORES], upstream: 'scoring', ownCreditCode: 'creditCode', tag: 'scores', summary: 'An enterprise\'s current score with its explanation' },
  { method: 'GET', path: '/api/scoring/summary', access: READERS_OF_SCORES, upstream: 'scoring', tag: 'scores', summary: 'Scores by colour' },
  { method: 'GET', path: '/api/models', access: ['oversight', 'admin'], upstream: 'scoring', tag: 'models', summary: 'The model registry' },

  { method: 'GET', path: '/api/draws', access: [...BUREAU, 'oversight'], upstream: 'dispatch', tag: 'plans', summary: 'Recent draws' },
  { method: 'POST', path: '/api/draws', access: ['dispatcher'], upstream: 'dispatch', timeoutMs: 300_000, tag: 'plans', summary: 'Draw and plan a window ({from, to, seed?})' },
  { method: 'GET', path: '/api/draws/:id', access: [...BUREAU, 'oversight'], upstream: 'dispatch', tag: 'plans', summary: 'A draw with its seed, fingerprints and tasks' },
  { method: 'GET', path: '/api/draws/:id/redraw-check', access: ['dispatcher', 'oversight'], upstream: 'dispatch', timeoutMs: 300_000, tag: 'plans', summary: 'Re-draw from the recorded seed and inputs and compare' },
  { method: 'GET', path: '/api/visits', access: BUREAU, upstream: 'dispatch', tag: 'visits', summary: 'Joint visits calendar (date, from, to, region, draw, status, limit)' },
  { method: 'GET', path: '/api/visits/:id', access: BUREAU, upstream: 'dispatch', tag: 'visits', summary: 'One joint visit with its combined checklist and team' },
  { method: 'POST', path: '/api/visits/:id/results', access: BUREAU, upstream: 'dispatch', visit: 'visit-of-caller', tag: 'visits', summary: 'Record the result of every checklist item' },
  { method: 'POST', path: '/api/visits/:id/rating', access: ['enterprise'], upstream: 'dispatch', visit: 'visit-of-caller', tag: 'visits', summary: 'The enterprise rates a visit that took place' },
  { method: 'GET', path: '/api/enterprises/:creditCode/visits', access: ['enterprise', ...BUREAU], upstream: 'dispatch', ownCreditCode: 'creditCode', tag: 'visits', summary: 'Visits an enterprise may know of, and visits to rate' },
  { method: 'GET', path: '/api/plans', access: BUREAU, upstream: 'dispatch', tag: 'plans', summary: 'Department plans' },
  { method: 'GET', path: '/api/calendar', access: BUREAU, upstream: 'dispatch', tag: 'plans', summary: 'Working days and holidays (year)' },

  { method: 'GET', path: '/api/audit/entries', access: ['oversight'], upstream: 'oversight', tag: 'audit', summary: 'Entries of the tamper-evident record (after, limit, kind, subjectRef)' },
  { method: 'GET', path: '/api/audit/entries/:seq', access: ['oversight'], upstream: 'oversight', tag: 'audit', summary: 'One entry' },
  { method: 'GET', path: '/api/audit/checkpoints/latest', access: ['oversight'], upstream: 'oversight', tag: 'audit', summary: 'The latest signed checkpoint' },
  { method: 'GET', path: '/api/audit/receipts/:seq', access: ['oversight'], upstream: 'oversight', tag: 'audit', summary: 'A receipt verifiable offline' },
  { method: 'POST', path: '/api/audit/verify', access: ['oversight'], upstream: 'oversight', timeoutMs: 300_000, tag: 'audit', summary: 'Recompute the whole record and name the first tampered entry' },
];
