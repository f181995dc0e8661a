import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  IntakeSubjects,
  OversightSubjects,
  STREAMS,
  type AppealDecided,
  type CaseChange,
  type ChangeBatch,
  type ClueChange,
  type CorrectionsApplied,
} from '@tianping/contracts';
import { listDeadLetters } from '@tianping/messaging';
import { ClueRelinker } from '../../../apps/intake/src/ingest/clue-relinker';
import { IntakeOutbox } from '../../../apps/intake/src/ingest/outbox-relay.provider';
import { ScoringModule } from '../../../apps/scoring/src/scoring.module';
import { clueAbout, startIntake, type IntakeHarness } from './intake-app.harness';

const A = '91440604MA4UJ8K20C'; // the enterprise that appealed
const B = '91440605MA52TQ0L32';
const SUBJECTS = [
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间',
  `${A},佛山市禅城区明记餐饮管理有限公司,2016-04-12,50,50,12,H6210,440604,佛山市禅城区祖庙街道建新路18号首层,113.1102,23.0297,存续,否,0,陈明,440604198703150018,2024-05-06 10:12:00`,
  `${B},佛山市南海区恒达五金制品有限公司,2012-01-01,100,100,30,C3311,440605,佛山市南海区狮山镇科技大道3号,113.0,23.1,存续,否,0,,,2024-05-06 10:12:00`,
].join('\n');
const CASES_HEADER = '案件编号,统一社会信用代码,执法部门,案件类型,检查来源,发生日期,检查事项,检查结果,违法行为,罚没金额(元),执法人员证号,更新时间';
const caseOfA = (updatedAt: string) =>
  `FS-SAMR-2024-000101,${A},SAMR,检查,双随机,2024-03-12,SAMR-03;SAMR-07,责令整改,从业人员未取得健康证明,,44060400123;44060400456,${updatedAt}`;
const caseOfB = `FS-SAMR-2024-000201,${B},SAMR,检查,双随机,2024-03-14,SAMR-03,责令整改,无证经营,,44060400123;44060400456,2024-03-15 09:00:00`;
const clue = (id: string, extra: object = {}) => clueAbout(A, id, extra);
// Names the appellant's credit code, but its name and address are another enterprise's.
const MISFILED = { subject_name: '恒达五金制品', address: '科技大道3号' };

const decision = (fields: Partial<AppealDecided> = {}): AppealDecided => ({
  appealId: 'AP-2026-0007',
  creditCode: A,
  scoreId: 'S-1',
  outcome: 'corrected',
  corrections: [
    { kind: 'clue', recordId: 'K-UNLINK', action: 'unlink' },
    { kind: 'clue', recordId: 'K-MISFILED', action: 'unlink' },
    { kind: 'clue', recordId: 'K-FALSE', action: 'mark-false' },
    { kind: 'case', recordId: 'FS-SAMR-2024-000101', action: 'revoke' },
    { kind: 'case', recordId: 'FS-SAMR-2024-000201', action: 'revoke' }, // B's case: not A's to appeal
    { kind: 'clue', recordId: 'K-NOWHERE', action: 'mark-false' }, // intake never had it
  ],
  actor: 'overseer',
  at: '2026-11-20T08:00:00Z',
  ...fields,
});

