import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, withDatabaseName } from '@tianping/database';
import { generateCity } from '@tianping/synthetic-city';
import { startTestNats, type TestNats } from '@tianping/testing';
import { migrateSuite } from '../cli/start/migrate';

const SERVER = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A generated city, cached between runs: generating it is not what a benchmark measures. */
export async function benchCity(enterprises: number, years = 3, seed = 1): Promise<{ dir: string; generatedSeconds: number | null }> {
  const dir = join(process.env.BENCH_DIR || join(tmpdir(), 'tianping-bench'), `city-${enterprises}-${years}y-s${seed}`);
  if (existsSync(join(dir, 'manifest.json'))) return { dir, generatedSeconds: null };
  const started = Date.now();
  process.stderr.write(`generating a city of ${enterprises} enterprises in ${dir}…\n`);
  await generateCity({ enterprises, years, seed, outDir: dir });
  return { dir, generatedSeconds: (Date.now() - started) / 1000 };
}

/** A fresh, migrated database and a private nats-server, torn down afterwards. */
export async function withBenchServices<T>(name: string, body: (env: { databaseUrl: string; nats: TestNats }) => Promise<T>): Promise<T> {
  const database = `tianping_bench_${name}`;
  await dropDatabase(SERVER, database);
  const databaseUrl = withDatabaseName(SERVER, database);
  await ensureDatabase(databaseUrl);
  await migrateSuite(databaseUrl);
  const nats = await startTestNats();
  process.env.DATABASE_URL = databaseUrl;
  process.env.NATS_URL = nats.url;
  // A bench times the runs it starts: the service's daily run would add one it did not ask for.
  process.env.TIANPING_DAILY_RUN_AT ??= 'off';
  try {
    return await body({ databaseUrl, nats });
  } finally {
    await nats.stop();
    await dropDatabase(SERVER, database);
  }
}

/** Samples the process's resident memory; `peak()` is the highest seen. */
export function memoryWatch(): { peak: () => number; stop: () => void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  return { peak: () => Math.max(peak, process.memoryUsage().rss), stop: () => clearInterval(timer) };
}

export const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
