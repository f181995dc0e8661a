import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CreditCodeParam } from '@tianping/common';
import { AuditLogService } from '../record/audit-log.service';
import { AppealsService } from './appeals.service';
import { ColourDecisionsRepository } from './colour-decisions.repository';
import { ColourDecisionsService } from './colour-decisions.service';
import { ActorDto, CodesQuery, ColourDecisionDto, QueueQuery } from './dtos/review.dto';

@Controller('api/reviews')
export class ReviewsController {
  constructor(
    private readonly decisions: ColourDecisionsService,
    private readonly repository: ColourDecisionsRepository,
    private readonly appeals: AppealsService,
    private readonly record: AuditLogService,
  ) {}

  /** Red scores waiting for a person, oldest first. */
  @Get('confirmations')
  async queue(@Query() query: QueueQuery) {
    const [requestedAt, id] = query.after?.split('|') ?? [];
    const items = await this.repository.pending(query.limit ?? 50, requestedAt && id ? { requestedAt, id } : undefined);
    return { items, pending: await this.repository.countPending() };
  }

  /** Confirm (no colour, or the model's) or override (another colour) the score's colour, with reasons. */
  @Post('confirmations/:scoreId')
  @HttpCode(200)
  decide(@Param('scoreId') scoreId: string, @Body() body: ColourDecisionDto) {
    return this.decisions.decide(scoreId, { actor: body.actor, reasons: body.reasons, colour: body.colour });
  }

  /** The reviewer opened the score's file to decide it: time to decide counts from the first opening. */
  @Post('confirmations/:scoreId/opened')
  @HttpCode(200)
  async opened(@Param('scoreId') scoreId: string, @Body() body: ActorDto) {
    const opened = await this.repository.opened(scoreId, body.actor);
    if (!opened) throw new NotFoundException(`no red score ${scoreId} waits for a person`);
    return opened;
  }

  /** Per officer: decisions, override rate, median time to decide, decisions under a minute. */
  @Get('officers')
  officers() {
    return this.repository.officerStats();
  }

  @Get('summary')
  async summary() {
    return { pendingConfirmations: await this.repository.countPending(), appeals: await this.appeals.counts() };
  }

  /** How many current reds await an officer's confirmation: the reds a colour count shows are not all in effect yet. */
  @Get('reds')
  reds() {
    return this.repository.redCounts();
  }

  /** The colour in effect for up to 100 enterprises (`codes`, comma-separated): a red counts as yellow until confirmed. */
  @Get('colours')
  colours(@Query() query: CodesQuery) {
    return this.decisions.effectiveMany(query.codes);
  }

  /**
   * What an enterprise may see of its own review: the colour in effect and why, decisions, appeals; the
   * score's entry in the record, and the archive file that holds its body if it was archived.
   */
  @Get('enterprises/:creditCode')
  async enterprise(@Param() { creditCode: code }: CreditCodeParam) {
    const effective = await this.decisions.effective(code);
    const entry = effective.score ? await this.repository.scoreEntry(effective.score.scoreId) : null;
    const [decisions, appeals] = await Promise.all([this.repository.forEnterprise(code, 20), this.appeals.list({ creditCode: code, limit: 20 })]);
    return { ...effective, scoreSeq: entry?.seq ?? null, scoreArchivedIn: entry?.bodyArchivedIn ?? null, decisions, appeals };
  }

  /** The receipt of the enterprise's current score in the record. */
  @Get('enterprises/:creditCode/score-receipt')
  async scoreReceipt(@Param() { creditCode }: CreditCodeParam) {
    const effective = await this.decisions.effective(creditCode);
    const entry = effective.score ? await this.repository.scoreEntry(effective.score.scoreId) : null;
    if (!entry) throw new NotFoundException("the record has not logged this enterprise's score yet");
    return this.record.receipt(entry.seq);
  }
}
