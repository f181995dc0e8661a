import { OversightSubjects, STREAMS, type ApprovalGranted } from '@tianping/contracts';
import type { GamModel } from '@tianping/risk-model';
import type { ApprovalView } from '../../../apps/oversight/src/approvals/approvals.service';
import { ColourPolicyService, ColourPolicyStateError } from '../../../apps/scoring/src/colour/colour-policy.service';
import { ModelRegistryService, ModelStateError } from '../../../apps/scoring/src/models/model-registry.service';
import { TrainingService } from '../../../apps/scoring/src/training/training.service';
import { readSubject } from '../scoring/scoring-app.harness';
import { startScoringAndOversight, type SuiteHarness } from './scoring-and-oversight.harness';
import { eventually } from '@tianping/testing';

const TRAINER = 'trainer-zhang';
const TECHNICAL = 'reviewer-li';
const LEGAL = 'counsel-wang';

interface Entry {
  seq: number;
  kind: string;
  subjectRef: string;
  body: { data: Record<string, unknown> };
}

interface ModelView {
  version: string;
  state: string;
  createdBy: string;
  builtBy: { kind: string; name: string };
  approvedBy: { actor: string; role: string; auditSeq: number }[] | null;
  events: { from: string | null; to: string; actor: string }[];
}

/** Oversight approves, scoring acts on the grant: both real services on one database and one nats-server. */
describe('four-eyes approval of model versions and colour policies', () => {
  let h: SuiteHarness;
  let model: GamModel;

  const oversight = <T = ApprovalView>(method: string, path: string, body?: unknown) => h.call<T>(h.oversight.baseUrl, method, path, body);
  const scoringModel = async () => (await h.call<ModelView>(h.scoring.baseUrl, 'GET', `/api/models/${encodeURIComponent(model.version)}`)).body;
  const signModel = (actor: string, role: string, decision = 'approve', reasons = `${role} review done by ${actor}`) =>
    oversight<ApprovalView & { message: string }>('POST', `/api/approvals/models/${encodeURIComponent(model.version)}/sign-offs`, {
      actor,
      role,
      decision,
      reasons,
    });
  const entries = async (kind: string, subjectRef: string) =>
    (await oversight<Entry[]>('GET', `/api/audit/entries?kind=${kind}&subjectRef=${encodeURIComponent(subjectRef)}`)).body;
  const grants = async () => (await readSubject(h.scoring.js, STREAMS.oversight.name, OversightSubjects.approvalGranted)) as ApprovalGranted[];

  beforeAll(async () => {
    h = await startScoringAndOversight({ enterprises: 200, years: 3, seed: 11 });
    model = (
      await h.scoring.app
        .get(TrainingService)
        .train({ asOf: '2026-01-01', seed: 3, createdBy: TRAINER, builtBy: { kind: 'vendor', name: 'Acme Risk Analytics' } })
    ).model;
  }, 120_000);
  afterAll(async () => h?.close());

  it('learns of a registered version from scoring, with who trained and who built it', async () => {
    const request = await eventually(
      async () => (await oversight('GET', `/api/approvals/models/${encodeURIComponent(model.version)}`)).body.status === 'pending',
      'oversight to learn of the version',
    );
    expect(request).toBe(true);
    const { body } = await oversight('GET', `/api/approvals/models/${encodeURIComponent(model.version)}`);
    expect(body).toMatchObject({
      subjectKind: 'model-version',
      subjectRef: model.version,
      proposedBy: TRAINER,
      builtBy: { kind: 'vendor', name: 'Acme Risk Analytics' },
      status: 'pending',
      required: ['technical', 'legal'],
      missing: ['technical', 'legal'],
      signOffs: [],
    });
    expect(body.proposal).toMatchObject({ dataFingerprint: model.training.dataFingerprint });
    expect((await scoringModel()).builtBy).toEqual({ kind: 'vendor', name: 'Acme Risk Analytics' });
  });

  it('refuses the trainer, and activation of a version not approved', async () => {
    const own = await signModel(TRAINER, 'technical');
    expect(own.status).toBe(403);
    expect(own.body.message).toContain('four eyes');
    // The same person, whether the name was typed on the command line or is a web username.
    expect((await signModel(` ${TRAINER.toUpperCase()}`, 'technical')).status).toBe(403);
    await expect(h.scoring.app.get(ModelRegistryService).changeState(model.version, 'active', 'operator')).rejects.toThrow(ModelStateError);
    expect((await scoringModel()).state).toBe('draft');
    // Refusals leave no sign-off behind.
    expect((await oversight('GET', `/api/approvals/models/${encodeURIComponent(model.version)}`)).body.signOffs).toEqual([]);
  });

  it('does not approve on one sign-off, nor let one person sign twice or in both roles', async () => {
    expect(
      (
        await oversight('POST', `/api/approvals/models/${encodeURIComponent(model.version)}/sign-offs`, {
          actor: TECHNICAL,
          role: 'technical',
          decision: 'approve',
          reasons: 'ok',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await oversight('POST', `/api/approvals/models/${encodeURIComponent(model.version)}/sign-offs`, {
          actor: TECHNICAL,
          role: 'auditor',
          decision: 'approve',
          reasons: 'fine by me',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await oversight('POST', '/api/approvals/models/m-no-such-version/sign-offs', {
          actor: TECHNICAL,
          role: 'technical',
          decision: 'approve',
          reasons: 'fine by me',
        })
      ).status,
    ).toBe(404);

    const first = await signModel(TECHNICAL, 'technical');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'pending', missing: ['legal'], signOffs: [{ actor: TECHNICAL, role: 'technical', decision: 'approve' }] });

    const again = await signModel(TECHNICAL, 'technical');
    expect(again.status).toBe(409);
    const bothRoles = await signModel(TECHNICAL, 'legal');
    expect(bothRoles.status).toBe(403);
    expect(bothRoles.body.message).toContain('must come from someone else');
    const secondTechnical = await signModel('reviewer-zhao', 'technical');
    expect(secondTechnical.status).toBe(409);

    // Still a draft in scoring, and no grant was published.
    await new Promise((r) => setTimeout(r, 500));
    expect((await scoringModel()).state).toBe('draft');
    expect(await grants()).toEqual([]);
  });

  it('approves on technical and legal sign-off by two others, and scoring then shows the version approved with its approvers', async () => {
    const legal = await signModel(LEGAL, 'legal');
    expect(legal.status).toBe(201);
    expect(legal.body).toMatchObject({ status: 'approved', missing: [] });
    expect(legal.body.decisionSeq).toEqual(expect.any(Number));
    expect((await signModel('counsel-chen', 'legal')).status).toBe(409);

    const approved = (await eventually(async () => {
      const m = await scoringModel();
      return m.state === 'approved' ? m : null;
    }, 'scoring to apply the grant'))!;
    expect(approved.approvedBy?.map((a) => [a.actor, a.role])).toEqual([
      [TECHNICAL, 'technical'],
      [LEGAL, 'legal'],
    ]);
    expect(approved.createdBy).toBe(TRAINER);
    expect(approved.events.map((e) => e.to)).toEqual(['draft', 'approved']);

    const [grant] = await grants();
    expect(grant).toMatchObject({
      subjectKind: 'model-version',
      subjectRef: model.version,
      proposedBy: TRAINER,
      builtBy: { kind: 'vendor', name: 'Acme Risk Analytics' },
      auditSeq: legal.body.decisionSeq,
    });

    // Activation stays an operator's act, now allowed.
    const active = await h.scoring.app.get(ModelRegistryService).changeState(model.version, 'active', 'operator-sun');
    expect(active.state).toBe('active');
  });

  it('keeps every act in the record: registration, each sign-off, the grant, approval and activation', async () => {
    const signOffs = await entries('sign-off', model.version);
    expect(signOffs.map((e) => [e.body.data.actor, e.body.data.role, e.body.data.decision])).toEqual([
      [TECHNICAL, 'technical', 'approve'],
      [LEGAL, 'legal', 'approve'],
    ]);
    const [decision] = await entries('approval', model.version);
    expect(decision.body.data).toMatchObject({
      subjectKind: 'model-version',
      outcome: 'granted',
      proposedBy: TRAINER,
      builtBy: { kind: 'vendor', name: 'Acme Risk Analytics' },
      signOffs: [
        { actor: TECHNICAL, role: 'technical', auditSeq: signOffs[0].seq },
        { actor: LEGAL, role: 'legal', auditSeq: signOffs[1].seq },
      ],
    });
    const versions = (await eventually(async () => {
      const logged = await entries('model-version', model.version);
      return logged.length === 3 ? logged : null;
    }, "the record to log the version's three states"))!;
    expect(versions.map((e) => [e.body.data.state, e.body.data.actor])).toEqual([
      ['draft', TRAINER],
      ['approved', `${TECHNICAL} (technical), ${LEGAL} (legal)`],
      ['active', 'operator-sun'],
    ]);
    expect(versions[0].body.data.builtBy).toEqual({ kind: 'vendor', name: 'Acme Risk Analytics' });
    expect(versions[1].body.data.approvedBy).toEqual([
      { actor: TECHNICAL, role: 'technical', auditSeq: signOffs[0].seq },
      { actor: LEGAL, role: 'legal', auditSeq: signOffs[1].seq },
    ]);
    expect((await oversight<{ ok: boolean }>('POST', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('approves a colour policy on one legal sign-off by someone other than its proposer, and records a rejection', async () => {
    const policies = h.scoring.app.get(ColourPolicyService);
    const proposed = await policies.propose({ yellow: 0.25, red: 0.5 }, 'policy-author');
    const path = `/api/approvals/colour-policies/${proposed.version}`;
    await eventually(async () => (await oversight('GET', path)).status === 200, 'oversight to learn of the policy');
    await expect(policies.activate(proposed.version, 'operator-sun')).rejects.toThrow(ColourPolicyStateError);

    const sign = (actor: string, role: string, decision = 'approve') =>
      oversight<ApprovalView & { message: string }>('POST', `${path}/sign-offs`, { actor, role, decision, reasons: 'thresholds reviewed against the law' });
    expect((await sign(TECHNICAL, 'technical')).status).toBe(400);
    expect((await sign('policy-author', 'legal')).status).toBe(403);
    const granted = await sign(LEGAL, 'legal');
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ status: 'approved', required: ['legal'], proposedBy: 'policy-author' });
    await eventually(async () => (await policies.list()).find((p) => p.version === proposed.version)?.state === 'approved', 'scoring to approve the policy');
    expect((await policies.activate(proposed.version, 'operator-sun')).version).toBe(proposed.version);
    expect((await policies.active()).thresholds).toEqual({ yellow: 0.25, red: 0.5 });

    const other = await policies.propose({ yellow: 0.1, red: 0.9 }, 'policy-author');
    const otherPath = `/api/approvals/colour-policies/${other.version}`;
    await eventually(async () => (await oversight('GET', otherPath)).status === 200, 'oversight to learn of the second policy');
    const rejected = await oversight<ApprovalView>('POST', `${otherPath}/sign-offs`, {
      actor: LEGAL,
      role: 'legal',
      decision: 'reject',
      reasons: 'red at 90 % would hide most risk',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', signOffs: [{ decision: 'reject' }] });
    expect(
      (await oversight('POST', `${otherPath}/sign-offs`, { actor: 'counsel-chen', role: 'legal', decision: 'approve', reasons: 'looks fine to me' })).status,
    ).toBe(409);
    const [rejection] = await entries('approval', other.version);
    expect(rejection.body.data).toMatchObject({ outcome: 'rejected', proposedBy: 'policy-author' });
    expect((await grants()).map((g) => g.subjectRef)).toEqual([model.version, proposed.version]);
    expect((await policies.list()).find((p) => p.version === other.version)?.state).toBe('proposed');
  });

  it('lists pending and decided requests with who proposed and signed them', async () => {
    const pending = await h.scoring.app.get(ColourPolicyService).propose({ yellow: 0.3, red: 0.6 }, 'policy-author');
    await eventually(async () => (await oversight('GET', `/api/approvals/colour-policies/${pending.version}`)).status === 200, 'the third policy');
    const { status, body } = await oversight<ApprovalView[]>('GET', '/api/approvals');
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({ subjectRef: pending.version, status: 'pending', proposedBy: 'policy-author' });
    const byRef = new Map(body.map((r) => [r.subjectRef, r]));
    expect(byRef.get(model.version)).toMatchObject({ status: 'approved', proposedBy: TRAINER });
    expect(byRef.get(model.version)?.signOffs.map((s) => s.actor)).toEqual([TECHNICAL, LEGAL]);
    const onlyPending = (await oversight<ApprovalView[]>('GET', '/api/approvals?status=pending')).body;
    expect(onlyPending.every((r) => r.status === 'pending')).toBe(true);
    expect((await oversight<ApprovalView[]>('GET', '/api/approvals?kind=model-version')).body.map((r) => r.subjectRef)).toEqual([model.version]);
    expect((await oversight('GET', '/api/approvals?status=maybe')).status).toBe(400);
  });
});
