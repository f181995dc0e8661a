import { CREDIT_CODE_FORM, normaliseCreditCode } from '@tianping/common';
import { All, Body, Controller, HttpException, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { bodyIsOwn, ownsRecord, queryWithOwnDepartment, queryWithOwnOfficer, withOwnOfficer } from '../access/access-policy.util';
import { AccessLogRepository } from '../access/access-log.repository';
import type { Principal } from '../access/roles';
import { queryOf, upstreamPath } from '../access/route-match.util';
import type { OwnedRecord, RouteRule } from '../access/route-table';
import type { WebRequest } from '../access/web-request';
import { resolveClueRefs, withoutClueIds } from './clue-refs.util';
import { withChallengedRecords, type FileRecords } from './challenged-records.util';
import { omitFields } from './omit-fields.util';
import { UpstreamClient } from './upstream.client';

/** The shape of a unified social credit code; a mistyped one (wrong check character) may still name a file. */
/** Where the owner of a route's `:id` is looked up. */
const OWNER_LOOKUP: Record<OwnedRecord, { app: 'dispatch' | 'oversight'; param: string; path: (id: string) => string; noun: string }> = {
  visit: { app: 'dispatch', param: 'id', path: (id) => `/api/visits/${encodeURIComponent(id)}`, noun: 'visit' },
  appeal: { app: 'oversight', param: 'id', path: (id) => `/api/appeals/${encodeURIComponent(id)}`, noun: 'appeal' },
  case: { app: 'dispatch', param: 'caseNo', path: (no) => `/api/cases/${encodeURIComponent(no)}/rectification-extensions`, noun: 'case' },
};

/**
 * The backend-for-frontend: forwards a request the access guard allowed to the app that owns it.
 * Checks that need the record itself (whose visit or appeal is this?) are made here, before forwarding,
 * and the acting person is always the signed-in account, never what the page claims.
 */
@Controller()
export class GatewayController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly accessLog: AccessLogRepository,
  ) {}

  @All('api/*path')
  async forward(@Req() request: WebRequest, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const matched = request.route_;
    const principal = request.principal ?? null;
    if (!matched?.rule.upstream) throw new HttpException({ statusCode: 404, message: `no API route ${request.method} ${request.path}` }, 404);
    const { rule, params } = matched;
    // Every body this API takes is a JSON object: a list would reach the app as one once the actor is added.
    if (Array.isArray(body)) throw new HttpException({ statusCode: 400, message: 'the body must be a JSON object, not a list' }, 400);
    if (rule.owned && principal) await this.checkOwner(rule.owned, params[OWNER_LOOKUP[rule.owned].param], principal);
    if (principal && !bodyIsOwn(rule, body, principal)) throw new HttpException({ statusCode: 404, message: 'no such enterprise' }, 404);
    const query = queryWithOwnDepartment(rule, queryWithOwnOfficer(rule, queryOf(request.originalUrl), principal), principal);
    if (rule.personalData === 'full' && principal) await this.logFullRead(rule, params, principal, request.query.reason);
    let forwarded = withOwnOfficer(rule, withActor(rule, body, principal), principal);
    if (rule.clueRefsInBody && principal?.role === 'enterprise') forwarded = await this.withChallengedRecords(forwarded, principal);
    // The rule's path, not the caller's spelling: what is forwarded is the route that was allowed.
    const answer = await this.upstream.call(rule.upstream!, request.method, upstreamPath(matched) + query, forwarded, rule.timeoutMs);
    if (rule.personalData && principal && answer.status === 200) {
      await this.accessLog.record(principal, (params.creditCode ?? '').toUpperCase(), `${rule.method} ${rule.path}`, rule.personalData);
    }
    if (answer.contentDisposition) response.setHeader('content-disposition', answer.contentDisposition);
    const hides = rule.hiddenFrom && principal && rule.hiddenFrom.roles.includes(principal.role) && answer.status === 200;
    // No clue id reaches an enterprise, whichever route carries it (举报人信息保密): it sees the references.
    const forEnterprise = principal?.role === 'enterprise' && answer.status >= 200 && answer.status < 300;
    if ((hides || forEnterprise) && answer.contentType.includes('json')) {
      const parsed: unknown = JSON.parse(answer.body.toString());
      const shown = hides ? omitFields(parsed, rule.hiddenFrom!.fields) : parsed;
      response.status(answer.status).json(forEnterprise ? withoutClueIds(shown) : shown);
      return;
    }
    response.status(answer.status).type(answer.contentType).send(answer.body);
  }

  /** A full read is logged in oversight's record first: no entry (oversight down, no reason), no data. */
  private async logFullRead(rule: RouteRule, params: Record<string, string>, principal: Principal, reason: unknown): Promise<void> {
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text.length < 5 || text.length > 500)
      throw new HttpException({ statusCode: 400, message: 'say why you need the personal data in full (reason, 5–500 characters)' }, 400);
    // A code the record cannot take is the caller's mistake, not the record being away.
    const creditCode = normaliseCreditCode(params.creditCode ?? '');
    if (!CREDIT_CODE_FORM.test(creditCode))
      throw new HttpException({ statusCode: 400, message: 'not a unified social credit code (18 letters and digits)' }, 400);
    const logged = await this.upstream.call('oversight', 'POST', '/api/audit/personal-data-reads', {
      actor: principal.username,
      role: principal.role,
      creditCode,
      route: `${rule.method} ${rule.path}`,
      reason: text,
    });
    if (logged.status !== 201 && logged.status !== 200) {
      throw new HttpException({ statusCode: 503, message: 'the read could not be logged in the oversight record, so the data is not shown' }, 503);
    }
  }

  /**
   * An enterprise's filing names clues by their references: each becomes the id of that clue in its own
   * file, and every challenged record carries what the file says of it, for the reviewer to weigh.
   */
  private async withChallengedRecords(body: unknown, principal: Principal): Promise<unknown> {
    const challenges = (body as { challenges?: unknown } | undefined)?.challenges;
    if (!Array.isArray(challenges) || challenges.length === 0) return body;
    const file = await this.upstream.json<FileRecords & { clues?: { clueId: string; ref: string }[] }>(
      'intake',
      `/api/enterprises/${encodeURIComponent(principal.creditCode ?? '')}`,
    );
    if (file.status === 404)
      throw new HttpException({ statusCode: 400, message: 'intake holds no file of your enterprise, so no record of it can be challenged' }, 400);
    if (!file.body?.clues || !file.body.cases)
      throw new HttpException({ statusCode: 503, message: 'the records named could not be looked up in your file: try again later' }, 503);
    const resolved = resolveClueRefs(body, file.body.clues);
    if (!resolved.ok) throw new HttpException({ statusCode: 400, message: resolved.message }, 400);
    const described = withChallengedRecords(resolved.body, file.body);
    if (!described.ok) throw new HttpException({ statusCode: 400, message: described.message }, 400);
    return described.body;
  }

  /** The record must be the caller's: an enterprise's own, a department officer's department's or team's. */
  private async checkOwner(kind: OwnedRecord, id: string, principal: Principal): Promise<void> {
    const lookup = OWNER_LOOKUP[kind];
    const found = await this.upstream.json<{ creditCode?: string; departments?: string[]; officerIds?: string[] }>(lookup.app, lookup.path(id));
    if (found.status === 404 || (found.body && !ownsRecord(found.body, principal))) {
      throw new HttpException({ statusCode: 404, message: `no such ${lookup.noun}` }, 404);
    }
    // An id the app refuses even to look up (a NUL in it) is the caller's mistake, not the app failing.
    if (found.status >= 400 && found.status < 500) throw new HttpException({ statusCode: 400, message: found.message ?? `not a ${lookup.noun} id` }, 400);
    if (!found.body)
      throw new HttpException(
        { statusCode: found.status, message: `${lookup.app} could not confirm the ${lookup.noun}` },
        found.status >= 500 ? found.status : 502,
      );
  }
}

/** The body to forward: for acts of a person, `actor` is the signed-in account's name. */
function withActor(rule: RouteRule, body: unknown, principal: Principal | null): unknown {
  if (!rule.actorFromSession || !principal) return body;
  const base = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  return { ...base, actor: principal.username };
}
