import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { IntakeSubjects } from '@tianping/contracts';
import { parseClueValue } from '@tianping/intake-core';
import { eventually } from '@tianping/testing';
import { BatchWriter } from '../../../apps/intake/src/ingest/batch-writer';
import { accountedFor, type IngestCounts } from '../../../apps/intake/src/ingest/ingest-counts';
import { clueAbout, startIntake, subjectLine, SUBJECTS_HEADER, type IntakeHarness } from './intake-app.harness';

// Two versions of one record under the same update time, with different values: which is right only the source knows.
const HEADER = SUBJECTS_HEADER;
const A = '91440604MA4UJ8K20C';
const B = '91440605MA52TQ0L32';
const subject = (code: string, employees: number) => subjectLine(code, { employees });
const CASES_HEADER = '案件编号,统一社会信用代码,执法部门,案件类型,检查来源,发生日期,检查事项,检查结果,违法行为,罚没金额(元),执法人员证号,更新时间';
const caseLine = (items: string) =>
  `FS-SAMR-2024-000101,${A},SAMR,检查,双随机,2024-03-12,${items},责令整改,从业人员未取得健康证明,,44060400123;44060400456,2024-03-13 09:00:00`;
const OFFICERS_HEADER = '执法证号,姓名,所属部门,执法证有效期至,可检查部门,常驻区划,状态';
const officerLine = (status: string) => `44060400123,周敏,SAMR,2027-06-30,SAMR;AGRI,440604,${status}`;
const clue = (id: string, status: string) => clueAbout(A, id, { status });

interface Held {
  id: number;
  kind: string;
  source: string;
  line: number;
  status: string;
  reasons: { field: string; code: string; message: string }[];
  rawMasked: Record<string, unknown>;
}

