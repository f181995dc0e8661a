import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { parseCsvExport, type SourceKind } from '@tianping/intake-core';
import { IngestService } from './ingest.service';
import type { IngestCounts } from './ingest-counts';
import { IngestRepository } from './ingest.repository';

const CSV_KINDS = new Set<SourceKind>(['subjects', 'cases', 'officers']);

@Controller('api')
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly repository: IngestRepository,
  ) {}

  /** Platform B posts clues: one object, an array of them, or JSON Lines as text. */
  @Post('clues')
  @HttpCode(200)
  postClues(@Body() body: unknown): Promise<IngestCounts> {
    if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
      throw new BadRequestException('send a clue object, an array of clues, or JSON Lines text');
    }
    return this.ingest.ingestClues(body, 'http');
  }

  /** A Platform A CSV export posted as the request body (text/csv), in any of its encodings. */
  @Post('exports/:kind')
  @HttpCode(200)
  async postExport(@Param('kind') kind: string, @Req() request: Request): Promise<IngestCounts> {
    if (!CSV_KINDS.has(kind as SourceKind)) throw new BadRequestException(`kind must be one of ${[...CSV_KINDS].join(', ')}`);
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new BadRequestException('send the CSV export as the body, Content-Type text/csv');
    const outcomes = parseCsvExport(kind as 'subjects' | 'cases' | 'officers', request.body, { now: new Date() });
    return this.ingest.ingestExport(kind as SourceKind, outcomes, 'http');
  }

  @Get('ingest-runs')
  runs() {
    return this.repository.recentRuns(100);
  }
}
