import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const MAX_QUERY_CHARS = 300;

/**
 * TypeORM's own logger prints a failed query with its parameters, straight to the console: an
 * appeal's grounds, a name or an ID number a request carried would land in the log unmasked. This
 * one logs the error and the start of the SQL text (placeholders, not values) through the app's
 * logger, which redacts what is left; successful queries are not logged.
 */
export class QueryErrorLogger implements TypeOrmLogger {
  private readonly logger = new Logger('database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    const sql = query.replace(/\s+/g, ' ').trim();
    this.logger.error(`query failed: ${message} (${sql.length > MAX_QUERY_CHARS ? `${sql.slice(0, MAX_QUERY_CHARS)}…` : sql})`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
