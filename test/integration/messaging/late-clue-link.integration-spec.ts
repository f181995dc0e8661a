import { DataSource } from 'typeorm';
import type { ClueChange } from '@tianping/contracts';
import { createTestDatabase, type TestDatabase } from '@tianping/testing';
import { ProjectionRepository as DispatchProjections } from '../../../apps/dispatch/src/projection/projection.repository';
import { ProjectionRepository as ScoringProjections } from '../../../apps/scoring/src/projection/projection.repository';

/**
 * A clue pushed before its enterprise is published unlinked; intake's relink pass publishes the same
 * source version again, linked. Delivered out of order (the first one nak'd on a transient error and
 * retried after the second, or redelivered because its ack was lost), the unlinked one must not undo the link.
 */
describe('a late unlinked version of a clue after its relink', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  const clue = (linkedCreditCode: string | null): ClueChange => ({
    clueId: 'CLUE-LATE-1',
    channel: '12315',
    receivedAt: '2026-03-01T08:00:00.000Z',
    linkedCreditCode,
    linkMethod: linkedCreditCode ? 'name_address' : 'none',
    category: '食品安全',
    department: '市场监管',
    verified: null,
    status: '已受理',
    updatedAt: '2026-03-01T08:00:00.000Z',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url, poolSize: 2 }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it("keeps scoring's link to the enterprise", async () => {
    const projections = new ScoringProjections(dataSource);
    await projections.upsertClues([clue('91440604MA4UTEST01')]);
    await projections.upsertClues([clue(null)]);
    const [row] = await dataSource.query(`SELECT credit_code FROM scoring.clues WHERE clue_id = 'CLUE-LATE-1'`);
    expect(row.credit_code).toBe('91440604MA4UTEST01');
  });

  it("keeps dispatch's complaint on the enterprise", async () => {
    const projections = new DispatchProjections(dataSource);
    await projections.upsertComplaints([clue('91440604MA4UTEST01')]);
    await projections.upsertComplaints([clue(null)]);
    const [row] = await dataSource.query(`SELECT credit_code FROM dispatch.complaints WHERE clue_id = 'CLUE-LATE-1'`);
    expect(row.credit_code).toBe('91440604MA4UTEST01');
  });

  it('still takes the relink when the versions come in order', async () => {
    const projections = new ScoringProjections(dataSource);
    await projections.upsertClues([{ ...clue(null), clueId: 'CLUE-LATE-2' }]);
    await projections.upsertClues([{ ...clue('91440604MA4UTEST02'), clueId: 'CLUE-LATE-2' }]);
    const [row] = await dataSource.query(`SELECT credit_code FROM scoring.clues WHERE clue_id = 'CLUE-LATE-2'`);
    expect(row.credit_code).toBe('91440604MA4UTEST02');
  });
});
