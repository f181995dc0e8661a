import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { withOversightBench } from '../../../tools/bench/oversight-bench.util';

const SERVER = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** Unique to this run, so parallel runs do not meet; the same for both calls, as two runs of one benchmark are. */
const NAME = `kept_check_${process.pid}`;
const DATABASE = `tianping_bench_${NAME}`;

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe("an oversight benchmark's database (audits, audit-verify)", () => {
  afterAll(async () => {
    const client = new Client({ connectionString: SERVER });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`).finally(() => client.end());
  });

  it('is kept under its own name with --keep, and dropped at the next run of the same benchmark', async () => {
    await withOversightBench(NAME, (app) => app.get(DataSource).query('CREATE TABLE oversight.left_by_a_kept_run (n int)'), true);
    expect(await databaseExists(DATABASE)).toBe(true);

    const leftOver = await withOversightBench(
      NAME,
      (app) => app.get(DataSource).query<{ found: string | null }[]>(`SELECT to_regclass('oversight.left_by_a_kept_run') AS found`),
      false,
    );
    expect(leftOver).toEqual([{ found: null }]);
    expect(await databaseExists(DATABASE)).toBe(false);
  });
});
