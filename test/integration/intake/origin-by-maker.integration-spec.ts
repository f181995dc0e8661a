import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { pollUntil } from '@tianping/common';
import { DispatchSubjects } from '@tianping/contracts';
import { IngestService } from '../../../apps/intake/src/ingest/ingest.service';
import { startIntake, SUBJECTS_HEADER, subjectLine, visitResult, type IntakeHarness } from './intake-app.harness';

const A = '91440604MA4UJ8K20C';
const PLATFORM_ORIGINS = ['双随机', '投诉举报', '专项检查', '线索移送', '其他'];
const CASES_HEADER = '案件编号,统一社会信用代码,执法部门,案件类型,检查来源,发生日期,检查事项,检查结果,违法行为,罚没金额(元),执法人员证号,更新时间';
const caseLine = (no: string, origin: string) =>
  `${no},${A},SAMR,检查,${origin},2024-03-12,SAMR-03,责令整改,从业人员未取得健康证明,,44060400123;44060400456,2024-03-13 09:00:00`;

interface Held {
  id: number;
  source: string;
  rawMasked: { case_no: string; origin: string };
  reasons: { field: string; code: string; message: string; expected?: { allowed: string[] } }[];
}

/**
 * 整改复查 is Tianping's word for its own re-inspections: a visit's result may carry it, a platform's export
 * row never does, so one that does is quarantined with the reason, and stored once corrected.
 */
describe('a case origin (检查来源) only Tianping uses, by where the case comes from', () => {
  let intake: IntakeHarness;
  let nc: NatsConnection;
  const post = async (path: string, body: string, type: string) =>
    (await fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type }, body })).json();
  const heldCases = async (): Promise<Held[]> => (await fetch(`${intake.baseUrl}/api/quarantine?kind=cases`)).json();
  const heldCase = async (caseNo: string): Promise<Held | undefined> => (await heldCases()).find((h) => h.rawMasked.case_no === caseNo);
  const storedOrigin = async (caseNo: string): Promise<string | undefined> =>
    ((await intake.dataSource.query(`SELECT origin FROM intake.cases WHERE case_no = $1`, [caseNo])) as { origin: string }[])[0]?.origin;
  const replay = (id: number, corrections: object) => post(`/api/quarantine/${id}/replay`, JSON.stringify({ corrections }), 'application/json');

  beforeAll(async () => {
    intake = await startIntake();
    nc = await connect({ servers: intake.nats.url });
    expect(await post('/api/exports/subjects', `${SUBJECTS_HEADER}\n${subjectLine(A)}\n`, 'text/csv')).toMatchObject({ inserted: 1 });
  });
  afterAll(async () => {
    await nc?.close();
    await intake?.close();
  });

  it('quarantines an uploaded export row saying 整改复查 with its reason, and stores it once corrected to an origin of the platform', async () => {
    const counts = await post(
      '/api/exports/cases',
      `${CASES_HEADER}\n${caseLine('FS-SAMR-2024-000201', '整改复查')}\n${caseLine('FS-SAMR-2024-000202', '专项检查')}\n`,
      'text/csv',
    );
    expect(counts).toMatchObject({ read: 2, inserted: 1, quarantined: 1 });
    expect(await storedOrigin('FS-SAMR-2024-000201')).toBeUndefined();
    expect(await storedOrigin('FS-SAMR-2024-000202')).toBe('专项检查');

    const held = (await heldCase('FS-SAMR-2024-000201'))!;
    expect(held.reasons).toEqual([
      { field: 'origin', code: 'tianping_only', message: expect.stringContaining("Tianping's own re-inspections"), expected: { allowed: PLATFORM_ORIGINS } },
    ]);
    // Replayed as it came, it stays held: the platform's row is still a platform's.
    expect(await replay(held.id, {})).toMatchObject({ accepted: false, reasons: [{ field: 'origin', code: 'tianping_only' }] });
    expect(await replay(held.id, { origin: '其他' })).toMatchObject({ accepted: true, counts: { inserted: 1 } });
    expect(await storedOrigin('FS-SAMR-2024-000201')).toBe('其他');
  });

  it('quarantines such a row in an export file read from disk too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'origin-by-maker-'));
    try {
      writeFileSync(join(dir, 'cases.csv'), `${CASES_HEADER}\n${caseLine('FS-SAMR-2024-000203', '整改复查')}\n`);
      const report = await intake.app.get(IngestService).ingestFile(join(dir, 'cases.csv'), 'cases');
      expect(report.counts).toMatchObject({ read: 1, quarantined: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await heldCase('FS-SAMR-2024-000203'))?.reasons).toMatchObject([{ field: 'origin', code: 'tianping_only' }]);
    expect(await storedOrigin('FS-SAMR-2024-000203')).toBeUndefined();
  });

  it("stores a visit's re-inspection as 整改复查, and replays a held one of its cases as Tianping's", async () => {
    const event = visitResult({
      visitId: '5b7e1c2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d',
      visitNo: 'TP-2026-000301',
      creditCode: A,
      items: [
        { item: 'CITY-01', department: 'CITY', result: '未发现问题' },
        // An item code no department has: this department's case is held, for another reason than its origin.
        { item: 'FIRE-2', department: 'FIRE', result: '未发现问题' },
      ],
      origins: { CITY: 'follow-up', FIRE: 'follow-up' },
    });
    await jetstream(nc).publish(DispatchSubjects.visitResultRecorded, new TextEncoder().encode(JSON.stringify(event)));
    await pollUntil(
      async () => [await storedOrigin('TP-2026-000301-CITY'), await heldCase('TP-2026-000301-FIRE')] as const,
      ([stored, held]) => stored !== undefined && held !== undefined,
      () => new Error("the visit's cases were neither stored nor held"),
      { timeoutMs: 20_000 },
    );
    expect(await storedOrigin('TP-2026-000301-CITY')).toBe('整改复查');

    const held = (await heldCase('TP-2026-000301-FIRE'))!;
    expect(held.source).toBe(`dispatch:${event.visitId}`);
    expect(held.rawMasked.origin).toBe('整改复查');
    expect(held.reasons).toMatchObject([{ field: 'items', code: 'format' }]);
    expect(await replay(held.id, { items: 'FIRE-02' })).toMatchObject({ accepted: true, counts: { inserted: 1 } });
    expect(await storedOrigin('TP-2026-000301-FIRE')).toBe('整改复查');
  });
});
