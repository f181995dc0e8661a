import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
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

/**
 * A fresh, migrated database and a private nats-server, torn down afterwards; the database is kept
 * when the command line says `--keep` (to query a loaded city afterwards), and dropped at the next run.
 */
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
    if (process.argv.includes('--keep')) process.stderr.write(`kept database ${database}\n`);
    else await dropDatabase(SERVER, database);
  }
}

/** Samples the process's resident memory; `peak()` is the highest seen. */
export function memoryWatch(): { peak: () => number; stop: () => void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  return { peak: () => Math.max(peak, process.memoryUsage().rss), stop: () => clearInterval(timer) };
}

export const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Linux's clock ticks per second (USER_HZ), the unit of /proc's CPU times. */
const CLOCK_TICKS = 100;

/**
 * CPU seconds (user + system) a process or thread has used, from its /proc stat file; null where
 * there is none. On a shared machine CPU time says far more steadily than wall time what a change saves.
 */
export function procCpuSeconds(statPath: string): number | null {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The CPU seconds of this process's main thread: the event loop's own share, without worker threads. */
export const mainThreadCpuSeconds = () => procCpuSeconds(`/proc/self/task/${process.pid}/stat`);

/** CPU seconds of each PostgreSQL backend serving the DataSource's database, when the server runs on this machine. */
export async function databaseBackendCpu(dataSource: DataSource): Promise<Map<number, number>> {
  const backends: { pid: number }[] = await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const cpu = new Map<number, number>();
  for (const { pid } of backends) {
    const seconds = procCpuSeconds(`/proc/${pid}/stat`);
    if (seconds !== null) cpu.set(pid, seconds);
  }
  return cpu;
}

/** What the backends seen at the end used since `before` (a backend that began meanwhile, all of its time); null when none could be read. */
export function backendCpuSince(before: Map<number, number>, after: Map<number, number>): number | null {
  if (after.size === 0) return null;
  let seconds = 0;
  for (const [pid, total] of after) seconds += total - (before.get(pid) ?? 0);
  return Math.round(seconds * 100) / 100;
}