describe('record corrections decided on appeal come back through intake', () => {
  let intake: IntakeHarness;
  let scoring: INestApplicationContext;
  let nc: NatsConnection;

  beforeAll(async () => {
    intake = await startIntake();
    // Scoring's real projection, on the same database server and nats-server, to see the corrections land downstream.
    scoring = await NestFactory.createApplicationContext(ScoringModule, { logger: ['error'] });
    await scoring.init();
    nc = await connect({ servers: intake.nats.url });
  });
  afterAll(async () => {
    await nc?.close();
    await scoring?.close();
    await intake?.close();
  });

  const post = (path: string, body: string, type: string) =>
    fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type }, body }).then((r) => r.json());
  const publish = (subject: string, payload: unknown) =>
    jetstream(nc).publish(subject, new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload)));
  const query = (sql: string, params: unknown[] = []) => intake.dataSource.query(sql, params);
  const clueRow = async (id: string) =>
    (await query(`SELECT linked_credit_code, link_method, verified, updated_at FROM intake.clues WHERE clue_id = $1`, [id]))[0];
  const caseRow = async (no: string) => (await query(`SELECT violation_found, result, updated_at FROM intake.cases WHERE case_no = $1`, [no]))[0];

  /** Until intake's consumer of appeal decisions has taken every message published so far. */
  const decisionsTaken = () =>
    waitFor(async () => {
      const info = await (await jetstreamManager(nc)).consumers.info(STREAMS.oversight.name, 'intake-appeal-corrections').catch(() => null);
      return info !== null && info.num_pending === 0 && info.num_ack_pending === 0;
    });

  interface Published {
    clues: (id: string) => ClueChange[];
    cases: (no: string) => CaseChange[];
    /** Batches that applied an appeal's corrections, with their subject. */
    correctionBatches: (appealId: string) => (ChangeBatch<unknown> & { subject: string })[];
    acknowledgements: (appealId: string) => CorrectionsApplied[];
  }

  /** Every clue and case version, and every acknowledgement, intake published so far, oldest first. */
  async function publishedVersions(): Promise<Published> {
    await intake.app.get(IntakeOutbox).relay.drain();
    const consumer = await jetstream(nc).consumers.get(STREAMS.intake.name);
    const clues: ClueChange[] = [];
    const cases: CaseChange[] = [];
    const batches: (ChangeBatch<unknown> & { subject: string })[] = [];
    const acks: CorrectionsApplied[] = [];
    for (;;) {
      let n = 0;
      for await (const m of await consumer.fetch({ max_messages: 500, expires: 1000 })) {
        n++;
        const payload = JSON.parse(new TextDecoder().decode(m.data));
        if (m.subject === IntakeSubjects.correctionsApplied) acks.push(payload);
        if (payload.correctedOnAppeal) batches.push({ ...payload, subject: m.subject });
        if (m.subject === IntakeSubjects.cluesUpserted) clues.push(...(payload as ChangeBatch<ClueChange>).records);
        if (m.subject === IntakeSubjects.casesUpserted) cases.push(...(payload as ChangeBatch<CaseChange>).records);
      }
      if (n === 0) break;
    }
    return {
      clues: (id) => clues.filter((c) => c.clueId === id),
      cases: (no) => cases.filter((c) => c.caseNo === no),
      correctionBatches: (appealId) => batches.filter((b) => b.correctedOnAppeal?.appealId === appealId),
      acknowledgements: (appealId) => acks.filter((a) => a.appealId === appealId),
    };
  }

  it('takes the subjects, cases and clues the appeal is about', async () => {
    expect(await post('/api/exports/subjects', `${SUBJECTS}\n`, 'text/csv')).toMatchObject({ inserted: 2 });
    expect(await post('/api/exports/cases', `${CASES_HEADER}\n${caseOfA('2024-03-13 09:00:00')}\n${caseOfB}\n`, 'text/csv')).toMatchObject({ inserted: 2 });
    const clues = [clue('K-UNLINK'), clue('K-FALSE'), clue('K-MISFILED', MISFILED)];
    expect(await post('/api/clues', JSON.stringify(clues), 'application/json')).toMatchObject({ inserted: 3 });
    expect(await clueRow('K-MISFILED')).toMatchObject({ linked_credit_code: A, link_method: 'credit_code' });
    await intake.app.get(IntakeOutbox).relay.drain();
    await waitFor(async () => {
      const [held] = await query(
        `SELECT (SELECT count(*) FROM scoring.subjects)::int AS subjects, (SELECT count(*) FROM scoring.cases)::int AS cases, (SELECT count(*) FROM scoring.clues)::int AS clues`,
      );
      return held.subjects === 2 && held.cases === 2 && held.clues === 3;
    });
    await query(`DELETE FROM scoring.dirty_enterprises`); // scored already, as far as this test is concerned
  });

  it('applies each correction once, even when the decision is delivered twice', async () => {
    await publish(OversightSubjects.appealDecided, decision());
    await publish(OversightSubjects.appealDecided, decision());
    await decisionsTaken();

    expect(await clueRow('K-UNLINK')).toEqual({
      linked_credit_code: null,
      link_method: 'unlinked_on_appeal',
      verified: true,
      updated_at: new Date('2024-03-12T09:00:00Z'),
    });
    expect(await clueRow('K-FALSE')).toEqual({
      linked_credit_code: A,
      link_method: 'credit_code',
      verified: false,
      updated_at: new Date('2024-03-12T09:00:00Z'),
    });
    const revoked = await caseRow('FS-SAMR-2024-000101');
    expect(revoked).toMatchObject({ violation_found: false, updated_at: new Date('2024-03-13T01:00:00Z') });
    expect(revoked.result).toContain('AP-2026-0007');
    expect(await caseRow('FS-SAMR-2024-000201')).toMatchObject({ violation_found: true, result: '责令整改' });

    const stored = await query(
      `SELECT kind, record_id, credit_code, action, status, actor FROM intake.record_corrections WHERE appeal_id = 'AP-2026-0007' ORDER BY id`,
    );
    expect(stored).toHaveLength(6);
    expect(
      stored
        .filter((s: { status: string }) => s.status === 'applied')
        .map((s: { record_id: string }) => s.record_id)
        .sort(),
    ).toEqual(['FS-SAMR-2024-000101', 'K-FALSE', 'K-MISFILED', 'K-UNLINK']);
    expect(stored[0]).toMatchObject({ credit_code: A, actor: 'overseer' });
  });

  it('publishes each corrected record once, as the usual event with a newer updatedAt', async () => {
    const versions = await publishedVersions();
    const unlinked = versions.clues('K-UNLINK');
    expect(unlinked).toHaveLength(2);
    expect(unlinked[1]).toEqual({ ...unlinked[0], linkedCreditCode: null, linkMethod: 'none', updatedAt: '2024-03-12T09:00:00.001Z' });
    const falseOne = versions.clues('K-FALSE');
    expect(falseOne).toHaveLength(2);
    expect(falseOne[1]).toEqual({ ...falseOne[0], verified: false, updatedAt: '2024-03-12T09:00:00.001Z' });
    const revoked = versions.cases('FS-SAMR-2024-000101');
    expect(revoked).toHaveLength(2);
    expect(revoked[1]).toEqual({
      ...revoked[0],
      violationFound: false,
      result: expect.stringContaining('AP-2026-0007'),
      updatedAt: '2024-03-13T01:00:00.001Z',
    });
    expect(versions.cases('FS-SAMR-2024-000201')).toHaveLength(1);
  });

  it('acknowledges the decision once, redelivered or not, with every verdict and the batches that carried the corrected records', async () => {
    const published = await publishedVersions();
    const acks = published.acknowledgements('AP-2026-0007');
    expect(acks).toHaveLength(1);
    const [ack] = acks;
    expect(ack).toMatchObject({ appealId: 'AP-2026-0007', creditCode: A });
    expect(new Date(ack.at).getTime()).toBeGreaterThan(0);
    expect(ack.verdicts).toEqual([
      { kind: 'clue', recordId: 'K-UNLINK', action: 'unlink', status: 'applied', reason: null },
      { kind: 'clue', recordId: 'K-MISFILED', action: 'unlink', status: 'applied', reason: null },
      { kind: 'clue', recordId: 'K-FALSE', action: 'mark-false', status: 'applied', reason: null },
      { kind: 'case', recordId: 'FS-SAMR-2024-000101', action: 'revoke', status: 'applied', reason: null },
      { kind: 'case', recordId: 'FS-SAMR-2024-000201', action: 'revoke', status: 'not-applicable', reason: 'other-enterprise' },
      { kind: 'clue', recordId: 'K-NOWHERE', action: 'mark-false', status: 'not-applicable', reason: 'unknown-record' },
    ]);
    // One batch of clues and one of cases, each marked with the appeal: the ones the acknowledgement names.
    const batches = published.correctionBatches('AP-2026-0007');
    expect(batches.map((b) => b.subject).sort()).toEqual([IntakeSubjects.casesUpserted, IntakeSubjects.cluesUpserted]);
    expect(batches.map((b) => b.correctedOnAppeal)).toEqual([
      { appealId: 'AP-2026-0007', creditCode: A },
      { appealId: 'AP-2026-0007', creditCode: A },
    ]);
    expect([...ack.batchIds].sort()).toEqual(batches.map((b) => b.batchId).sort());
    // Record ids and reason codes only: no name, address or ID number travels with it.
    expect(JSON.stringify(ack)).not.toMatch(/陈明|4406041987|科技大道|恒达/);
  });

  it("reaches scoring's projection, which marks the enterprise to be scored again", async () => {
    await waitFor(async () => {
      const [row] = await query(
        `SELECT (SELECT credit_code FROM scoring.clues WHERE clue_id = 'K-UNLINK') AS unlinked,
                (SELECT verified FROM scoring.clues WHERE clue_id = 'K-FALSE') AS verified,
                (SELECT violation_found FROM scoring.cases WHERE case_no = 'FS-SAMR-2024-000101') AS violation`,
      );
      return row.unlinked === null && row.verified === false && row.violation === false;
    });
    expect((await query(`SELECT credit_code FROM scoring.dirty_enterprises`)).map((r: { credit_code: string }) => r.credit_code)).toEqual([A]);
    // Scoring keeps the appeal's batches with the enterprise, for the scores that read them to name.
    const [ack] = (await publishedVersions()).acknowledgements('AP-2026-0007');
    const kept = await waitFor(async () => {
      const rows = await query(`SELECT batch_id, appeal_id, credit_code FROM scoring.appeal_correction_batches ORDER BY batch_id`);
      return rows.length === 2 ? rows : null;
    });
    expect(kept).toEqual([...ack.batchIds].sort().map((batchId) => ({ batch_id: batchId, appeal_id: 'AP-2026-0007', credit_code: A })));
  });

  it('does not apply again what an earlier appeal applied, and acknowledges at once that no record changed', async () => {
    await publish(
      OversightSubjects.appealDecided,
      decision({
        appealId: 'AP-2026-0008',
        corrections: [
          { kind: 'clue', recordId: 'K-FALSE', action: 'mark-false' },
          { kind: 'case', recordId: 'FS-SAMR-2024-000101', action: 'revoke' },
          { kind: 'case', recordId: 'FS-SAMR-2024-000101', action: 'unlink' },
        ],
      }),
    );
    await decisionsTaken();
    const published = await publishedVersions();
    expect(published.acknowledgements('AP-2026-0008')).toEqual([
      {
        appealId: 'AP-2026-0008',
        creditCode: A,
        verdicts: [
          { kind: 'clue', recordId: 'K-FALSE', action: 'mark-false', status: 'not-applicable', reason: 'already-applied' },
          { kind: 'case', recordId: 'FS-SAMR-2024-000101', action: 'revoke', status: 'not-applicable', reason: 'already-applied' },
          { kind: 'case', recordId: 'FS-SAMR-2024-000101', action: 'unlink', status: 'not-applicable', reason: 'wrong-action' },
        ],
        batchIds: [],
        at: expect.any(String),
      },
    ]);
    // Nothing was published again, so nothing is re-scored for it.
    expect(published.correctionBatches('AP-2026-0008')).toEqual([]);
    expect(published.clues('K-FALSE')).toHaveLength(2);
    expect(published.cases('FS-SAMR-2024-000101')).toHaveLength(2);
    const [stored] = await query(`SELECT reason FROM intake.record_corrections WHERE appeal_id = 'AP-2026-0008' AND record_id = 'K-FALSE'`);
    expect(stored.reason).toContain('AP-2026-0007');
  });

  it('keeps a correction that fits no record as not applicable, with the reason', async () => {
    const response = await fetch(`${intake.baseUrl}/api/corrections?appealId=AP-2026-0007&status=not-applicable`);
    expect(response.status).toBe(200);
    const kept = await response.json();
    expect(kept.map((c: { recordId: string }) => c.recordId).sort()).toEqual(['FS-SAMR-2024-000201', 'K-NOWHERE']);
    expect(kept.find((c: { recordId: string }) => c.recordId === 'K-NOWHERE')).toMatchObject({
      kind: 'clue',
      action: 'mark-false',
      reason: 'intake holds no clue K-NOWHERE',
    });
    expect(kept.find((c: { recordId: string }) => c.recordId === 'FS-SAMR-2024-000201').reason).toContain('another enterprise');
    expect((await fetch(`${intake.baseUrl}/api/corrections?status=maybe`)).status).toBe(400);
  });

  it('keeps the corrections when the platforms export the same records again, in the same version or a newer one', async () => {
    const again = await post('/api/clues', JSON.stringify([clue('K-UNLINK'), clue('K-FALSE')]), 'application/json');
    expect(again).toMatchObject({ duplicate: 2, inserted: 0, updated: 0 });
    expect(await clueRow('K-UNLINK')).toMatchObject({ linked_credit_code: null });

    const newer = { updated_at: '2024-04-01T10:00:00+08:00', status: 'handled' };
    expect(await post('/api/clues', JSON.stringify([clue('K-UNLINK', newer), clue('K-FALSE', newer)]), 'application/json')).toMatchObject({ updated: 2 });
    expect(await clueRow('K-UNLINK')).toEqual({
      linked_credit_code: null,
      link_method: 'unlinked_on_appeal',
      verified: true,
      updated_at: new Date('2024-04-01T02:00:00Z'),
    });
    expect(await clueRow('K-FALSE')).toMatchObject({ linked_credit_code: A, verified: false, updated_at: new Date('2024-04-01T02:00:00Z') });
    expect(await post('/api/exports/cases', `${CASES_HEADER}\n${caseOfA('2024-05-01 09:00:00')}\n`, 'text/csv')).toMatchObject({ updated: 1 });
    expect(await caseRow('FS-SAMR-2024-000101')).toMatchObject({ violation_found: false, updated_at: new Date('2024-05-01T01:00:00Z') });

    const versions = await publishedVersions();
    expect(versions.clues('K-UNLINK')).toHaveLength(3); // the same version again published nothing
    expect(versions.clues('K-UNLINK').pop()).toMatchObject({ linkedCreditCode: null, status: 'handled', updatedAt: '2024-04-01T02:00:00.001Z' });
    expect(versions.clues('K-FALSE').pop()).toMatchObject({ linkedCreditCode: A, verified: false, updatedAt: '2024-04-01T02:00:00.001Z' });
    expect(versions.cases('FS-SAMR-2024-000101').pop()).toMatchObject({ violationFound: false, updatedAt: '2024-05-01T01:00:00.001Z' });
    // A late, older version still loses to what intake holds.
    expect(await post('/api/exports/cases', `${CASES_HEADER}\n${caseOfA('2024-03-13 09:00:00')}\n`, 'text/csv')).toMatchObject({ stale: 1 });
  });

  it('never links a clue back to the enterprise it was unlinked from, but lets the evidence link it to another', async () => {
    await intake.app.get(ClueRelinker).relinkAll();
    expect(await clueRow('K-UNLINK')).toMatchObject({ linked_credit_code: null, link_method: 'unlinked_on_appeal' });
    expect(await clueRow('K-MISFILED')).toMatchObject({ linked_credit_code: B, link_method: 'name_address' });
  });

  it('shows in the enterprise file what the appeal corrected', async () => {
    const file = await (await fetch(`${intake.baseUrl}/api/enterprises/${A}`)).json();
    const revoked = file.cases.find((c: { caseNo: string }) => c.caseNo === 'FS-SAMR-2024-000101');
    expect(revoked).toMatchObject({ violationFound: false, correctedOnAppeal: [{ appealId: 'AP-2026-0007', action: 'revoke' }] });
    expect(file.clues.map((c: { clueId: string }) => c.clueId)).toEqual(['K-FALSE']);
    expect(file.clues[0]).toMatchObject({ verified: false, correctedOnAppeal: [{ appealId: 'AP-2026-0007', action: 'mark-false' }] });
    expect(file.cluesUnlinkedOnAppeal.map((c: { clueId: string; appealId: string }) => [c.clueId, c.appealId])).toEqual([
      ['K-UNLINK', 'AP-2026-0007'],
      ['K-MISFILED', 'AP-2026-0007'],
    ]);
    const other = await (await fetch(`${intake.baseUrl}/api/enterprises/${B}`)).json();
    // B's file holds the clue the evidence points at; the unlink was A's appeal, not B's business.
    expect(other.clues.find((c: { clueId: string }) => c.clueId === 'K-MISFILED')).toMatchObject({ correctedOnAppeal: [] });
  });

  it('moves a decision that cannot be read to the dead letters, and ignores one without corrections', async () => {
    await publish(OversightSubjects.appealDecided, {
      appealId: 'AP-BROKEN',
      creditCode: A,
      outcome: 'corrected',
      corrections: 'all of them',
      actor: 'x',
      at: '2026-11-20T08:00:00Z',
    });
    await publish(OversightSubjects.appealDecided, decision({ appealId: 'AP-UPHELD', outcome: 'upheld', corrections: [] }));
    await decisionsTaken();
    const letters = await waitFor(async () => {
      const list = await listDeadLetters(nc);
      return list.length > 0 ? list : null;
    });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ originalSubject: OversightSubjects.appealDecided, originalStream: STREAMS.oversight.name });
    expect(letters[0].error).toContain('corrections');
    expect(await query(`SELECT appeal_id FROM intake.record_corrections WHERE appeal_id IN ('AP-BROKEN', 'AP-UPHELD')`)).toEqual([]);
  });
});

async function waitFor<T>(probe: () => Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
