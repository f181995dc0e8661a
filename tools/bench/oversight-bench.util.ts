import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { generateSigningKey } from '@tianping/audit-log';
import { dropDatabase, ensureDatabase, withDatabaseName } from '@tianping/database';
import { OversightCoreModule } from '../../apps/oversight/src/oversight.module';

const SERVER = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Oversight's core (no HTTP, no NATS) on a fresh database (`tianping_bench_<name>`) with a throw-away
 * signing key; the database is dropped afterwards unless the command line says `--keep`, and a kept
 * one at the next run of the same benchmark (as the other benchmarks' are), so kept ones do not pile up.
 */
export async function withOversightBench<T>(
  name: string,
  body: (app: INestApplicationContext) => Promise<T>,
  keep = process.argv.includes('--keep'),
): Promise<T> {
  const database = `tianping_bench_${name}`;
  await dropDatabase(SERVER, database);
  const url = withDatabaseName(SERVER, database);
  await ensureDatabase(url);
  const keyFile = join(mkdtempSync(join(tmpdir(), 'tianping-bench-key-')), 'audit-signing-key.pem');
  writeFileSync(keyFile, generateSigningKey().privateKeyPem, { mode: 0o600 });
  process.env.DATABASE_URL = url;
  process.env.TIANPING_AUDIT_KEY_FILE = keyFile;
  Logger.overrideLogger(['error']);
  const app = await NestFactory.createApplicationContext(OversightCoreModule, { logger: ['error'] });
  try {
    return await body(app);
  } finally {
    await app.close();
    if (keep) process.stderr.write(`kept database ${database}\n`);
    else await dropDatabase(SERVER, database);
  }
}
