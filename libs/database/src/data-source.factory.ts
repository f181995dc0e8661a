import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { Client } from 'pg';
import { retryWhileStarting } from './database-startup.util';
import { QueryErrorLogger } from './query-error.logger';

export interface AppDataSourceOptions {
  url: string;
  /** The app's own Postgres schema: each app owns its tables. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** An explicit DataSource per app; schema changes go through migrations only (synchronize is off). */
export function createAppDataSource(options: AppDataSourceOptions): DataSource {
  const config: DataSourceOptions = {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    logger: new QueryErrorLogger(),
    extra: { max: options.poolSize ?? 10, application_name: `tianping-${options.schema}` },
  };
  return new DataSource(config);
}

/** Initialises the DataSource and brings the app's schema up to date. */
export async function openAppDatabase(dataSource: DataSource, schema: string): Promise<DataSource> {
  // A PostgreSQL that is restarting or not up yet is waited for, not crashed on.
  await retryWhileStarting(async () => {
    if (!dataSource.isInitialized) await dataSource.initialize();
  });
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** Creates the database named in the URL when it is missing (connecting to the `postgres` database). */
export async function ensureDatabase(url: string, template?: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name: ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return true;
  } catch (error) {
    // Two processes may race to create it; the loser finds it there.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function withDatabaseName(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}
