import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@tianping/testing';
import { createIntakeDataSource } from '../../../apps/intake/src/database/intake.data-source';

// The migrations that let a stored version supersede its quarantined copies, and runs count those they closed:
// down and up again, on rows held before them.
describe('the quarantine learning which record each held copy is a version of', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createIntakeDataSource(db.url);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  let hash = 0;
  const hold = (kind: string, raw: object, status = 'open') =>
    ds.query(
      `INSERT INTO intake.quarantine (kind, source, line, raw_sealed, raw_masked, raw_hash, reasons, status) VALUES ($1, 'f.csv', 1, 'x', $2, $3, '[]', $4) RETURNING id::int`,
      [kind, JSON.stringify(raw), `h${++hash}`, status],
    );
  const columnsOf = async () =>
    (await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'intake' AND table_name = 'quarantine' ORDER BY column_name`)).map(
      (c: { column_name: string }) => c.column_name,
    );

  /** Undoes the migrations down to and including `name`, the later ones first. */
  async function undoThrough(name: string): Promise<void> {
    const applied = async () => (await ds.query(`SELECT name FROM intake.migrations WHERE name = $1`, [name])).length > 0;
    while (await applied()) await ds.undoLastMigration();
  }

  it("up: finished runs are given the count of copies each closed, from the copies' own resolution", async () => {
    await undoThrough('CountSupersededCopiesOfRuns1766500000000');
    const run = (id: string, finished: boolean) =>
      ds.query(`INSERT INTO intake.ingest_runs (id, source, finished_at, counts) VALUES ($1, 'f.csv', $2, '{"read": 3}')`, [id, finished ? new Date() : null]);
    const [closer, idle, running] = ['0b6c8a55-5f0e-4d7e-9a7a-000000000001', '0b6c8a55-5f0e-4d7e-9a7a-000000000002', '0b6c8a55-5f0e-4d7e-9a7a-000000000003'];
    await run(closer, true);
    await run(idle, true);
    await run(running, false);
    for (const runId of [closer, closer, running]) {
      const [{ id }] = await hold('subjects', { credit_code: '91440604MA4UJ8K20C' }, 'superseded');
      await ds.query(`UPDATE intake.quarantine SET resolution = $2 WHERE id = $1`, [id, { supersededBy: { source: 'f.csv', runId, updatedAt: '2024-05-06' } }]);
    }
    await ds.runMigrations();
    const counts = await ds.query(`SELECT id::text, counts FROM intake.ingest_runs ORDER BY id`);
    expect(counts).toEqual([
      { id: closer, counts: { read: 3, superseded: 2 } },
      { id: idle, counts: { read: 3, superseded: 0 } },
      // A run still going counts its own as it goes.
      { id: running, counts: { read: 3 } },
    ]);
    await undoThrough('CountSupersededCopiesOfRuns1766500000000');
    expect((await ds.query(`SELECT counts FROM intake.ingest_runs WHERE id = $1`, [closer]))[0].counts).toEqual({ read: 3 });
    await ds.runMigrations();
  });

  it('down: superseded copies open again and the columns go; up: open copies keyed from their masked view', async () => {
    const [{ id: superseded }] = await hold('subjects', { credit_code: '91440604MA4UJ8K20C' }, 'superseded');
    await undoThrough('SupersedeQuarantinedCopies1766300000000');
    expect(await columnsOf()).not.toContain('record_key');
    expect((await ds.query(`SELECT status FROM intake.quarantine WHERE id = $1`, [superseded]))[0].status).toBe('open');
    expect(await ds.query(`SELECT conname FROM pg_constraint WHERE conname = 'quarantine_status_check'`)).toEqual([]);

    const [{ id: subject }] = await hold('subjects', { credit_code: ' 91440605ma52tq0l32 ', updated_at: '2024-05-06 10:12:00' });
    const [{ id: masked }] = await hold('cases', { case_no: 'FS-1380****000', updated_at: '2024-05-06 10:12:00' });
    const [{ id: clue }] = await hold('clues', { clue_id: 'K-1', updated_at: 'soon' });
    const [{ id: notJson }] = await hold('clues', '{broken' as unknown as object);
    const [{ id: discarded }] = await hold('cases', { case_no: 'FS-2', updated_at: '2024-05-06 10:12:00' }, 'discarded');

    await ds.runMigrations();
    expect(await columnsOf()).toEqual(expect.arrayContaining(['record_key', 'held_updated_at', 'run_id']));
    const rows = await ds.query(`SELECT id::int, record_key AS key, held_updated_at AS at FROM intake.quarantine WHERE id = ANY($1) ORDER BY id`, [
      [subject, masked, clue, notJson, discarded],
    ]);
    expect(rows).toEqual([
      { id: subject, key: '91440605MA52TQ0L32', at: new Date('2024-05-06T02:12:00Z') },
      { id: masked, key: null, at: new Date('2024-05-06T02:12:00Z') },
      { id: clue, key: 'K-1', at: null },
      { id: notJson, key: null, at: null },
      { id: discarded, key: null, at: null },
    ]);
    await hold('subjects', {}, 'superseded');
    await expect(hold('subjects', {}, 'resolved')).rejects.toThrow(/quarantine_status_check/);
  });
});
