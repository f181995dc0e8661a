import { normaliseCreditCode, normaliseOfficerId } from '@tianping/common';
import type { RouteRule } from './route-table';
import type { Principal } from './roles';

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403 | 404; message: string };

/**
 * The server's answer before anything is forwarded. An enterprise asking for another enterprise
 * gets 404, the same as for one that does not exist, so the answer reveals nothing about it.
 */
export function decideAccess(rule: RouteRule, params: Record<string, string>, principal: Principal | null): AccessDecision {
  if (rule.access === 'public') return { allowed: true };
  if (!principal) return { allowed: false, status: 401, message: 'sign in first' };
  if (rule.access !== 'signed-in' && !rule.access.includes(principal.role)) {
    return { allowed: false, status: 403, message: `${/^[aeiou]/.test(principal.role) ? 'an' : 'a'} ${principal.role} account may not do this` };
  }
  if (rule.ownCreditCode && principal.role === 'enterprise') {
    // Read as the services read it (lower case, full-width from a Chinese input method, blanks), so its owner is not refused.
    const asked = normaliseCreditCode(params[rule.ownCreditCode] ?? '');
    if (asked !== principal.creditCode) return { allowed: false, status: 404, message: 'no such enterprise' };
  }
  if (rule.ownOfficerId && principal.role === 'department') {
    if (!principal.officerId)
      return { allowed: false, status: 403, message: 'this account is bound to no certificate number (执法证号): ask the admin to bind it' };
    const param = rule.ownOfficerId.param;
    if (param && normaliseOfficerId(params[param] ?? '') !== principal.officerId) return { allowed: false, status: 404, message: 'no such declared conflict' };
  }
  return { allowed: true };
}

/**
 * Whether a joint visit or an appeal, as its app describes it, is the caller's to act on. An officer's
 * is a visit its department is on, or one whose team names the certificate number its account is bound
 * to: a team member certified in several domains goes on visits of other departments and records them.
 */
export function ownsRecord(record: { creditCode?: unknown; departments?: unknown; officerIds?: unknown }, principal: Principal): boolean {
  if (principal.role === 'enterprise') return record.creditCode === principal.creditCode;
  if (principal.role === 'department') {
    const onTeam = principal.officerId !== null && Array.isArray(record.officerIds) && record.officerIds.includes(principal.officerId);
    return onTeam || (Array.isArray(record.departments) && record.departments.includes(principal.department));
  }
  return true;
}

/** An enterprise may act only for itself: the body's credit code must be its own. */
export function bodyIsOwn(rule: RouteRule, body: unknown, principal: Principal): boolean {
  if (!rule.bodyCreditCode || principal.role !== 'enterprise') return true;
  const code = typeof body === 'object' && body !== null ? (body as { creditCode?: unknown }).creditCode : undefined;
  return typeof code === 'string' && normaliseCreditCode(code) === principal.creditCode;
}

/**
 * For an officer acting for itself (`ownOfficerId`), the body's `officerId` is its own certificate number,
 * whatever was sent. A route naming the officer in its path (checked by the guard) reads none from the body.
 */
export function withOwnOfficer(rule: RouteRule, body: unknown, principal: Principal | null): unknown {
  if (!rule.ownOfficerId || rule.ownOfficerId.param || principal?.role !== 'department' || typeof body !== 'object' || body === null) return body;
  return { ...body, officerId: principal.officerId };
}

/** The same for the query: `officer` is the officer's own, so it reads only its own declarations. */
export function queryWithOwnOfficer(rule: RouteRule, query: string, principal: Principal | null): string {
  if (!rule.ownOfficerId || rule.method !== 'GET' || principal?.role !== 'department' || !principal.officerId) return query;
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  params.set('officer', principal.officerId);
  return `?${params.toString()}`;
}

/** For a route a department reads only its own of (`ownDepartment`), the query's `department` is the officer's. */
export function queryWithOwnDepartment(rule: RouteRule, query: string, principal: Principal | null): string {
  if (!rule.ownDepartment || principal?.role !== 'department') return query;
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  // An officer bound to no department reads nothing rather than everything.
  params.set('department', principal.department ?? '-');
  return `?${params.toString()}`;
}
