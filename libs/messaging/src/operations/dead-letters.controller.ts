import { QueryInt } from '@tianping/common';
import { Body, Controller, Get, HttpCode, Inject, Logger, NotFoundException, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { IsOptional } from 'class-validator';
import { countDeadLetters, findDeadLetter, listDeadLetters, replayDeadLetter, wholePayload } from '../dead-letters';
import { NATS_CONNECTION } from '../nats.module';
import { payloadForDisplay } from './dead-letter-view.util';
import { OperatorActBody } from './operations.controller';

export class DeadLetterQuery {
  /** The last sequence of the previous page. */
  @IsOptional() @QueryInt(0) after?: number;
  @IsOptional() @QueryInt(1, 200) limit?: number;
}

/** The suite's dead letters (one stream for all apps), for the health page: list, show, replay. */
@Controller('ops/dead-letters')
export class DeadLettersController {
  private readonly logger = new Logger(DeadLettersController.name);

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  @Get()
  async list(@Query() query: DeadLetterQuery) {
    const limit = query.limit ?? 20;
    const [letters, total] = await Promise.all([listDeadLetters(this.nc, { afterSeq: query.after, limit: limit + 1 }), countDeadLetters(this.nc)]);
    const page = letters.slice(0, limit);
    return { total, deadLetters: page, next: letters.length > limit ? page[page.length - 1].seq : null };
  }

  @Get(':seq')
  async show(@Param('seq', ParseIntPipe) seq: number) {
    const letter = await this.found(seq);
    const payload = await wholePayload(this.nc, seq).then(
      (data) => ({ shown: payloadForDisplay(data), problem: null }),
      (error: Error) => ({ shown: null, problem: error.message }),
    );
    return { ...letter, payload: payload.shown, payloadProblem: payload.problem };
  }

  @Post(':seq/replay')
  @HttpCode(200)
  async replay(@Param('seq', ParseIntPipe) seq: number, @Body() body: OperatorActBody) {
    await this.found(seq);
    const replayed = await replayDeadLetter(this.nc, seq);
    this.logger.log(`dead letter #${seq} replayed to ${replayed.republishedTo} by ${body.actor ?? 'an operator'}`);
    return replayed;
  }

  private async found(seq: number) {
    const letter = Number.isSafeInteger(seq) && seq > 0 ? await findDeadLetter(this.nc, seq) : null;
    if (!letter) throw new NotFoundException(`no dead letter #${seq} (never was, or already replayed)`);
    return letter;
  }
}
