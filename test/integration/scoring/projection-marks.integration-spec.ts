import { DataSource } from 'typeorm';
import type { SubjectChange } from '@tianping/contracts';
import { createTestDatabase, type TestDatabase } from '@tianping/testing';
import { ProjectionRepository } from '../../../apps/scoring/src/projection/projection.repository';

/** Which enterprises a subject's change marks for re-scoring: itself and every neighbour whose shared-address count it moves. */
describe('marking the enterprises a subject change touches', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let projections: ProjectionRepository;

  const subject = (creditCode: string, addressKey: string | null, updatedAt: string, status = '存续'): SubjectChange => ({
    creditCode,
    name: '测试企业',
    establishedOn: '2020-01-01',
    registeredCapitalWan: 100,
    shareholderSubscribedWan: null,
    employees: 5,
    industryCode: 'F5211',
    regionCode: '440604',
    address: null,
    addressKey,
    lng: null,
    lat: null,
    status,
    abnormalListed: false,
    legalRepChanges2y: 0,
    updatedAt,
  });
  const marked = async (): Promise<string[]> =>
    (await dataSource.query(`SELECT credit_code FROM scoring.dirty_enterprises ORDER BY credit_code`)).map((r: { credit_code: string }) => r.credit_code);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url, poolSize: 2 }).initialize();
    projections = new ProjectionRepository(dataSource);
    await projections.upsertSubjects([
      subject('MOVER', 'addr-old', '2026-01-01T00:00:00Z'),
      subject('OLD-1', 'addr-old', '2026-01-01T00:00:00Z'),
      subject('OLD-2', 'addr-old', '2026-01-01T00:00:00Z'),
      subject('NEW-1', 'addr-new', '2026-01-01T00:00:00Z'),
      subject('ELSEWHERE', 'addr-other', '2026-01-01T00:00:00Z'),
    ]);
  });
  beforeEach(() => dataSource.query(`DELETE FROM scoring.dirty_enterprises`));
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('marks the subject, the neighbours at the address it left and those at the one it moved to', async () => {
    await projections.upsertSubjects([subject('MOVER', 'addr-new', '2026-02-01T00:00:00Z')]);
    expect(await marked()).toEqual(['MOVER', 'NEW-1', 'OLD-1', 'OLD-2']);
  });

  it('marks the neighbours of a subject that closes where it is', async () => {
    await projections.upsertSubjects([subject('NEW-1', 'addr-new', '2026-03-01T00:00:00Z', '注销')]);
    expect(await marked()).toEqual(['MOVER', 'NEW-1']);
  });

  it('marks the old neighbours of a subject whose address is no longer known', async () => {
    await projections.upsertSubjects([subject('OLD-2', null, '2026-03-01T00:00:00Z')]);
    expect(await marked()).toEqual(['OLD-1', 'OLD-2']);
  });

  it('marks nothing for a version older than the one held', async () => {
    await projections.upsertSubjects([subject('ELSEWHERE', 'addr-new', '2025-12-01T00:00:00Z')]);
    expect(await marked()).toEqual([]);
    const [row] = await dataSource.query(`SELECT address_key FROM scoring.subjects WHERE credit_code = 'ELSEWHERE'`);
    expect(row.address_key).toBe('addr-other');
  });
});
