import { createHash } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { canonicalJson, verifyReceipt, type Receipt } from '@tianping/audit-log';
import { DispatchSubjects, IntakeSubjects, ScoringSubjects } from '@tianping/contracts';
import { connectNats } from '@tianping/messaging';
import { AuditReportsRepository } from '../../../apps/oversight/src/audits/audit-reports.repository';
import { derivePublicCopy } from '../../../apps/oversight/src/audits/public-audit-reports.service';
import { AuditLogService } from '../../../apps/oversight/src/record/audit-log.service';
import { baselineScores, currentScores, drawEvent, PERIOD, subjectsEvent, visitResults } from './audit-city.fixture';
import { auditsSettled, publishAuditCity, publisher } from './audit-city.publish';
import { getJson, startOversight, type OversightHarness } from './oversight-app.harness';

type Share = { count: number; total: number; rate: number } | null;
interface Group {
  group: string;
  population: number | null;
  selectionRate: Share;
  flaggedRate: Share;
  violationFoundRate: Share;
  sample: { inspections: number | null; observed: Share; truePositiveRate: Share; falsePositiveRate: Share };
  withheld?: Record<string, string>;
}
interface Fairness {
  overall: Group;
  dimensions: { dimension: string; groups: Group[]; gaps: { highest: { group: string } | null; lowest: { group: string } | null }[] }[];
}
interface Summary {
  id: string;
  sha256: string;
  auditSeq: number;
  publication: { auditSeq: number } | null;
}
interface PublicReport {
  id: string;
  sha256: string;
  reportSha256: string;
  publication: { auditSeq: number; minGroupSize: number; publicCopySeq: number };
  headline: unknown;
  report: { format: string; fairness: Fairness; disclosure: { minGroupSize: number; reportSha256: string }; headline: unknown };
}
interface Entry {
  seq: number;
  kind: string;
  subjectRef: string;
  body: { data: Record<string, unknown> };
}

/** One enterprise in a district of its own (440699): red, drawn at random, inspected, a violation found. */
const LONE = '91440699MA00000001';
const K = 10;
const district = (f: Fairness) => f.dimensions.find((d) => d.dimension === 'district')!;
const lone = (f: Fairness) => district(f).groups.find((g) => g.group === '440699')!;
const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** Counts a reader could add up per family, to subtract from the overall figure. */
const FAMILY_COUNTS: Record<string, (g: Group) => number[]> = {
  population: (g) => [g.population!, g.selectionRate!.count, g.flaggedRate!.count],
  inspections: (g) => [g.violationFoundRate!.total, g.violationFoundRate!.count],
  sample: (g) => [g.sample.inspections!, g.sample.observed!.count],
};