describe('a version with the same update time as the one held, but other values', () => {
  let intake: IntakeHarness;
  let nc: NatsConnection;

  beforeAll(async () => {
    intake = await startIntake();
    nc = await connect({ servers: intake.nats.url });
  });
  afterAll(async () => {
    await nc?.close();
    await intake?.close();
  });

  const post = async (path: string, body: string, type: string) => {
    const response = await fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    expect(response.status).toBe(200);
    return response.json();
  };
  const postSubjects = (...lines: string[]): Promise<IngestCounts> => post('/api/exports/subjects', [HEADER, ...lines].join('\n'), 'text/csv');
  const query = (sql: string, params: unknown[] = []) => intake.dataSource.query(sql, params);
  const employeesOf = async (code: string) => (await query(`SELECT employees FROM intake.subjects WHERE credit_code = $1`, [code]))[0]?.employees;
  const heldFor = async (kind: string, key: string, value: string): Promise<Held[]> => {
    const ids: { id: number }[] = await query(`SELECT id::int FROM intake.quarantine WHERE kind = $1 AND raw_masked->>$2 = $3 ORDER BY id`, [kind, key, value]);
    return Promise.all(ids.map(({ id }) => fetch(`${intake.baseUrl}/api/quarantine/${id}`).then((r) => r.json())));
  };
  const expectConflict = (held: Held) => {
    expect(held.status).toBe('open');
    expect(held.reasons).toEqual([{ field: 'updated_at', code: 'conflict', message: expect.stringMatching(/same update time.*replay.*discard/) }]);
  };
  const replay = (id: number, corrections: Record<string, unknown>) =>
    post(`/api/quarantine/${id}/replay`, JSON.stringify({ corrections }), 'application/json');

  it('the same version again is a duplicate; another under the same time is quarantined, the version held unchanged, every record counted', async () => {
    expect(await postSubjects(subject(A, 12))).toEqual({
      read: 1,
      inserted: 1,
      updated: 0,
      duplicate: 0,
      stale: 0,
      quarantined: 0,
      quarantinedAgain: 0,
      superseded: 0,
    });
    expect(await postSubjects(subject(A, 12))).toMatchObject({ read: 1, duplicate: 1 });

    const conflicting = await postSubjects(subject(A, 99));
    expect(conflicting).toEqual({ read: 1, inserted: 0, updated: 0, duplicate: 0, stale: 0, quarantined: 1, quarantinedAgain: 0, superseded: 0 });
    expect(accountedFor(conflicting)).toBe(true);
    expect(await employeesOf(A)).toBe(12);

    const [held, ...more] = await heldFor('subjects', 'credit_code', A);
    expect(more).toEqual([]);
    expectConflict(held);
    expect([held.source, held.line]).toEqual(['http', 1]);
    // Sealed and masked as every rejected record is: the view shows no personal data.
    expect(held.rawMasked).toMatchObject({ employees: '99', legal_rep_id: '4406**********0018' });
    expect(JSON.stringify(held)).not.toContain('440604198703150018');

    // The same conflicting version delivered again is held once.
    expect(await postSubjects(subject(A, 99))).toMatchObject({ read: 1, quarantined: 0, quarantinedAgain: 1 });
    expect(await heldFor('subjects', 'credit_code', A)).toHaveLength(1);
  });

  it('replayed unchanged it stays held, once; with its update time corrected to a later one it updates the version held', async () => {
    const [held] = await heldFor('subjects', 'credit_code', A);
    expect(await replay(held.id, {})).toMatchObject({ id: held.id, accepted: false, reasons: [{ field: 'updated_at', code: 'conflict' }] });
    expect(await heldFor('subjects', 'credit_code', A)).toEqual([expect.objectContaining({ id: held.id, status: 'open' })]);
    expect(await employeesOf(A)).toBe(12);

    const replayed = await replay(held.id, { updated_at: '2024-05-07 08:00:00' });
    expect(replayed).toMatchObject({ id: held.id, accepted: true, counts: { read: 1, updated: 1 } });
    expect(await employeesOf(A)).toBe(99);
    const [row] = await query(`SELECT updated_at FROM intake.subjects WHERE credit_code = $1`, [A]);
    expect(row.updated_at).toEqual(new Date('2024-05-07T00:00:00Z'));
    expect((await heldFor('subjects', 'credit_code', A))[0].status).toBe('replayed');
  });

  it('two such versions in one export: the first to arrive is kept, the second quarantined', async () => {
    const counts = await postSubjects(subject(B, 30), subject(B, 31));
    expect(counts).toEqual({ read: 2, inserted: 1, updated: 0, duplicate: 0, stale: 0, quarantined: 1, quarantinedAgain: 0, superseded: 0 });
    expect(await employeesOf(B)).toBe(30);
    const [held] = await heldFor('subjects', 'credit_code', B);
    expectConflict(held);
    expect([held.line, held.rawMasked.employees]).toEqual([2, '31']);
  });

  it('cases, versioned too, are held the same way', async () => {
    expect(await post('/api/exports/cases', `${CASES_HEADER}\n${caseLine('SAMR-03')}\n`, 'text/csv')).toMatchObject({ inserted: 1 });
    expect(await post('/api/exports/cases', `${CASES_HEADER}\n${caseLine('SAMR-03;SAMR-07')}\n`, 'text/csv')).toMatchObject({ read: 1, quarantined: 1 });
    const [row] = await query(`SELECT items FROM intake.cases WHERE case_no = 'FS-SAMR-2024-000101'`);
    expect(row.items).toEqual(['SAMR-03']);
    expectConflict((await heldFor('cases', 'case_no', 'FS-SAMR-2024-000101'))[0]);
  });

  it('officers, unversioned, keep the latest export as before', async () => {
    const post = (line: string) =>
      fetch(`${intake.baseUrl}/api/exports/officers`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: `${OFFICERS_HEADER}\n${line}\n` }).then(
        (r) => r.json(),
      );
    expect(await post(officerLine('在岗'))).toMatchObject({ inserted: 1 });
    expect(await post(officerLine('离岗'))).toMatchObject({ read: 1, updated: 1, quarantined: 0 });
    expect((await query(`SELECT status FROM intake.officers WHERE officer_id = '44060400123'`))[0].status).toBe('离岗');
  });

  it('clues pushed over NATS and posted over HTTP meet the same rule', async () => {
    expect(await post('/api/clues', JSON.stringify(clue('K-1', 'closed')), 'application/json')).toMatchObject({ inserted: 1 });
    expect(await post('/api/clues', JSON.stringify(clue('K-1', 'closed')), 'application/json')).toMatchObject({ duplicate: 1 });
    const overHttp = await post('/api/clues', JSON.stringify(clue('K-1', 'pending')), 'application/json');
    expect(overHttp).toEqual({ read: 1, inserted: 0, updated: 0, duplicate: 0, stale: 0, quarantined: 1, quarantinedAgain: 0, superseded: 0 });

    await jetstream(nc).publish(IntakeSubjects.cluesPush, new TextEncoder().encode(JSON.stringify(clue('K-1', 'handled'))));
    // A pushed batch: the first version of a new clue kept, the second quarantined.
    await jetstream(nc).publish(IntakeSubjects.cluesPush, new TextEncoder().encode(JSON.stringify([clue('K-2', 'pending'), clue('K-2', 'closed')])));
    await eventually(
      async () => (await heldFor('clues', 'clue_id', 'K-1')).length === 2 && (await heldFor('clues', 'clue_id', 'K-2')).length === 1,
      'the pushes to be taken',
    );

    const [fromHttp, fromNats] = await heldFor('clues', 'clue_id', 'K-1');
    for (const held of [fromHttp, fromNats, ...(await heldFor('clues', 'clue_id', 'K-2'))]) expectConflict(held);
    expect([fromHttp.source, fromHttp.rawMasked.status]).toEqual(['http', 'pending']);
    expect([fromNats.source, fromNats.rawMasked.status]).toEqual([expect.stringMatching(/^nats:/), 'handled']);
    const stored = await query(`SELECT clue_id, status FROM intake.clues WHERE clue_id IN ('K-1', 'K-2') ORDER BY clue_id`);
    expect(stored).toEqual([
      { clue_id: 'K-1', status: 'closed' },
      { clue_id: 'K-2', status: 'pending' },
    ]);
    // Each push's run, as recorded: its counts add up, and its conflict counted as quarantined.
    const runs: { counts: IngestCounts & { kind: string } }[] = await query(
      `SELECT counts FROM intake.ingest_runs WHERE source LIKE 'nats:%' AND finished_at IS NOT NULL`,
    );
    const pushed = runs.map(({ counts: { kind: _kind, ...counts } }) => counts);
    expect(pushed.map(accountedFor)).toEqual([true, true]);
    expect(pushed.map((c) => [c.read, c.inserted, c.quarantined]).sort()).toEqual([
      [1, 0, 1],
      [2, 1, 1],
    ]);

    const replayed = await replay(fromNats.id, { updated_at: '2024-03-13T09:00:00+08:00' });
    expect(replayed).toMatchObject({ accepted: true, counts: { updated: 1 } });
    expect((await query(`SELECT status FROM intake.clues WHERE clue_id = 'K-1'`))[0].status).toBe('handled');
  });

  it('a push that waited on another delivery of the same new clue, with other values under the same time, is quarantined, not decided by chance', async () => {
    // The other delivery, written and not yet committed: the push must wait on its row, then find it there.
    const other = intake.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await intake.app.get(BatchWriter).writeIn(other.manager, 'clues', [parseClueValue(clue('K-3', 'closed'), 1, { now: new Date() })], 'test');
    const pushed = post('/api/clues', JSON.stringify(clue('K-3', 'pending')), 'application/json');
    await eventually(async () => (await query(`SELECT 1 FROM pg_locks WHERE NOT granted`)).length > 0, 'the push to wait on the row');
    await other.commitTransaction();
    await other.release();
    expect(await pushed).toEqual({ read: 1, inserted: 0, updated: 0, duplicate: 0, stale: 0, quarantined: 1, quarantinedAgain: 0, superseded: 0 });
    expect((await query(`SELECT status FROM intake.clues WHERE clue_id = 'K-3'`))[0].status).toBe('closed');
    expectConflict((await heldFor('clues', 'clue_id', 'K-3'))[0]);
  });
});
