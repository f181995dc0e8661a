import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@tianping/testing';
import { UNLINKED_CLUES_AFTER } from '../../../apps/intake/src/ingest/clue-relinker';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The relink pass reads unlinked clues a chunk at a time. Each chunk must come straight off an index in the
 * pass's order: a sort would read every unlinked clue for every chunk, quadratic over the pass.
 */
describe('the relink pass over many unlinked clues', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url, poolSize: 1 }).initialize();
    await dataSource.query(
      `INSERT INTO intake.clues (clue_id, channel, received_at, credit_code_valid, category, department, status,
                                 updated_at, fingerprint, link_method)
       SELECT '12345-20260301-' || lpad(n::text, 6, '0'), '12345', now(), false, '食品安全', '市场监管', '已受理',
              now(), md5(n::text), 'none'
         FROM generate_series(1, 20000) AS n`,
    );
    await dataSource.query(`ANALYZE intake.clues`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it.each([[''], ['12345-20260301-010000']])('reads a chunk after %p from the index, without sorting', async (after) => {
    const [
      {
        'QUERY PLAN': [{ Plan: plan }],
      },
    ] = await dataSource.query(`EXPLAIN (FORMAT JSON) ${UNLINKED_CLUES_AFTER}`, [after, 2000]);
    const all = nodes(plan as PlanNode);
    expect(all.map((n) => n['Node Type'])).not.toContain('Sort');
    expect(all.some((n) => n['Index Name'] === 'clues_unlinked')).toBe(true);
  });
});
