import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generateCity, type CityManifest } from '@tianping/synthetic-city';
import { IngestService, type FileReport } from '../../../apps/intake/src/ingest/ingest.service';
import { accountedFor } from '../../../apps/intake/src/ingest/ingest-counts';
import { startIntake, type IntakeHarness } from './intake-app.harness';

/** A generated city with bad rows, repeats and late older versions: every record must be accounted for. */
describe('intake on a generated city', () => {
  let intake: IntakeHarness;
  let dir: string;
  let manifest: CityManifest;
  let reports: FileReport[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tianping-city-'));
    manifest = await generateCity({ enterprises: 400, years: 3, seed: 11, outDir: dir, badShare: 0.05, repeatShare: 0.1 });
    intake = await startIntake();
    reports = await intake.app.get(IngestService).ingestDirectory(dir);
  });
  afterAll(async () => {
    await intake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['subjects', 'cases', 'officers', 'clues'] as const)('reports %s exactly as the generator expects', (kind) => {
    const expected = manifest.expected[kind];
    const got = reports.filter((r) => r.kind === kind).map((r) => r.counts);
    const sum = (key: keyof (typeof got)[number]) => got.reduce((n, c) => n + c[key], 0);
    expect({
      rows: sum('read'),
      distinct: sum('inserted'),
      newerVersions: sum('updated'),
      duplicates: sum('duplicate'),
      staleVersions: sum('stale'),
      invalid: sum('quarantined') + sum('quarantinedAgain'),
    }).toEqual({
      rows: expected.rows,
      distinct: expected.distinct,
      newerVersions: expected.newerVersions,
      duplicates: expected.duplicates,
      staleVersions: expected.staleVersions,
      invalid: expected.invalid,
    });
    for (const c of got) expect(accountedFor(c)).toBe(true);
  });

  it('reads every export the manifest lists, and nothing else: the hidden truth is in a folder of its own', () => {
    expect(reports.map((r) => basename(r.file)).sort()).toEqual(manifest.files.map((f) => f.path).sort());
    expect(readdirSync(join(dir, 'truth')).sort()).toEqual(
      Object.values(manifest.truth)
        .map((path) => basename(path))
        .sort(),
    );
  });

  it('keeps the newest version of every subject, whatever order the exports came in', async () => {
    const [{ count }] = await intake.dataSource.query(`SELECT count(*)::int AS count FROM intake.subjects`);
    expect(count).toBe(manifest.expected.subjects.distinct);
    const reingest = await intake.app.get(IngestService).ingestDirectory(dir);
    for (const report of reingest) expect(report.counts.inserted + report.counts.updated + report.counts.quarantined).toBe(0);
  });

  it('never links a clue to the wrong enterprise, and links those the truth says can be linked', async () => {
    const truth = readFileSync(join(dir, manifest.truth.clues), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const rows: { clue_id: string; linked_credit_code: string | null }[] = await intake.dataSource.query(
      `SELECT clue_id, linked_credit_code FROM intake.clues`,
    );
    const linked = new Map(rows.map((r) => [r.clue_id, r.linked_credit_code]));
    let wrong = 0;
    let linkable = 0;
    let found = 0;
    for (const [clueId, creditCode, link] of truth) {
      if (!linked.has(clueId)) continue; // an invalid line, held in quarantine
      const got = linked.get(clueId);
      if (got && got !== creditCode) wrong++;
      if (link === 'code' || link === 'name') {
        linkable++;
        if (got === creditCode) found++;
      }
    }
    expect(wrong).toBe(0);
    expect(found / linkable).toBeGreaterThan(0.95);
  });
});
