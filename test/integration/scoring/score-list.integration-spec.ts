import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createTestDatabase, listenTestApp, startTestNats, type TestDatabase, type TestNats } from '@tianping/testing';
import { ScoringModule } from '../../../apps/scoring/src/scoring.module';

interface Listed {
  creditCode: string;
  probability: number;
  colour: string;
}
interface ListPage {
  scores: Listed[];
  next: string | null;
}

const ENTERPRISES = 530;
const code = (i: number) => `91440604MA${String(i).padStart(8, '0')}`;
/** Probabilities on a coarse grid, so many enterprises share one and the tie-break by credit code is tested across pages. */
const probabilityOf = (i: number) => ((i * 7919) % 41) / 40;
const colourOf = (p: number) => (p >= 0.7 ? 2 : p >= 0.3 ? 1 : 0);

/** The bureau's list from the real scoring app over the real PostgreSQL: pages by risk or by code, with no row twice and none missed. */
describe('listing current scores', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let app: NestExpressApplication;
  let baseUrl: string;

  const http = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${baseUrl}${path}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  /** Every page of a list, following `next` as `after`. */
  const walk = async (query: string): Promise<Listed[]> => {
    const rows: Listed[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const { status, body }: { status: number; body: ListPage } = await http<ListPage>(
        `/api/scores?${query}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      expect(status).toBe(200);
      rows.push(...body.scores);
      if (!body.next) return rows;
      after = body.next;
    }
    throw new Error('the list never ended');
  };
  const byRisk = (a: { probability: number; creditCode: string }, b: { probability: number; creditCode: string }) =>
    b.probability - a.probability || (a.creditCode < b.creditCode ? -1 : 1);

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    process.env.DATABASE_URL = db.url;
    process.env.NATS_URL = nats.url;
    ({ app, baseUrl } = await listenTestApp(ScoringModule));
    const dataSource = app.get(DataSource);
    await dataSource.query(
      `INSERT INTO scoring.model_versions (version, spec_id, spec, state, training_from, training_to, data_fingerprint, metrics, model, created_by, state_changed_by)
       VALUES ('list-test', 'twelve-factor', '{}', 'draft', '2025-01-01', '2025-12-31', 'none', '{}', '{}', 'test', 'test')`,
    );
    const [run] = await dataSource.query(
      `INSERT INTO scoring.score_runs (kind, as_of, model_version, policy_version)
       SELECT 'all', DATE '2026-01-01', 'list-test', version FROM scoring.colour_policies WHERE state = 'active' RETURNING id`,
    );
    const codes = Array.from({ length: ENTERPRISES }, (_, i) => code(i));
    const probabilities = codes.map((_, i) => probabilityOf(i));
    await dataSource.query(
      `INSERT INTO scoring.subjects (credit_code, industry_code, region_code, status, updated_at)
       SELECT c, CASE WHEN i % 2 = 1 THEN 'C1431' ELSE 'H6210' END, '440604', '存续', now() FROM unnest($1::text[]) WITH ORDINALITY AS t(c, i)`,
      [codes],
    );
    await dataSource.query(
      `INSERT INTO scoring.current_scores (credit_code, score_id, run_id, as_of, probability, colour)
       SELECT c, i, $2, DATE '2026-01-01', p, colour FROM unnest($1::text[], $3::float8[], $4::int2[]) WITH ORDINALITY AS t(c, p, colour, i)`,
      [codes, run.id, probabilities, probabilities.map(colourOf)],
    );
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('pages in risk order, highest probability first and ties by credit code, with no duplicates or gaps', async () => {
    const rows = await walk('order=risk&limit=37');
    const expected = Array.from({ length: ENTERPRISES }, (_, i) => ({ creditCode: code(i), probability: probabilityOf(i) })).sort(byRisk);
    expect(rows.map((r) => r.creditCode)).toEqual(expected.map((r) => r.creditCode));
    expect(new Set(rows.map((r) => r.creditCode)).size).toBe(ENTERPRISES);
    expect(rows[0].colour).toBe('red');
  });

  it('pages in risk order within a filter', async () => {
    const reds = await walk('order=risk&colour=red&industry=C&limit=10');
    const expected = Array.from({ length: ENTERPRISES }, (_, i) => ({ creditCode: code(i), probability: probabilityOf(i) }))
      .filter((r, i) => i % 2 === 0 && colourOf(r.probability) === 2)
      .sort(byRisk);
    expect(reds.map((r) => r.creditCode)).toEqual(expected.map((r) => r.creditCode));
  });

  it('still pages by credit code for clients that give a credit code as `after`', async () => {
    const rows = await walk('limit=100');
    expect(rows.map((r) => r.creditCode)).toEqual(Array.from({ length: ENTERPRISES }, (_, i) => code(i)));
  });

  it("gives the colours of a search's hits in one call, whatever their case", async () => {
    const { status, body } = await http<ListPage>(`/api/scores?codes=${code(3).toLowerCase()},${code(400)}&order=risk`);
    expect(status).toBe(200);
    expect(body.scores.map((s) => s.creditCode).sort()).toEqual([code(3), code(400)]);
    const repeated = await http<ListPage>(`/api/scores?codes=${code(3)}&codes=${code(7)}`);
    expect(repeated.body.scores.map((s) => s.creditCode)).toEqual([code(3), code(7)]);
  });

  it('accepts a lower-case credit code for one score, and refuses cursors and codes that are not', async () => {
    const lower = await http<{ message: string }>(`/api/scores/${'91440604MA99999999'.toLowerCase()}`);
    expect(lower.status).toBe(404); // looked up, upper-cased, not refused as malformed
    expect(lower.body.message).toContain('91440604MA99999999');
    expect((await http(`/api/scores/not-a-code`)).status).toBe(400);
    expect((await http(`/api/scores?order=risk&after=${code(1)}`)).status).toBe(400);
    expect((await http(`/api/scores?after=0.5~${code(1)}`)).status).toBe(400);
    expect((await http(`/api/scores?order=risk&after=1.5~${code(1)}`)).status).toBe(400);
    expect((await http(`/api/scores?order=price`)).status).toBe(400);
    expect((await http(`/api/scores?codes=short`)).status).toBe(400);
  });
});
