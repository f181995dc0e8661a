import { Controller, Get, HttpCode, HttpException, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { DeadLetterQuery } from '@tianping/messaging';
import type { Principal } from '../access/roles';
import type { WebRequest } from '../access/web-request';
import { UpstreamClient, type UpstreamAnswer } from '../gateway/upstream.client';
import { DEAD_LETTER_HOST, DELIVERY_APPS, OperationsService, type DeliveryApp } from './operations.service';
import { OperatorActionsRepository } from './operator-actions.repository';

export class OperatorActionsQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

function send(response: Response, answer: UpstreamAnswer): void {
  response.status(answer.status).type(answer.contentType).send(answer.body);
}

function json<T>(answer: UpstreamAnswer): T {
  return JSON.parse(answer.body.toString()) as T;
}

/**
 * The administrators' health page: every service's readiness and delivery, the dead letters, and
 * the two acts on delivery (replaying a dead letter, sending a refused event again). The apps serve
 * these on internal paths (`/ops/…`, outside /api); only this controller reaches them, after the
 * access guard has checked the role, and it names the signed-in account as the actor and records the act.
 */
@Controller('api')
export class OperationsController {
  constructor(
    private readonly operations: OperationsService,
    private readonly upstream: UpstreamClient,
    private readonly actions: OperatorActionsRepository,
  ) {}

  @Get('ops/status')
  status() {
    return this.operations.suite();
  }

  @Get('ops/actions')
  list(@Query() query: OperatorActionsQuery) {
    return this.actions.list(query.limit ?? 20, query.before);
  }

  @Post('ops/:app/outbox/:id/resend')
  @HttpCode(200)
  async resend(@Param('app') app: string, @Param('id', ParseIntPipe) id: number, @Req() request: WebRequest, @Res() response: Response): Promise<void> {
    if (!(DELIVERY_APPS as readonly string[]).includes(app)) throw new HttpException({ statusCode: 404, message: `no service ${app} with an outbox` }, 404);
    const principal = request.principal!;
    const answer = await this.upstream.call(app as DeliveryApp, 'POST', `/ops/outbox/${id}/resend`, { actor: principal.username });
    if (answer.status === 200) {
      const resent = json<{ outbox: string; subject: string }>(answer);
      await this.actions.record(principal, 'outbox.resend', `${resent.outbox}#${id}`, resent.subject, { app });
    }
    send(response, answer);
  }

  @Get('dead-letters')
  async deadLetters(@Query() query: DeadLetterQuery, @Res() response: Response): Promise<void> {
    const params = new URLSearchParams();
    if (query.after !== undefined) params.set('after', String(query.after));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.toString();
    send(response, await this.upstream.call(DEAD_LETTER_HOST, 'GET', `/ops/dead-letters${search ? `?${search}` : ''}`));
  }

  @Get('dead-letters/:seq')
  async deadLetter(@Param('seq', ParseIntPipe) seq: number, @Res() response: Response): Promise<void> {
    send(response, await this.upstream.call(DEAD_LETTER_HOST, 'GET', `/ops/dead-letters/${seq}`));
  }

  @Post('dead-letters/:seq/replay')
  @HttpCode(200)
  async replay(@Param('seq', ParseIntPipe) seq: number, @Req() request: WebRequest, @Res() response: Response): Promise<void> {
    const principal: Principal = request.principal!;
    const answer = await this.upstream.call(DEAD_LETTER_HOST, 'POST', `/ops/dead-letters/${seq}/replay`, { actor: principal.username });
    if (answer.status === 200) {
      const replayed = json<{ republishedTo: string; newSequence: number }>(answer);
      await this.actions.record(principal, 'dead-letter.replay', `DEADLETTER#${seq}`, replayed.republishedTo, { newSequence: replayed.newSequence });
    }
    send(response, answer);
  }
}
