import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const MAX_QUERY_CHARS = 300;

/** The SQL text on one line, cut after MAX_QUERY_CHARS. */
function shortSql(query: string): string {
  const sql = query.replace(/\s+/g, ' ').trim();
  return sql.length > MAX_QUERY_CHARS ? `${sql.slice(0, MAX_QUERY_CHARS)}…` : sql;
}

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
    this.logger.error(`query failed: ${typeof error === 'string' ? error : error.message} (${shortSql(query)})`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${shortSql(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
