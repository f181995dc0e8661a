import { creditCodeFor } from '@tianping/testing';
import { startIntake, subjectLine, SUBJECTS_HEADER, type IntakeHarness } from './intake-app.harness';

// A record fixed at the source and exported again: its rejected copy closes by itself, as superseded.
const A = '91440604MA4UJ8K20C';
const B = '91440605MA52TQ0L32';
const code = (n: number) => creditCodeFor('MA8', n);
const BAD_DAY = '2016-13-40';

interface Held {
  id: number;
  status: string;
  runId: string | null;
  reasons: { field: string; code: string }[];
  resolution: Record<string, unknown> | null;
}

describe('a quarantined copy of a record, once a valid version of it is stored', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(async () => {
    await intake?.close();
  });

  const query = (sql: string, params: unknown[] = []) => intake.dataSource.query(sql, params);
  const postSubjects = async (...lines: string[]) => {
    const response = await fetch(`${intake.baseUrl}/api/exports/subjects`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: [SUBJECTS_HEADER, ...lines].join('\n'),
    });
    expect(response.status).toBe(200);
    return response.json();
  };
  const postJson = async (path: string, body: unknown, status = 200) => {
    const response = await fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(status);
    return response.json();
  };
  const heldFor = async (creditCode: string): Promise<Held[]> => {
    const ids: { id: number }[] = await query(`SELECT id::int FROM intake.quarantine WHERE kind = 'subjects' AND raw_masked->>'credit_code' = $1 ORDER BY id`, [
      creditCode,
    ]);
    return Promise.all(ids.map(({ id }) => fetch(`${intake.baseUrl}/api/quarantine/${id}`).then((r) => r.json())));
  };
  const latestRun = async (): Promise<string> => (await query(`SELECT id FROM intake.ingest_runs ORDER BY started_at DESC LIMIT 1`))[0].id;

  it('is closed by a corrected re-export, with the load and the version that superseded it; not by an older version', async () => {
    expect(await postSubjects(subjectLine(A, { establishedOn: BAD_DAY, updatedAt: '2024-05-06 10:12:00' }))).toMatchObject({ quarantined: 1 });
    const [held] = await heldFor(A);
    expect(held).toMatchObject({ status: 'open', runId: await latestRun() });

    // An older version than the one held: stored, but it fixes nothing the source sent since.
    expect(await postSubjects(subjectLine(A, { updatedAt: '2024-04-01 08:00:00' }))).toMatchObject({ inserted: 1 });
    expect((await heldFor(A))[0].status).toBe('open');

    // The corrected export brings a bad record of its own: its load is listed with its open one, and what it closed.
    const corrected = await postSubjects(subjectLine(A, { updatedAt: '2024-05-06 10:12:00' }), subjectLine(code(900), { establishedOn: BAD_DAY }));
    expect(corrected).toMatchObject({ updated: 1, quarantined: 1, superseded: 1 });
    const [run] = await fetch(`${intake.baseUrl}/api/ingest-runs`).then((r) => r.json());
    expect(run).toMatchObject({ id: await latestRun(), counts: { read: 2, updated: 1, quarantined: 1, superseded: 1 } });
    const { openRuns } = await fetch(`${intake.baseUrl}/api/quarantine/summary`).then((r) => r.json());
    expect(openRuns).toContainEqual(expect.objectContaining({ runId: run.id, count: 1, superseded: 1 }));
    const [closed] = await heldFor(A);
    expect(closed).toMatchObject({
      id: held.id,
      status: 'superseded',
      resolution: { supersededBy: { source: 'http', runId: await latestRun(), updatedAt: '2024-05-06T02:12:00.000Z' } },
    });
    const [{ sealed }] = await query(`SELECT raw_sealed <> '' AS sealed FROM intake.quarantine WHERE id = $1`, [held.id]);
    expect(sealed).toBe(true);

    const list = await fetch(`${intake.baseUrl}/api/quarantine?status=superseded`).then((r) => r.json());
    expect(list.map((r: Held) => r.id)).toEqual([held.id]);
    const { byStatus } = await fetch(`${intake.baseUrl}/api/quarantine/summary`).then((r) => r.json());
    expect(byStatus).toContainEqual({ kind: 'subjects', status: 'superseded', count: 1 });
  });

  it('a same-time conflict is not closed by the version it was held against, only by a strictly newer one', async () => {
    expect(await postSubjects(subjectLine(B, { employees: 30 }))).toMatchObject({ inserted: 1 });
    expect(await postSubjects(subjectLine(B, { employees: 31 }))).toMatchObject({ quarantined: 1 });
    expect(await postSubjects(subjectLine(B, { employees: 30 }))).toMatchObject({ duplicate: 1 });
    const [conflict] = await heldFor(B);
    expect(conflict).toMatchObject({ status: 'open', reasons: [{ field: 'updated_at', code: 'conflict' }] });

    expect(await postSubjects(subjectLine(B, { employees: 31, updatedAt: '2024-05-07 09:00:00' }))).toMatchObject({ updated: 1 });
    expect((await heldFor(B))[0]).toMatchObject({ status: 'superseded', resolution: { supersededBy: { updatedAt: '2024-05-07T01:00:00.000Z' } } });
  });

  it('a copy whose update time cannot be read is closed by any version stored after it was held, not by one in its own export', async () => {
    const C = code(1);
    expect(await postSubjects(subjectLine(C, { updatedAt: 'yesterday' }), subjectLine(C, { updatedAt: '2020-01-01 00:00:00' }))).toMatchObject({
      inserted: 1,
      quarantined: 1,
    });
    expect((await heldFor(C))[0].status).toBe('open');
    expect(await postSubjects(subjectLine(C, { updatedAt: '2020-01-01 00:00:00' }))).toMatchObject({ duplicate: 1 });
    expect((await heldFor(C))[0].status).toBe('superseded');
  });

  it('a replayed copy is replayed, and closes the older open copies of the same record', async () => {
    const D = code(2);
    await postSubjects(subjectLine(D, { establishedOn: BAD_DAY, updatedAt: '2024-01-01 00:00:00' }));
    await postSubjects(subjectLine(D, { establishedOn: '2016-02-30', updatedAt: '2024-02-01 00:00:00' }));
    const [older, newer] = await heldFor(D);
    expect([older.status, newer.status]).toEqual(['open', 'open']);

    expect(await postJson(`/api/quarantine/${newer.id}/replay`, { corrections: { established_on: '2016-02-28' } })).toMatchObject({
      accepted: true,
      counts: { inserted: 1, superseded: 1 },
    });
    const [olderNow, newerNow] = await heldFor(D);
    expect(newerNow).toMatchObject({ status: 'replayed', resolution: { by: 'operator' } });
    expect(olderNow).toMatchObject({
      status: 'superseded',
      resolution: { supersededBy: { source: `replay:${newer.id}`, updatedAt: '2024-01-31T16:00:00.000Z' } },
    });
  });

  it('an export larger than a batch with nothing of it quarantined is written as before, and leaves other open copies alone', async () => {
    await postSubjects(subjectLine(code(3), { establishedOn: BAD_DAY }));
    const before: Held[] = await query(`SELECT id::int, status FROM intake.quarantine ORDER BY id`);
    const lines = Array.from({ length: 5001 }, (_, i) => subjectLine(code(1000 + i)));
    expect(await postSubjects(...lines)).toEqual({
      read: 5001,
      inserted: 5001,
      updated: 0,
      duplicate: 0,
      stale: 0,
      quarantined: 0,
      quarantinedAgain: 0,
      superseded: 0,
    });
    expect(await query(`SELECT id::int, status FROM intake.quarantine ORDER BY id`)).toEqual(before);
    expect((await heldFor(code(3)))[0].status).toBe('open');
  });
});

