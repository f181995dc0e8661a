import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** How deep JSON may nest: far beyond any payload of the suite, far below what recursion survives. */
export const JSON_DEPTH_LIMIT = 64;
/** A text body (JSON Lines) is checked line by line; across lines only a runaway is refused. */
const TEXT_RUNAWAY_DEPTH = 4096;

export const BODY_LIMITS = { json: '5mb', text: '50mb' } as const;
/** The size one posted CSV export may announce: it is streamed, so memory does not set it. */
export const EXPORT_LIMIT_BYTES = 1024 ** 3;

/** A refusal made while reading a body, answered with its status and a message the caller can act on. */
class BodyRefused extends Error {
  readonly status: number;
  readonly type: string;
  constructor(status: number, type: string, message: string) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

function assertUtf8(body: Buffer, encoding: string | null): void {
  if (encoding !== null && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') return;
  if (!isUtf8(body)) {
    throw new BodyRefused(
      400,
      'entity.invalid.utf8',
      'the body is not valid UTF-8: it would be altered if read, so it is refused; send it as UTF-8 (or say its charset)',
    );
  }
}

/**
 * The deepest nesting of [ and { outside strings, in one pass over the bytes. With `perLine`, depth
 * is measured again on each line (JSON Lines), and the whole only against a runaway.
 */
export function jsonDepth(body: Uint8Array, perLine = false): { max: number; maxLine: number } {
  let depth = 0;
  let max = 0;
  let lineBase = 0;
  let maxLine = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
      continue;
    }
    if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth++;
      if (depth > max) max = depth;
      if (depth - lineBase > maxLine) maxLine = depth - lineBase;
    } else if (byte === 0x5d || byte === 0x7d) depth = Math.max(0, depth - 1);
    else if (byte === 0x0a && perLine) {
      lineBase = depth;
      inString = false;
    }
  }
  return { max, maxLine: perLine ? maxLine : max };
}

function tooDeep(): BodyRefused {
  return new BodyRefused(400, 'entity.too.deep', `the JSON is nested deeper than ${JSON_DEPTH_LIMIT} levels`);
}

/** body-parser's `verify` for JSON bodies: UTF-8 and nesting are checked before the body is parsed. */
export function verifyJsonBody(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string | null): void {
  assertUtf8(body, encoding);
  if (jsonDepth(body).max > JSON_DEPTH_LIMIT) throw tooDeep();
}

/** body-parser's `verify` for text bodies (JSON Lines): the same checks, line by line. */
export function verifyTextBody(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string | null): void {
  assertUtf8(body, encoding);
  const { max, maxLine } = jsonDepth(body, true);
  if (maxLine > JSON_DEPTH_LIMIT || max > TEXT_RUNAWAY_DEPTH) throw tooDeep();
}

interface BodyParserError extends Error {
  status?: number;
  type?: string;
  limit?: number;
  length?: number;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 413: 'Payload Too Large', 415: 'Unsupported Media Type' };

function mib(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/**
 * Answers what went wrong while reading a body (too large, not JSON, not UTF-8, too deep, unknown
 * charset) as JSON with its status, before any handler runs; other errors pass on to Nest.
 */
export function bodyErrors(error: BodyParserError, request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent || typeof error?.type !== 'string' || !(error.status && error.status >= 400 && error.status < 500)) return next(error);
  const status = error.status;
  let message = error.message;
  if (error.type === 'entity.too.large') {
    message = `the request body is larger than the ${error.limit ? mib(error.limit) : 'allowed'} allowed for ${request.headers['content-type']?.split(';')[0] ?? 'this content type'}`;
  } else if (error.type === 'entity.parse.failed') {
    message = `the body is not valid JSON: ${error.message}`;
  }
  response.status(status).json({ statusCode: status, error: REASONS[status] ?? 'Bad Request', code: error.type, message });
}
