import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { verifyConsistency, verifyReceipt, type Receipt, type SignedCheckpoint } from '@tianping/audit-log';
import {
  DispatchSubjects,
  ScoringSubjects,
  STREAMS,
  type ColourPolicyEvent,
  type DispatchSettingChanged,
  type DrawCompleted,
  type ModelVersionEvent,
  type VisitTeamChanged,
} from '@tianping/contracts';
import { connectNats, encodeJson } from '@tianping/messaging';
import { eventually, getJson, scoresComputed, startOversight, type OversightHarness } from './oversight-app.harness';

interface EntryView {
  seq: number;
  kind: string;
  subjectRef: string | null;
  body: { data: { batchId?: string; score?: { scoreId: string; reasons: unknown[] } } };
}

describe('oversight record: logging what scoring publishes', () => {
  let h: OversightHarness;
  let nc: NatsConnection;

  beforeAll(async () => {
    h = await startOversight();
    nc = await connectNats(h.nats.url, 'oversight-record-test');
  });

  afterAll(async () => {
    await nc?.drain();
    await h?.close();
  });

  const count = async (): Promise<number> => Number((await h.dataSource.query(`SELECT count(*) AS n FROM oversight.audit_entries`))[0].n);

  /** Waits until the consumer has acknowledged everything published so far. */
  async function settled(): Promise<void> {
    const jsm = await jetstreamManager(nc);
    await eventually(async () => {
      const info = await jsm.consumers.info(STREAMS.scoring.name, 'oversight-record');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });
  }

  it('logs each score of a ScoresComputed batch once, with its explanation, however often it is delivered', async () => {
    const js = jetstream(nc);
    await js.publish(ScoringSubjects.scoresComputed, encodeJson(scoresComputed('batch-1', 0, 10)), { msgID: 'batch-1-a' });
    expect(await eventually(async () => (await count()) === 10)).toBe(true);

    // The same batch again under another message id, and an overlapping batch: only new scores are logged.
    await js.publish(ScoringSubjects.scoresComputed, encodeJson(scoresComputed('batch-1', 0, 10)), { msgID: 'batch-1-b' });
    await js.publish(ScoringSubjects.scoresComputed, encodeJson(scoresComputed('batch-2', 5, 10)), { msgID: 'batch-2' });
    await settled();
    expect(await count()).toBe(15);

    const { body: entries } = await getJson<EntryView[]>(`${h.baseUrl}/api/audit/entries?kind=score&limit=100`);
    expect(entries.map((e) => e.body.data.score?.scoreId)).toEqual(Array.from({ length: 15 }, (_, i) => `score-${i}`));
    expect(entries.every((e) => e.kind === 'score' && e.subjectRef !== null && (e.body.data.score?.reasons.length ?? 0) > 0)).toBe(true);
    // Newest first, paging back with `before`: the same entries, latest first, nothing skipped or repeated.
    const { body: latest } = await getJson<EntryView[]>(`${h.baseUrl}/api/audit/entries?kind=score&order=newest&limit=10`);
    const { body: earlier } = await getJson<EntryView[]>(
      `${h.baseUrl}/api/audit/entries?kind=score&order=newest&limit=10&before=${latest[latest.length - 1].seq}`,
    );
    expect([...latest, ...earlier].map((e) => e.seq)).toEqual(entries.map((e) => e.seq).reverse());
    const { body: one } = await getJson<EntryView[]>(`${h.baseUrl}/api/audit/entries?subjectRef=91310000MA1FL8XQ3K`);
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((e) => e.subjectRef === '91310000MA1FL8XQ3K')).toBe(true);
  });

  it('logs every dispatch draw with its seed and inputs fingerprint, once however often it comes', async () => {
    const js = jetstream(nc);
    const draw: DrawCompleted = {
      drawId: 'draw-7',
      seed: 'seed-2026-11',
      window: { from: '2026-12-01', to: '2026-12-31' },
      inputsFingerprint: 'a'.repeat(64),
      modelSuspended: false,
      modelVersion: 'm-1',
      explorationShare: 0.1,
      tasks: [{ department: 'SAMR', creditCode: '91440604MA4UJ8K20C', reason: 'risk' }],
      at: '2026-11-23T10:00:00Z',
    };
    await js.publish(DispatchSubjects.drawCompleted, encodeJson(draw), { msgID: 'draw-7-a' });
    await js.publish(DispatchSubjects.drawCompleted, encodeJson(draw), { msgID: 'draw-7-b' });
    expect(await eventually(async () => (await getJson<EntryView[]>(`${h.baseUrl}/api/audit/entries?kind=dispatch-draw`)).body.length === 1)).toBe(true);
    const jsm = await jetstreamManager(nc);
    await eventually(async () => (await jsm.consumers.info(STREAMS.dispatch.name, 'oversight-record-dispatch')).num_pending === 0);
    const { body } = await getJson<{ subjectRef: string; body: { data: DrawCompleted } }[]>(`${h.baseUrl}/api/audit/entries?kind=dispatch-draw`);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ subjectRef: 'draw-7', body: { data: { seed: 'seed-2026-11', inputsFingerprint: 'a'.repeat(64) } } });
  });

  it("logs each change of a visit's team once, with how the newcomer was chosen, however often it comes", async () => {
    const js = jetstream(nc);
    const change: VisitTeamChanged = {
      changeId: '5d0c9a1e-0f8b-4c1e-9d55-00000000c4a1',
      visitId: '0b6c8a55-5f0e-4d7e-9a7a-0000000c0f11',
      visitNo: 'TP-2026-000042',
      creditCode: '91440604MA4UJ8K20C',
      date: '2026-12-09',
      officerOut: '44060400001',
      officerIn: '44060400007',
      officerIds: ['44060400003', '44060400007'],
      chosen: { how: 'random', seed: 'reassign-1', candidates: ['44060400005', '44060400007'] },
      actor: 'dispatcher',
      at: '2026-12-07T02:00:00Z',
    };
    await js.publish(DispatchSubjects.visitTeamChanged, encodeJson(change), { msgID: 'team-change-a' });
    await js.publish(DispatchSubjects.visitTeamChanged, encodeJson(change), { msgID: 'team-change-b' });
    const logged = async () =>
      (await getJson<{ subjectRef: string; body: { data: VisitTeamChanged } }[]>(`${h.baseUrl}/api/audit/entries?kind=visit-team-change`)).body;
    expect(await eventually(async () => (await logged()).length === 1)).toBe(true);
    const jsm = await jetstreamManager(nc);
    await eventually(async () => (await jsm.consumers.info(STREAMS.dispatch.name, 'oversight-record-dispatch')).num_pending === 0);
    expect(await logged()).toEqual([expect.objectContaining({ subjectRef: change.creditCode, body: expect.objectContaining({ data: change }) })]);
  });

  it('logs each part of a draw sent in parts, once however often a part comes', async () => {
    const js = jetstream(nc);
    const header = {
      drawId: 'draw-8',
      seed: 'seed-2027-01',
      window: { from: '2027-01-01', to: '2027-01-31' },
      inputsFingerprint: 'c'.repeat(64),
      modelSuspended: false,
      modelVersion: 'm-1',
      explorationShare: 0.1,
      parts: 2,
      taskCount: 2,
      at: '2026-12-20T10:00:00Z',
    };
    const parts: DrawCompleted[] = [1, 2].map((part) => ({
      ...header,
      part,
      tasks: [{ department: 'SAMR', creditCode: `9144060${part}MA4UJ8K20C`, reason: 'risk' }],
    }));
    await js.publish(DispatchSubjects.drawCompleted, encodeJson(parts[0]), { msgID: 'draw-8-1' });
    await js.publish(DispatchSubjects.drawCompleted, encodeJson(parts[1]), { msgID: 'draw-8-2' });
    await js.publish(DispatchSubjects.drawCompleted, encodeJson(parts[1]), { msgID: 'draw-8-2-again' });
    const jsm = await jetstreamManager(nc);
    await eventually(async () => (await jsm.consumers.info(STREAMS.dispatch.name, 'oversight-record-dispatch')).num_pending === 0);
    const logged = async () => (await getJson<{ body: { data: DrawCompleted } }[]>(`${h.baseUrl}/api/audit/entries?kind=dispatch-draw&subjectRef=draw-8`)).body;
    expect(await eventually(async () => (await logged()).length === 2)).toBe(true);
    expect((await logged()).map((e) => e.body.data.tasks[0].creditCode).sort()).toEqual(['91440601MA4UJ8K20C', '91440602MA4UJ8K20C']);
  });

  it("logs a changed bureau setting once however often it comes, and never a conflict's reason a sender let through", async () => {
    const js = jetstream(nc);
    const declared: DispatchSettingChanged = {
      changeId: 'change-1',
      setting: 'conflict-declared',
      key: '44060400001/91440604MA4UJ8K20C',
      before: null,
      // A careless sender: the record keeps the declaration and drops the reason.
      after: { officerId: '44060400001', creditCode: '91440604MA4UJ8K20C', reason: '配偶在该企业任职', declaredBy: 'li' },
      actor: 'li',
      at: '2026-12-20T10:00:00Z',
    };
    await js.publish(DispatchSubjects.settingChanged, encodeJson(declared), { msgID: 'change-1-a' });
    await js.publish(DispatchSubjects.settingChanged, encodeJson(declared), { msgID: 'change-1-b' });
    const jsm = await jetstreamManager(nc);
    await eventually(async () => (await jsm.consumers.info(STREAMS.dispatch.name, 'oversight-record-dispatch')).num_pending === 0);
    const url = `${h.baseUrl}/api/audit/entries?kind=dispatch-setting&subjectRef=${encodeURIComponent(`conflict-declared:${declared.key}`)}`;
    const logged = async () => (await getJson<{ bodyJson: string; body: { data: DispatchSettingChanged } }[]>(url)).body;
    expect(await eventually(async () => (await logged()).length === 1)).toBe(true);
    const [entry] = await logged();
    expect(entry.body.data).toMatchObject({ actor: 'li', after: { officerId: '44060400001', declaredBy: 'li' } });
    expect(entry.bodyJson).not.toContain('配偶');
    expect(entry.bodyJson).not.toMatch(/"reason"/);
  });

  it('logs model version and colour policy changes with who made them', async () => {
    const js = jetstream(nc);
    const approved: ModelVersionEvent = {
      modelVersion: 'm-2025.11.1',
      state: 'approved',
      actor: 'officer-7',
      reason: 'back-test passed',
      specName: 'twelve-factor',
      trainingWindow: { from: '2022-01-01', to: '2024-12-31' },
      dataFingerprint: 'abc',
      metrics: { auc: 0.81 },
      at: '2025-11-01T00:00:00.000Z',
    };
    const policy: ColourPolicyEvent = {
      version: 'cp-3',
      thresholds: { yellow: 0.3, red: 0.6 },
      state: 'active',
      actor: 'officer-9',
      at: '2025-11-01T00:00:00.000Z',
    };
    await js.publish(ScoringSubjects.modelStateChanged, encodeJson(approved), { msgID: 'model-1' });
    await js.publish(ScoringSubjects.modelStateChanged, encodeJson(approved), { msgID: 'model-1-again' });
    await js.publish(ScoringSubjects.colourPolicyChanged, encodeJson(policy), { msgID: 'policy-1' });
    await settled();
    const { body: models } = await getJson<EntryView[]>(`${h.baseUrl}/api/audit/entries?kind=model-version`);
    const { body: policies } = await getJson<EntryView[]>(`${h.baseUrl}/api/audit/entries?kind=colour-policy`);
    expect(models.map((e) => [e.subjectRef, (e.body.data as unknown as ModelVersionEvent).actor])).toEqual([['m-2025.11.1', 'officer-7']]);
    expect(policies.map((e) => e.subjectRef)).toEqual(['cp-3']);
  });

  it('refuses a malformed event without logging anything', async () => {
    const before = await count();
    await jetstream(nc).publish(ScoringSubjects.scoresComputed, encodeJson({ batchId: 'bad', scores: [{ scoreId: 'x', probability: 7 }] }), { msgID: 'bad-1' });
    await settled();
    expect(await count()).toBe(before);
  });

  it('gives a receipt over HTTP that verifies with nothing but the public key', async () => {
    const { body: key } = await getJson<{ publicKeyPem: string; keyId: string }>(`${h.baseUrl}/api/audit/public-key`);
    expect(JSON.stringify(key)).not.toMatch(/PRIVATE/);
    for (const seq of [0, 7, 14]) {
      const { status, body: receipt } = await getJson<Receipt>(`${h.baseUrl}/api/audit/receipts/${seq}`);
      expect(status).toBe(200);
      expect(verifyReceipt(receipt, key.publicKeyPem)).toEqual({ ok: true });
      const forged = {
        ...receipt,
        entry: {
          ...receipt.entry,
          bodyJson: receipt.entry.bodyJson.replace(/"colour":"\w+"/, '"colour":"green"').replace('"probability":', '"probability":1'),
        },
      };
      expect(verifyReceipt(forged, key.publicKeyPem).ok).toBe(false);
    }
    expect((await getJson(`${h.baseUrl}/api/audit/receipts/999999`)).status).toBe(404);
  });

  it('proves each checkpoint extends the earlier ones', async () => {
    const checkpoints: SignedCheckpoint[] = (await h.dataSource.query(`SELECT tree_size AS "treeSize" FROM oversight.checkpoints ORDER BY tree_size`)).map(
      (r: { treeSize: string }) => Number(r.treeSize),
    );
    expect(checkpoints.length).toBeGreaterThanOrEqual(3);
    const { body: latest } = await getJson<SignedCheckpoint>(`${h.baseUrl}/api/audit/checkpoints/latest`);
    const { body: answer } = await getJson<{ from: SignedCheckpoint; to: SignedCheckpoint; proof: string[] }>(
      `${h.baseUrl}/api/audit/consistency?from=${checkpoints[0]}&to=${latest.treeSize}`,
    );
    expect(verifyConsistency(answer.from.treeSize, answer.to.treeSize, answer.from.rootHash, answer.to.rootHash, answer.proof)).toBe(true);
    expect(verifyConsistency(answer.from.treeSize, answer.to.treeSize, answer.to.rootHash, answer.from.rootHash, answer.proof)).toBe(false);
    expect((await getJson(`${h.baseUrl}/api/audit/consistency?from=3&to=1`)).status).toBe(400);
    expect((await getJson(`${h.baseUrl}/api/audit/entries?limit=0`)).status).toBe(400);
  });

  it('logs a full read of personal data with who, role and why, and refuses one without a reason', async () => {
    const post = (body: unknown) =>
      getJson<{ seq: number }>(`${h.baseUrl}/api/audit/personal-data-reads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const read = {
      actor: 'officer-9',
      role: 'department',
      creditCode: '91310000MA1FL8XQ3K',
      route: 'GET /api/enterprises/:creditCode/personal-data',
      reason: '送达行政处罚告知书',
    };
    expect((await post({ ...read, reason: ' ' })).status).toBe(400);
    const logged = await post(read);
    expect(logged.status).toBe(201);
    const { body: entry } = await getJson<{ kind: string; subjectRef: string; body: { data: Record<string, unknown> } }>(
      `${h.baseUrl}/api/audit/entries/${logged.body.seq}`,
    );
    expect(entry).toMatchObject({
      kind: 'personal-data-read',
      subjectRef: read.creditCode,
      body: { data: { actor: 'officer-9', role: 'department', reason: read.reason } },
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of log rows while the guard is in place', async () => {
    await expect(h.dataSource.query(`UPDATE oversight.audit_entries SET kind = 'x' WHERE seq = 0`)).rejects.toThrow(/append-only/);
    await expect(h.dataSource.query(`DELETE FROM oversight.audit_entries WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(h.dataSource.query(`TRUNCATE oversight.audit_entries`)).rejects.toThrow(/append-only/);
    await expect(h.dataSource.query(`DELETE FROM oversight.checkpoints`)).rejects.toThrow(/append-only/);
    const { body } = await getJson<{ ok: boolean; entries: number }>(`${h.baseUrl}/api/audit/verify`, { method: 'POST' });
    expect(body).toMatchObject({ ok: true, entries: await count() });
  });
});