describe('publishing an audit report withholds groups of fewer than k enterprises', () => {
  let h: OversightHarness;
  let nc: NatsConnection;
  const post = (path: string, body: unknown) =>
    fetch(`${h.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const makeReport = async () => ((await (await post('/api/audits/reports', { ...PERIOD, actor: 'officer-audit' })).json()) as Summary).id;

  beforeAll(async () => {
    h = await startOversight();
    nc = await connectNats(h.nats.url, 'oversight-publication-test');
    const publish = publisher(nc);
    await publishAuditCity(publish);
    const [subject] = subjectsEvent().records;
    await publish(IntakeSubjects.subjectsUpserted, { batchId: 'lone', records: [{ ...subject, creditCode: LONE, regionCode: '440699001' }] }, 'lone-subject');
    for (const [batch, scores] of [
      ['lone-baseline', baselineScores()],
      ['lone-current', currentScores()],
    ] as const) {
      await publish(ScoringSubjects.scoresComputed, { batchId: batch, scores: [{ ...scores.scores[0], scoreId: `${batch}-1`, creditCode: LONE }] }, batch);
    }
    const draw = drawEvent();
    await publish(
      DispatchSubjects.drawCompleted,
      {
        ...draw,
        drawId: '6f1c2a40-0000-4000-8000-000000000099',
        at: '2026-01-29T00:00:00.000Z',
        tasks: [{ department: 'SAMR', creditCode: LONE, reason: 'exploration' }],
      },
      'lone-draw',
    );
    await publish(DispatchSubjects.visitResultRecorded, { ...visitResults()[0], visitId: 'visit-lone', creditCode: LONE }, 'lone-visit');
    expect(await auditsSettled(nc)).toBe(true);
  });

  afterAll(async () => {
    await nc?.drain();
    await h?.close();
  });

  it('publishes no figure of a one-enterprise district and none that subtraction gives back, while officers see it all, marked', async () => {
    const id = await makeReport();
    // Before publishing, officers see what publishing now would withhold.
    const { body: preview } = await getJson<{ publicWithheld: { stored: boolean; groups: Record<string, Record<string, unknown>> } }>(
      `${h.baseUrl}/api/audits/reports/${id}`,
    );
    expect(preview.publicWithheld.stored).toBe(false);
    expect(Object.keys(preview.publicWithheld.groups.district)).toContain('440699');
    expect((await post(`/api/audits/reports/${id}/publish`, { actor: 'officer-audit' })).status).toBe(201);

    const { body: inside } = await getJson<{
      report: { fairness: Fairness };
      publicWithheld: { stored: boolean; minGroupSize: number; groups: Record<string, Record<string, Record<string, string>>> };
    }>(`${h.baseUrl}/api/audits/reports/${id}`);
    expect(lone(inside.report.fairness)).toMatchObject({
      population: 1,
      selectionRate: { count: 1, total: 1 },
      flaggedRate: { count: 1 },
      violationFoundRate: { count: 1, total: 1 },
    });
    expect(inside.publicWithheld).toMatchObject({ stored: true, minGroupSize: K });
    expect(inside.publicWithheld.groups.district['440699']).toMatchObject({ population: 'under-k', inspections: 'under-k', sample: 'under-k' });

    const { body: outside } = await getJson<PublicReport>(`${h.baseUrl}/api/public/audit-reports/${id}`);
    // The public copy and its envelope, never the full report's text beside it (it holds the lone district's figures).
    const envelope = ['auditSeq', 'createdAt', 'headline', 'id', 'period', 'publication', 'report', 'reportSha256', 'sha256', 'trigger'];
    expect(Object.keys(outside).sort()).toEqual(envelope);
    // Its headline is the public copy's, read from what is published: no withheld group's figure in it.
    expect(outside.headline).toEqual(outside.report.headline);
    expect(JSON.stringify(outside.headline)).not.toContain('440699');
    const fairness = outside.report.fairness;
    expect(lone(fairness)).toMatchObject({
      population: null,
      selectionRate: null,
      flaggedRate: null,
      violationFoundRate: null,
      sample: { inspections: null, observed: null },
    });
    // Subtraction from the overall gives the withheld districts only together, and together they count k or more.
    for (const [family, counts] of Object.entries(FAMILY_COUNTS)) {
      if (fairness.overall.withheld?.[family]) continue;
      const hidden = district(fairness).groups.filter((g) => g.withheld?.[family]);
      const published = district(fairness).groups.filter((g) => !g.withheld?.[family]);
      expect(hidden.map((g) => g.group)).toContain('440699');
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      const left = counts(fairness.overall)[0] - published.reduce((s, g) => s + counts(g)[0], 0);
      expect(left).toBeGreaterThanOrEqual(K);
    }
    // No gap or headline names it, and the register (public) neither.
    expect(JSON.stringify(fairness.dimensions.flatMap((d) => d.gaps))).not.toContain('440699');
    const { body: register } = await getJson<unknown>(`${h.baseUrl}/api/register`);
    expect(JSON.stringify(register)).not.toContain('440699');
  });

  it("logs the public bytes' sha256 and k in the publication's record entry, which a receipt proves, and publishes once", async () => {
    const id = await makeReport();
    expect((await post(`/api/audits/reports/${id}/publish`, { actor: 'officer-audit' })).status).toBe(201);
    expect((await post(`/api/audits/reports/${id}/publish`, { actor: 'officer-audit' })).status).toBe(409);
    const { body: outside } = await getJson<PublicReport>(`${h.baseUrl}/api/public/audit-reports/${id}`);
    expect(sha256(outside.report)).toBe(outside.sha256);
    expect(outside.publication).toMatchObject({ minGroupSize: K, publicCopySeq: outside.publication.auditSeq });

    const { body: entry } = await getJson<Entry>(`${h.baseUrl}/api/audit/entries/${outside.publication.auditSeq}`);
    expect(entry).toMatchObject({ kind: 'algorithm-audit-publication', subjectRef: id });
    expect(entry.body.data).toMatchObject({ publicSha256: outside.sha256, minGroupSize: K, sha256: outside.reportSha256 });
    const { body: receipt } = await getJson<Receipt>(`${h.baseUrl}/api/audit/receipts/${outside.publication.auditSeq}`);
    const { body: key } = await getJson<{ publicKeyPem: string }>(`${h.baseUrl}/api/audit/public-key`);
    expect(verifyReceipt(receipt, key.publicKeyPem).ok).toBe(true);
    expect(JSON.parse(receipt.entry.bodyJson).data.publicSha256).toBe(sha256(outside.report));
    // Whoever holds the full report (oversight, an auditor) derives the same bytes from it and k.
    const stored = await h.app.get(AuditReportsRepository).find(id);
    expect(derivePublicCopy(stored!, K).sha256).toBe(outside.sha256);
    expect(outside.report.disclosure.reportSha256).toBe(stored!.sha256);
    // The register names the latest published report by the public copy's hash and the entry that logged that hash.
    const { body: register } = await getJson<{ monitoring: { facts: { latestPublishedReport: { id: string; sha256: string; auditSeq: number } } } }>(
      `${h.baseUrl}/api/register`,
    );
    const named = register.monitoring.facts.latestPublishedReport;
    expect(named).toMatchObject({ id, sha256: outside.sha256 });
    const { body: namedEntry } = await getJson<Entry>(`${h.baseUrl}/api/audit/entries/${named.auditSeq}`);
    expect(namedEntry.body.data).toMatchObject({ reportId: id, publicSha256: named.sha256 });

    await expect(h.dataSource.query(`UPDATE oversight.audit_report_public_copies SET body_json = '{}'`)).rejects.toThrow(/append-only/);
    const { body: verified } = await getJson<{ ok: boolean }>(`${h.baseUrl}/api/audit/verify`, { method: 'POST' });
    expect(verified.ok).toBe(true);
  });

  it('gives a report published before public copies its copy when first asked, logged once, and never serves it whole', async () => {
    const id = await makeReport();
    // Published the old way: the publication's entry and row, no public copy.
    const report = (await h.app.get(AuditReportsRepository).find(id))!;
    await h.dataSource.transaction(async (manager) => {
      const publishedAt = new Date().toISOString();
      const data = { reportId: id, sha256: report.sha256, publishedBy: 'officer-audit', publishedAt };
      const seq = await h.app.get(AuditLogService).append('algorithm-audit-publication', id, data, { eventKey: `algorithm-audit-publication:${id}`, manager });
      await manager.query(`INSERT INTO oversight.audit_report_publications (report_id, published_by, published_at, audit_seq) VALUES ($1, $2, $3, $4)`, [
        id,
        'officer-audit',
        publishedAt,
        seq,
      ]);
    });

    const { status, body: first } = await getJson<PublicReport>(`${h.baseUrl}/api/public/audit-reports/${id}`);
    expect(status).toBe(200);
    expect(first.report.format).toBe('tianping.algorithm-audit.public.v1');
    expect(lone(first.report.fairness).population).toBeNull();
    expect(first.sha256).not.toBe(report.sha256);
    const copies = async () => (await getJson<Entry[]>(`${h.baseUrl}/api/audit/entries?kind=algorithm-audit-public-copy&subjectRef=${id}`)).body;
    const [logged] = await copies();
    expect(logged.body.data).toMatchObject({ reportId: id, sha256: report.sha256, publicSha256: first.sha256, minGroupSize: K });
    expect(first.publication.publicCopySeq).toBe(logged.seq);

    const { body: again } = await getJson<PublicReport>(`${h.baseUrl}/api/public/audit-reports/${id}`);
    const { body: list } = await getJson<PublicReport[]>(`${h.baseUrl}/api/public/audit-reports`);
    expect(again.sha256).toBe(first.sha256);
    expect(list.find((r) => r.id === id)?.sha256).toBe(first.sha256);
    expect(await copies()).toHaveLength(1);
  });
});