describe('discarding every open record of one load at once', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(async () => {
    await intake?.close();
  });

  const upload = async (codes: number[]) => {
    const body = [SUBJECTS_HEADER, ...codes.map((n) => subjectLine(code(n), { establishedOn: BAD_DAY }))].join('\n');
    await fetch(`${intake.baseUrl}/api/exports/subjects`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
    return (await intake.dataSource.query(`SELECT id FROM intake.ingest_runs ORDER BY started_at DESC LIMIT 1`))[0].id as string;
  };
  const discard = (body: unknown) =>
    fetch(`${intake.baseUrl}/api/quarantine/discard`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const statusesOf = async (runId: string) =>
    (await intake.dataSource.query(`SELECT status, resolution FROM intake.quarantine WHERE run_id = $1 ORDER BY id`, [runId])) as {
      status: string;
      resolution: unknown;
    }[];

  it('discards the load named, counts what it discarded, and leaves the other loads open', async () => {
    const mistaken = await upload([1, 2, 3]);
    const other = await upload([4, 5]);
    const { openRuns } = await fetch(`${intake.baseUrl}/api/quarantine/summary`).then((r) => r.json());
    expect(openRuns).toEqual([
      { runId: mistaken, kind: 'subjects', source: 'http', startedAt: expect.any(String), count: 3, superseded: 0 },
      { runId: other, kind: 'subjects', source: 'http', startedAt: expect.any(String), count: 2, superseded: 0 },
    ]);

    const answer = await discard({ runId: mistaken, reason: '测试文件误导入', actor: 'admin-1' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ runId: mistaken, discarded: 3 });
    expect(await statusesOf(mistaken)).toEqual(
      Array.from({ length: 3 }, () => ({ status: 'discarded', resolution: { by: 'admin-1', reason: '测试文件误导入', bulk: { runId: mistaken } } })),
    );
    expect((await statusesOf(other)).map((r) => r.status)).toEqual(['open', 'open']);

    // Nothing of it is open any more: a second try discards nothing.
    expect(await (await discard({ runId: mistaken, reason: '测试文件误导入' })).json()).toEqual({ runId: mistaken, discarded: 0 });
  });

  it('refuses a request naming no load, or two ways at once, or every HTTP upload, or without a reason', async () => {
    expect((await discard({ reason: '测试文件误导入' })).status).toBe(400);
    expect((await discard({ runId: '6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c04', source: 'http', reason: '测试文件误导入' })).status).toBe(400);
    expect((await discard({ runId: 'not-a-run', reason: '测试文件误导入' })).status).toBe(400);
    expect((await discard({ source: 'http' })).status).toBe(400);
    // Every upload over HTTP shares the source `http`: one is discarded by its run, never all at once.
    const shared = await discard({ source: 'http', reason: '测试文件误导入' });
    expect(shared.status).toBe(400);
    expect(JSON.stringify(await shared.json())).toContain('runId');
    expect((await intake.dataSource.query(`SELECT count(*)::int AS n FROM intake.quarantine WHERE status = 'open'`))[0].n).toBe(2);
  });
});
