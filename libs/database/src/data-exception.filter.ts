import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

/** What PostgreSQL's data exceptions (SQLSTATE class 22) mean to whoever sent the value. */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22021': 'text must be valid UTF-8 without NUL characters',
  '22P05': 'text must be valid UTF-8 without NUL characters',
  '22003': 'a number in the request is out of range',
  '22008': 'a date or time in the request does not exist',
  '22007': 'a date or time in the request is not valid',
  '22P02': 'a value in the request is not of the expected type',
  '22001': 'a value in the request is too long',
};

/** The SQLSTATE of a PostgreSQL error, whether it came through TypeORM or straight from pg. */
function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const state = driverError?.code ?? code;
  return typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) ? state : undefined;
}

/**
 * A value PostgreSQL cannot take (a NUL character, a number past bigint, 30 February) is the
 * request's fault: it is answered 400 with what was wrong, not 500. Every other error goes on to
 * Nest's own handling. Routes validate what they can first; this is the net under all of them.
 */
@Catch()
export class DataExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const state = sqlState(exception);
    if (!state?.startsWith('22') || host.getType() !== 'http') return super.catch(exception, host);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return super.catch(exception, host);
    response.status(400).json({ statusCode: 400, error: 'Bad Request', message: DATA_EXCEPTIONS[state] ?? 'a value in the request is not valid' });
  }
}
