import { Readable } from 'node:stream';
import { BadRequestException } from '@nestjs/common';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Request } from 'express';

/** Media types a CSV export may be posted as: what spreadsheet tools and Windows call a .csv file too. */
export const CSV_MEDIA_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel', 'application/octet-stream']);
/** Media types clues may be posted as: JSON, or JSON Lines as text. */
export const CLUE_MEDIA_TYPES = new Set(['application/json', 'text/plain', 'application/x-ndjson', 'application/jsonl']);

/** The request's media type without parameters, lower case ('' when it names none). */
export function mediaTypeOf(request: Request): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The request body as a stream of bytes, inflated as it arrives when it is compressed: an export is
 * read as it comes, never held whole. Null for a content coding intake does not know.
 */
export function bodyStream(request: Request): AsyncIterable<Buffer> | null {
  const coding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (coding === 'identity') return whole(request);
  const decoder = DECODERS[coding];
  if (decoder === undefined) return null;
  const inflated = decoder();
  const source = Readable.from(whole(request), { objectMode: false });
  source.on('error', (error) => inflated.emit('error', error));
  return source.pipe(inflated) as unknown as AsyncIterable<Buffer>;
}

/** The client went away before its body ended. */
export class UploadCutOff extends BadRequestException {
  constructor() {
    super('the upload ended before the export did: the client closed the connection');
  }
}

/**
 * The request's bytes, failing in words when the client goes away part-way (Node says "aborted", or on some
 * paths ends the body quietly, which would read as a whole, shorter export whose last, half row is a bad record).
 */
async function* whole(request: Request): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw request.complete ? error : new UploadCutOff();
  }
  if (!request.complete) throw new UploadCutOff();
}

/** The same bytes, or null when there are none (so an empty post is refused before a run is recorded). */
export async function nonEmpty(source: AsyncIterable<Buffer>): Promise<AsyncIterable<Buffer> | null> {
  const it = source[Symbol.asyncIterator]();
  let first = await it.next();
  while (!first.done && first.value.length === 0) first = await it.next();
  if (first.done) return null;
  const head = first.value;
  return (async function* () {
    yield head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  })();
}
