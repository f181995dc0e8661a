import { QueryInt } from '@tianping/common';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Min, MinLength } from 'class-validator';
import { QuarantineService } from './quarantine.service';

export class QuarantineQuery {
  @IsOptional() @IsIn(['subjects', 'cases', 'officers', 'clues']) kind?: string;
  @IsOptional() @IsIn(['open', 'replayed', 'discarded']) status?: string;
  @IsOptional() @QueryInt(0) after?: number;
  @IsOptional() @QueryInt(1, 500) limit?: number;
}

export class ReplayBody {
  /** Field → corrected value, by the contract's English keys (e.g. {"established_on": "2019-01-01"}). */
  @IsOptional() @IsObject() corrections?: Record<string, unknown>;
  @IsOptional() @IsString() actor?: string;
  /** A ragged CSV row's cells (0-based) each joined with the next, with the comma that split them, before the corrections. */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsInt({ each: true }) @Min(0, { each: true }) rejoin?: number[];
}

export class DiscardBody {
  @IsString() @MinLength(3) reason!: string;
  @IsOptional() @IsString() actor?: string;
}

@Controller('api/quarantine')
export class QuarantineController {
  constructor(private readonly quarantine: QuarantineService) {}

  @Get()
  list(@Query() query: QuarantineQuery) {
    return this.quarantine.list({ kind: query.kind, status: query.status ?? 'open', afterId: query.after, limit: query.limit });
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
    return this.quarantine.replay(id, body.corrections ?? {}, body.actor, body.rejoin ?? []);
  }

  @Post(':id/discard')
  @HttpCode(200)
  async discard(@Param('id', ParseIntPipe) id: number, @Body() body: DiscardBody) {
    await this.quarantine.discard(id, body.reason, body.actor);
    return { id, status: 'discarded' };
  }
}
