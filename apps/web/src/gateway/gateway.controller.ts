import { All, Body, Controller, HttpException, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ownsVisit } from '../access/access-policy.util';
import { AccessLogRepository } from '../access/access-log.repository';
import type { Principal } from '../access/roles';
import type { WebRequest } from '../access/web-request';
import { UpstreamClient } from './upstream.client';

/**
 * The backend-for-frontend: forwards a request the access guard allowed to the app that owns it.
 * Checks that need the record itself (whose visit is this?) are made here, before forwarding.
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
    if (rule.visit && principal) await this.checkVisit(params.id, principal);
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    const answer = await this.upstream.call(rule.upstream!, request.method, request.path + query, body, rule.timeoutMs);
    if (rule.personalData && principal && answer.status === 200) {
      await this.accessLog.record(principal, (params.creditCode ?? '').toUpperCase(), `${rule.method} ${rule.path}`, 'masked');
    }
    response.status(answer.status).type(answer.contentType).send(answer.body);
  }

  /** The visit must be the caller's: an enterprise's own, a department officer's department's. */
  private async checkVisit(id: string, principal: Principal): Promise<void> {
    const found = await this.upstream.json<{ creditCode?: string; departments?: string[] }>('dispatch', `/api/visits/${encodeURIComponent(id)}`);
    if (found.status === 404 || (found.body && !ownsVisit(found.body, principal))) {
      throw new HttpException({ statusCode: 404, message: 'no such visit' }, 404);
    }
    if (!found.body) throw new HttpException({ statusCode: found.status, message: 'dispatch could not confirm the visit' }, found.status >= 500 ? found.status : 502);
  }
}
