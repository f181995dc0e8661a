import { QueryInt } from '@tianping/common';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Min, MinLength } from 'class-validator';
import { QUARANTINE_STATUSES } from './quarantine.repository';
import { QuarantineService } from './quarantine.service';

export class QuarantineQuery {
  @IsOptional() @IsIn(['subjects', 'cases', 'officers', 'clues']) kind?: string;
  @IsOptional() @IsIn(QUARANTINE_STATUSES) status?: string;
  /** Only the records one load brought (an ingest run's id). */
  @IsOptional() @IsUUID() run?: string;
  @IsOptional() @QueryInt(0) after?: number;
  @IsOptional() @QueryInt(1, 500) limit?: number;
}

export class ReplayBody {
  /** Field → corrected value, by the contract's English keys (e.g. {"established_on": "2019-01-01"}). */
  @IsOptional() @IsObject() corrections?: Record<string, unknown>;
  @IsOptional() @IsString() actor?: string;
  /** A ragged CSV row's cells (0-based) each joined with the next, with the comma that split them, before the corrections. */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsInt({ each: true }) @Min(0, { each: true }) rejoin?: number[];
  /** A ragged CSV row with cells too few: an empty cell put in before each of these cells (0-based; twice, two), before the corrections. */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsInt({ each: true }) @Min(0, { each: true }) insertEmpty?: number[];
}

export class DiscardBody {
  @IsString() @MinLength(3) reason!: string;
  @IsOptional() @IsString() actor?: string;
}

/** Every open record of one load (`runId`, as listed in the summary's `openRuns`) or of one source (a file's path), not both. */
export class DiscardAllBody {
  @IsOptional() @IsUUID() runId?: string;
  @IsOptional() @IsString() @MinLength(1) source?: string;
  @IsString() @MinLength(3) reason!: string;
  @IsOptional() @IsString() actor?: string;
}

@Controller('api/quarantine')
export class QuarantineController {
  constructor(private readonly quarantine: QuarantineService) {}

  @Get()
  list(@Query() query: QuarantineQuery) {
    return this.quarantine.list({ kind: query.kind, status: query.status ?? 'open', runId: query.run, afterId: query.after, limit: query.limit });
  }

  @Post('discard')
  @HttpCode(200)
  discardAll(@Body() body: DiscardAllBody) {
    return this.quarantine.discardAll({ runId: body.runId, source: body.source }, body.reason, body.actor);
  }

  @Get('summary')
  summary() {
    return this.quarantine.summary();
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.quarantine.get(id);
  }

  @Post(':id/replay')
  @HttpCode(200)
  replay(@Param('id', ParseIntPipe) id: number, @Body() body: ReplayBody) {
    return this.quarantine.replay(id, body.corrections ?? {}, body.actor, { rejoin: body.rejoin, insertEmpty: body.insertEmpty });
  }

  @Post(':id/discard')
  @HttpCode(200)
  async discard(@Param('id', ParseIntPipe) id: number, @Body() body: DiscardBody) {
    await this.quarantine.discard(id, body.reason, body.actor);
    return { id, status: 'discarded' };
  }
}
