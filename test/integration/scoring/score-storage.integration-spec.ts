import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { factorRow, loadBuiltInSpec, toDayNumber } from '@tianping/risk-model';
import { createTestDatabase, type TestDatabase } from '@tianping/testing';
import { EnterpriseFeaturesRepository } from '../../../apps/scoring/src/features/enterprise-features.repository';
import { copyRows } from '../../../apps/scoring/src/scores/score-history-copy';
import { CopyBinaryWriter } from '../../../apps/scoring/src/scores/pg-copy-binary.util';
import { ScoresRepository } from '../../../apps/scoring/src/scores/scores.repository';
import { KeepPendingScoresInAnOutbox1765200000000 } from '../../../apps/scoring/src/database/migrations/1765200000000-KeepPendingScoresInAnOutbox';

/** What a full run writes with, against the real server: binary COPY rows and the live-subject count per address. */
describe('score storage', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('reads back every field of binary COPY rows exactly as written', async () => {
    await client.query(`CREATE TEMP TABLE copied (id bigint, code text, day date, p float8, colour int2, parts float8[], vals json)`);
    const rows = [
      { id: 1, code: 'BENCH0000000000001', day: '2026-06-30', p: 0.125, colour: 2, parts: [0.1, -2.5e-9, 0, 3], vals: [1.5, null, 'C3', true] },
      { id: 2 ** 40 + 7, code: '统一社会信用代码', day: '1999-12-31', p: -0, colour: 0, parts: [Number.MAX_VALUE, -1], vals: ['引号"与\\反斜杠', false] },
      { id: 2 ** 53 - 1, code: '', day: '1970-01-01', p: 1e-300, colour: -1, parts: [], vals: [] },
    ];
    const writer = new CopyBinaryWriter(16); // grows as rows come
    for (const r of rows) {
      const json = JSON.stringify(r.vals);
      writer
        .row(7, 200 + 3 * (r.code.length + json.length))
        .int8(r.id)
        .text(r.code)
        .date(toDayNumber(r.day))
        .float8(r.p)
        .int2(r.colour)
        .float8Array(r.parts, 0, r.parts.length)
        .text(json);
    }
    await copyRows(client, `COPY copied FROM STDIN (FORMAT binary)`, writer.finish());
    const { rows: back } = await client.query(`SELECT id::text AS id, code, to_char(day, 'YYYY-MM-DD') AS day, p, colour, parts, vals FROM copied ORDER BY id`);
    expect(back).toEqual(rows.map((r) => ({ ...r, id: String(r.id), parts: r.parts })));
    expect(Object.is(back[1].p, -0)).toBe(true);
  });

  it('refuses a malformed COPY stream without writing any of it', async () => {
    await client.query(`CREATE TEMP TABLE refused (code text, vals json)`);
    const writer = new CopyBinaryWriter();
    writer.row(2, 100).text('OK').text('[1,2]');
    writer.row(2, 100).text('BAD').text('{not json');
    await expect(copyRows(client, `COPY refused FROM STDIN (FORMAT binary)`, writer.finish())).rejects.toThrow(/json/i);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM refused`);
    expect(rows[0].n).toBe(0);
  });

  it('keeps the live subjects per address equal to a recount through inserts, moves, closures, deletes and truncation', async () => {
    const recount = async () =>
      (
        await client.query(
          `SELECT coalesce(a.address_key, c.address_key) AS key, coalesce(a.live, 0) AS kept, coalesce(c.n, 0) AS counted
           FROM scoring.address_counts a
           FULL JOIN (SELECT address_key, count(*)::int AS n FROM scoring.subjects WHERE address_key IS NOT NULL AND status IN ('存续', '在业') GROUP BY 1) c
             USING (address_key)
           WHERE coalesce(a.live, 0) <> coalesce(c.n, 0)`,
        )
      ).rows;
    const upsert = (rows: [string, string | null, string][]) =>
      client.query(
        `INSERT INTO scoring.subjects AS s (credit_code, established_on, industry_code, region_code, address_key, status, abnormal_listed, legal_rep_changes_2y, updated_at)
         SELECT code, DATE '2020-01-01', 'F5211', '440604', address, status, false, 0, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, address, status)
         ON CONFLICT (credit_code) DO UPDATE SET address_key = EXCLUDED.address_key, status = EXCLUDED.status`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
      );
    await upsert([
      ['S1', 'A', '存续'],
      ['S2', 'A', '存续'],
      ['S3', 'A', '在业'],
      ['S4', 'B', '注销'],
      ['S5', null, '存续'],
    ]);
    expect(await recount()).toEqual([]);
    const live = async (key: string) => (await client.query(`SELECT live FROM scoring.address_counts WHERE address_key = $1`, [key])).rows[0]?.live;
    expect(await live('A')).toBe(3);
    // S1 moves to B, S2 closes, S4 reopens, S5 gets an address: one statement, inserts and updates mixed.
    await upsert([
      ['S1', 'B', '存续'],
      ['S2', 'A', '注销'],
      ['S4', 'B', '存续'],
      ['S5', 'A', '存续'],
      ['S6', 'C', '存续'],
    ]);
    expect(await recount()).toEqual([]);
    expect([await live('A'), await live('B'), await live('C')]).toEqual([2, 2, 1]);
    await client.query(`DELETE FROM scoring.subjects WHERE credit_code IN ('S3', 'S6')`);
    expect(await recount()).toEqual([]);
    expect(await live('A')).toBe(1);
    await client.query(`TRUNCATE scoring.subjects CASCADE`);
    expect((await client.query(`SELECT count(*)::int AS n FROM scoring.address_counts`)).rows[0].n).toBe(0);
  });

  it('streams the factors of a range of credit codes, and a reader that stops early leaves its connection usable', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: db.url, poolSize: 2 }).initialize();
    try {
      await client.query(
        `INSERT INTO scoring.subjects (credit_code, established_on, industry_code, region_code, address_key, status, abnormal_listed, legal_rep_changes_2y, updated_at)
         SELECT 'F' || lpad(i::text, 4, '0'), DATE '2020-01-01' + i, 'F5211', '440604', 'addr-' || (i % 7), CASE WHEN i % 10 = 0 THEN '注销' ELSE '存续' END,
                i % 3 = 0, NULL, now()
         FROM generate_series(1, 300) AS i`,
      );
      await client.query(`INSERT INTO scoring.subjects (credit_code, status, updated_at) VALUES ($1, '存续', now())`, [`F0150'; DROP TABLE scoring.cases; --`]);
      const features = new EnterpriseFeaturesRepository(dataSource);
      const spec = loadBuiltInSpec('twelve-factor');
      const read = async (range?: { from: string | null; to: string | null }, stopAfter = Infinity) => {
        const codes: string[] = [];
        for await (const chunk of features.factorChunks('2026-06-30', spec, {}, { range, chunkSize: 40 })) {
          codes.push(...chunk.creditCodes);
          expect(chunk.factors.map((c) => c.length)).toEqual(spec.factors.map(() => chunk.creditCodes.length));
          if (codes.length >= stopAfter) break;
        }
        return codes;
      };
      const all = await read();
      expect(all).toHaveLength(271);
      const ranged = await read({ from: `F0150'`, to: 'F0200' });
      expect(ranged.sort()).toEqual(all.filter((c) => c >= `F0150'` && c < 'F0200').sort());
      expect(ranged).toContain(`F0150'; DROP TABLE scoring.cases; --`);
      expect((await client.query(`SELECT count(*)::int AS n FROM scoring.cases`)).rows[0].n).toBe(0);
      // F0003: listed as abnormal, no legal-representative changes on record, at an address with other live subjects.
      const one = features.factorChunks('2026-06-30', spec, {}, { range: { from: 'F0003', to: 'F0004' } });
      const { value } = await one.next();
      await one.return(undefined);
      const row = factorRow(spec.factors, value!.factors, 0);
      const neighbours = await client.query(`SELECT count(*)::int - 1 AS n FROM scoring.subjects WHERE address_key = 'addr-3' AND status = '存续'`);
      expect(row).toMatchObject({ abnormal_listed: true, legal_rep_changes_2y: null, days_since_last_inspection: null, violations_3y: 0 });
      expect(row.shared_address_count).toBe(neighbours.rows[0].n);
      expect(neighbours.rows[0].n).toBeGreaterThan(30);
      // Stopped while the server is still sending (20,000 more rows): the statement is cancelled, the connection returned clean.
      await client.query(
        `INSERT INTO scoring.subjects (credit_code, status, updated_at) SELECT 'G' || lpad(i::text, 6, '0'), '存续', now() FROM generate_series(1, 20000) AS i`,
      );
      expect(await read(undefined, 40)).toHaveLength(40);
      expect(await read(undefined, 40)).toHaveLength(40); // twice: more reads than the pool has connections
      expect(await read({ from: 'G', to: null })).toHaveLength(20_000);
      const busy = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
      );
      expect(busy.rows[0].n).toBe(0);
    } finally {
      await dataSource.destroy();
    }
  });

  describe('the score outbox', () => {
    let dataSource: DataSource;
    const pendingRanges = async () => (await client.query(`SELECT first_id::int AS f, last_id::int AS l FROM scoring.score_outbox ORDER BY 1`)).rows;
    /** History rows with these ids, of one run (foreign keys off in this session: the run names no real model). */
    const writeHistory = (ids: number[]) =>
      client.query(
        `INSERT INTO scoring.score_history (id, run_id, credit_code, as_of, probability, logit, colour, contributions, factor_values)
         SELECT id, 1, 'H' || id, DATE '2026-06-30', 0.5, 0, 1, '{0.1}', '[1]' FROM unnest($1::bigint[]) AS id`,
        [ids],
      );
    const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

    beforeAll(async () => {
      dataSource = await new DataSource({ type: 'postgres', url: db.url, poolSize: 2 }).initialize();
      await client.query(`SET session_replication_role = replica`);
      await client.query(`INSERT INTO scoring.score_runs (id, kind, as_of, model_version, policy_version) VALUES (1, 'all', DATE '2026-06-30', 'm-1', 'p-1')`);
    });
    beforeEach(() => client.query(`TRUNCATE scoring.score_history, scoring.score_outbox`));
    afterAll(async () => {
      await client.query(`RESET session_replication_role`);
      await dataSource?.destroy();
    });

    it('hands the publisher whole ranges in id order, up to about the limit, and forgets them once sent', async () => {
      await writeHistory([...span(1, 1024), ...span(2049, 2500), 5000]);
      await client.query(`INSERT INTO scoring.score_outbox (first_id, last_id) VALUES (2049, 2500), (1, 1024), (5000, 5000)`);
      const scores = new ScoresRepository(dataSource);
      expect(await scores.pendingPublications()).toBe(1477);
      // A range larger than the limit still goes whole; the next starts only while under the limit.
      expect((await scores.unpublished(1000)).ranges).toEqual(['1']);
      expect((await scores.unpublished(1200)).ranges).toEqual(['1', '2049']);
      const all = await scores.unpublished(1600);
      expect(all.ranges).toEqual(['1', '2049', '5000']);
      expect(all.scores.map((r) => Number(r.id))).toEqual([...span(1, 1024), ...span(2049, 2500), 5000]);
      expect(all.scores[0]).toMatchObject({ credit_code: 'H1', model_version: 'm-1', policy_version: 'p-1', contributions: [0.1], factor_values: [1] });
      await scores.markPublished(['1', '5000']);
      expect(await pendingRanges()).toEqual([{ f: 2049, l: 2500 }]);
      expect(await scores.pendingPublications()).toBe(452);
    });

    it('migrates unpublished history rows into ranges of consecutive ids, and back', async () => {
      const migration = new KeepPendingScoresInAnOutbox1765200000000();
      const runner = dataSource.createQueryRunner();
      try {
        await migration.down(runner);
        await writeHistory([...span(1, 10), ...span(1020, 1030), 2049, 3000]);
        await client.query(`UPDATE scoring.score_history SET published_at = now() WHERE id IN (4, 1027, 3000)`);
        await migration.up(runner);
        expect(await pendingRanges()).toEqual([
          { f: 1, l: 3 },
          { f: 5, l: 10 },
          { f: 1020, l: 1023 }, // cut at an id block's edge: no range outgrows a block
          { f: 1024, l: 1026 },
          { f: 1028, l: 1030 },
          { f: 2049, l: 2049 },
        ]);
        const columns = await client.query(
          `SELECT 1 FROM information_schema.columns WHERE table_schema = 'scoring' AND table_name = 'score_history' AND column_name = 'published_at'`,
        );
        expect(columns.rowCount).toBe(0);
        await migration.down(runner);
        const unpublished = await client.query(`SELECT id::int AS id FROM scoring.score_history WHERE published_at IS NULL ORDER BY id`);
        expect(unpublished.rows.map((r) => r.id)).toEqual([...span(1, 3), ...span(5, 10), ...span(1020, 1026), ...span(1028, 1030), 2049]);
        await migration.up(runner);
      } finally {
        await runner.release();
      }
    });
  });
});
