import { QueryInt } from '@tianping/common';
import { Controller, Get, HttpCode, HttpException, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { IsOptional } from 'class-validator';
import type { Response } from 'express';
import { DeadLetterQuery } from '@tianping/messaging';
import type { Principal } from '../access/roles';
import type { WebRequest } from '../access/web-request';
import { UpstreamClient, type UpstreamAnswer } from '../gateway/upstream.client';
import { DEAD_LETTER_HOST, DELIVERY_APPS, OperationsService, type DeliveryApp } from './operations.service';
import { OperatorActionsRepository } from './operator-actions.repository';

export class OperatorActionsQuery {
  @IsOptional() @QueryInt(1) before?: number;
  @IsOptional() @QueryInt(1, 200) limit?: number;
}

function send(response: Response, answer: UpstreamAnswer): void {
  response.status(answer.status).type(answer.contentType).send(answer.body);
}

function json<T>(answer: UpstreamAnswer): T {
  return JSON.parse(answer.body.toString()) as T;
}

/** An app's answer to an act: done, refused (a 4xx: the letter or event is gone, or not set aside), or failed. */
function outcomeOf(answer: UpstreamAnswer): 'done' | 'refused' | 'failed' {
  if (answer.status === 200) return 'done';
  return answer.status >= 400 && answer.status < 500 ? 'refused' : 'failed';
}

/** What an app said when it did not do the act: its status and message. */
function answerDetail(answer: UpstreamAnswer): Record<string, unknown> {
  if (answer.status === 200) return {};
  try {
    return { status: answer.status, message: (JSON.parse(answer.body.toString()) as { message?: unknown }).message ?? null };
  } catch {
    return { status: answer.status, message: null };
  }
}

/**
 * The administrators' health page: every service's readiness and delivery, the dead letters, and
 * the two acts on delivery (replaying a dead letter, sending a refused event again). The apps serve
 * these on internal paths (`/ops/…`, outside /api); only this controller reaches them, after the
 * access guard has checked the role, and it names the signed-in account as the actor and records the act
 * as asked before it is carried out, then its outcome.
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
    const asked = await this.actions.ask(principal, 'outbox.resend', `${app}.outbox#${id}`, { app });
    const answer = await this.upstream.call(app as DeliveryApp, 'POST', `/ops/outbox/${id}/resend`, { actor: principal.username });
    await this.actions.settle(asked, outcomeOf(answer), answer.status === 200 ? json<{ subject: string }>(answer).subject : null, answerDetail(answer));
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
    const asked = await this.actions.ask(principal, 'dead-letter.replay', `DEADLETTER#${seq}`, {});
    const answer = await this.upstream.call(DEAD_LETTER_HOST, 'POST', `/ops/dead-letters/${seq}/replay`, { actor: principal.username });
    const replayed = answer.status === 200 ? json<{ republishedTo: string; newSequence: number }>(answer) : null;
    await this.actions.settle(
      asked,
      outcomeOf(answer),
      replayed?.republishedTo ?? null,
      replayed ? { newSequence: replayed.newSequence } : answerDetail(answer),
    );
    send(response, answer);
  }
}
