import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  PayloadTooLargeException,
  Post,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { parseCsvStream, type SourceKind } from '@tianping/intake-core';
import { EXPORT_LIMIT_BYTES } from '@tianping/database';
import { bodyStream, CLUE_MEDIA_TYPES, CSV_MEDIA_TYPES, mediaTypeOf, nonEmpty } from './export-body.util';
import { HTTP_SOURCE, IngestService } from './ingest.service';
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
  postClues(@Body() body: unknown, @Req() request: Request): Promise<IngestCounts> {
    // Any other body would be read as something it is not (a CSV's bytes as a clue's fields).
    if (!CLUE_MEDIA_TYPES.has(mediaTypeOf(request))) {
      throw new UnsupportedMediaTypeException('send clues as application/json (an object or an array), or JSON Lines as application/x-ndjson or text/plain');
    }
    if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
      throw new BadRequestException('send a clue object, an array of clues, or JSON Lines text');
    }
    return this.ingest.ingestClues(body, HTTP_SOURCE);
  }

  /**
   * A Platform A CSV export posted as the request body (text/csv), in any of its encodings, compressed
   * or not. It is read as it arrives and written in batches, so memory stays flat however large it is.
   */
  @Post('exports/:kind')
  @HttpCode(200)
  async postExport(@Param('kind') kind: string, @Req() request: Request): Promise<IngestCounts> {
    if (!CSV_KINDS.has(kind as SourceKind)) throw new BadRequestException(`kind must be one of ${[...CSV_KINDS].join(', ')}`);
    const csvKind = kind as 'subjects' | 'cases' | 'officers';
    // text/plain was read (and checked to be UTF-8) by the text body parser already.
    if (typeof request.body === 'string') return this.ingestExportBody(csvKind, request.body === '' ? null : Readable.from([request.body]));
    if (!CSV_MEDIA_TYPES.has(mediaTypeOf(request))) throw new UnsupportedMediaTypeException('send the CSV export as the body, Content-Type text/csv');
    if (Number(request.headers['content-length']) > EXPORT_LIMIT_BYTES) {
      throw new PayloadTooLargeException(`the export is larger than the 1 GiB one request may carry; load it with tianping ingest`);
    }
    const body = bodyStream(request);
    if (body === null) throw new UnsupportedMediaTypeException('Content-Encoding must be gzip, deflate, br or none');
    return this.ingestExportBody(csvKind, await nonEmpty(body));
  }

  private ingestExportBody(kind: 'subjects' | 'cases' | 'officers', body: AsyncIterable<Buffer | string> | null): Promise<IngestCounts> {
    if (body === null) throw new BadRequestException('send the CSV export as the body, Content-Type text/csv');
    return this.ingest.ingestExport(kind, parseCsvStream(kind, body, { now: new Date() }), HTTP_SOURCE);
  }

  @Get('ingest-runs')
  runs() {
    return this.repository.recentRuns(100);
  }
}
