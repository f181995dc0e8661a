import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@tianping/testing';
import { createDispatchDataSource } from '../../../apps/dispatch/src/database/dispatch.data-source';

const MIGRATION = 'RecordCaseRectificationApplications1767050000000';
const DRAW = '5b0c1d2e-0000-4000-8000-000000000001';
const VISIT = '5b0c1d2e-0000-4000-8000-000000000002';
const ids = (n: number) => `5b0c1d2e-0000-4000-8000-00000000010${n}`;

// Applications of a platform case join the visits' in one table: a visit's application held before stays valid,
// one of a case needs its number, never both; down keeps the visits' and lets the cases' go.
describe("the applications for more time taking a platform case's order too", () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDispatchDataSource(db.url);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  async function undoThrough(name: string): Promise<void> {
    const applied = async () => (await ds.query(`SELECT name FROM dispatch.migrations WHERE name = $1`, [name])).length > 0;
    while (await applied()) await ds.undoLastMigration();
  }
  const apply = (id: string, visitId: string | null, caseNo: string | null) =>
    ds.query(`INSERT INTO dispatch.rectification_applications (id, visit_id, case_no, rectify_by, reason) VALUES ($1, $2, $3, '2025-05-01', '设备未到')`, [
      id,
      visitId,
      caseNo,
    ]);

  it("keeps a visit's application, takes a case's, refuses one of both or neither, and one pending a case", async () => {
    await undoThrough(MIGRATION);
    await ds.query(
      `INSERT INTO dispatch.draws (id, seed, window_from, window_to, status, suspended, exploration_share, inputs_fingerprint, result_fingerprint,
         inputs_gz, tasks, strata, unassigned, figures, checker, violation_count, violations, public_scope)
       VALUES ($1, 's', '2025-03-01', '2025-03-31', 'published', false, 0.1, 'f', 'r', '\\x00', '[]', '[]', '[]', '{}', 'ok', 0, '[]', '{}')`,
      [DRAW],
    );
    await ds.query(
      `INSERT INTO dispatch.visits (id, draw_id, credit_code, region_code, date, departments, task_ids, reasons, clue_ids, checklist, exploration,
         route_key, route_order, notice_allowed, visit_no)
       VALUES ($1, $2, '91440604MA4UJ8K20C', '440604', '2025-03-10', '{SAMR}', '{}', '{random}', '{}', '[]', false, 'r-1', 0, false, 'TP-2025-000001')`,
      [VISIT, DRAW],
    );
    await ds.query(`INSERT INTO dispatch.rectification_applications (id, visit_id, rectify_by, reason) VALUES ($1, $2, '2025-05-01', '设备未到')`, [
      ids(1),
      VISIT,
    ]);

    await ds.runMigrations();
    expect(await ds.query(`SELECT visit_id AS "visitId", case_no AS "caseNo" FROM dispatch.rectification_applications`)).toEqual([
      { visitId: VISIT, caseNo: null },
    ]);
    await apply(ids(2), null, 'FS-SAMR-2025-000001');
    await expect(apply(ids(3), VISIT, 'FS-SAMR-2025-000002')).rejects.toThrow(/rectification_applications_one_order/);
    await expect(apply(ids(3), null, null)).rejects.toThrow(/rectification_applications_one_order/);
    await expect(apply(ids(3), null, 'FS-SAMR-2025-000001')).rejects.toThrow(/rectification_applications_case_one_pending/);
    // Pending applications of two cases are no conflict, though neither names a visit.
    await apply(ids(4), null, 'FS-SAMR-2025-000003');

    await undoThrough(MIGRATION);
    expect(await ds.query(`SELECT id FROM dispatch.rectification_applications`)).toEqual([{ id: ids(1) }]);
    await ds.runMigrations();
  });
});
