import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppealsService } from './appeals.service';
import { ActorDto, AppealQuery, DecideAppealDto, FileAppealDto, WithdrawAppealDto } from './dtos/review.dto';
import { servedEvidenceType } from './evidence-type.util';

@Controller('api/appeals')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  /** 201 with the appeal and its first step (whose record entry is the enterprise's receipt). */
  @Post()
  file(@Body() body: FileAppealDto) {
    return this.appeals.file({
      creditCode: body.creditCode,
      filedBy: body.actor,
      grounds: body.grounds,
      challenges: body.challenges ?? [],
      evidence: (body.evidence ?? []).map((e) => ({ name: e.name, contentType: e.contentType, content: Buffer.from(e.contentBase64, 'base64') })),
    });
  }

  /** The review queue, earliest deadline first; `overdue=true` for those past it. */
  @Get()
  async list(@Query() query: AppealQuery) {
    const [dueAt, id] = query.after?.split('|') ?? [];
    const items = await this.appeals.list({
      status: query.status,
      creditCode: query.creditCode,
      overdue: query.overdue,
      limit: query.limit ?? 50,
      after: dueAt && id ? { dueAt, id } : undefined,
    });
    return { items, counts: await this.appeals.counts() };
  }

  @Get(':id')
  view(@Param('id') id: string) {
    return this.appeals.view(id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(@Param('id') id: string, @Body() body: ActorDto) {
    return this.appeals.claim(id, body.actor);
  }

  @Post(':id/decision')
  @HttpCode(200)
  decide(@Param('id') id: string, @Body() body: DecideAppealDto) {
    return this.appeals.decide(id, {
      actor: body.actor,
      outcome: body.outcome,
      reasons: body.reasons,
      corrections: body.corrections,
      overrideColour: body.overrideColour,
    });
  }

  /** The enterprise takes back its appeal before a decision (the web gateway lets only the appeal's own enterprise call this). */
  @Post(':id/withdrawal')
  @HttpCode(200)
  withdraw(@Param('id') id: string, @Body() body: WithdrawAppealDto) {
    return this.appeals.withdraw(id, { actor: body.actor, reason: body.reason || null });
  }

  @Get(':id/evidence/:n')
  async evidence(@Param('id') id: string, @Param('n', ParseIntPipe) n: number, @Res() response: Response) {
    const file = await this.appeals.evidence(id, n);
    response
      .status(200)
      .type(servedEvidenceType(file.contentType))
      .setHeader('x-content-type-options', 'nosniff')
      .setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .setHeader('x-content-sha256', file.sha256)
      .send(file.content);
  }

  /** A receipt for a logged step of this appeal, verifiable offline with the record's public key. */
  @Get(':id/receipts/:seq')
  receipt(@Param('id') id: string, @Param('seq', ParseIntPipe) seq: number) {
    return this.appeals.receipt(id, seq);
  }
}
