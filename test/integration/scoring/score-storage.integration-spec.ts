import { Client } from 'pg';
import { toDayNumber } from '@tianping/risk-model';
import { createTestDatabase, type TestDatabase } from '@tianping/testing';
import { copyRows } from '../../../apps/scoring/src/scores/score-history-copy';
import { CopyBinaryWriter } from '../../../apps/scoring/src/scores/pg-copy-binary.util';

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
});
