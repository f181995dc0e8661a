import { Client } from 'pg';
import { toDayNumber } from '@tianping/risk-model';
import { createTestDatabase, type TestDatabase } from '@tianping/testing';
import { copyRows } from '../../../apps/scoring/src/scores/score-history-copy';
import { CopyBinaryWriter } from '../../../apps/scoring/src/scores/pg-copy-binary.util';

/** What a full run writes with, against the real server: binary COPY rows. */
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
});
