import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { generateSigningKey } from '@tianping/audit-log';
import { dropDatabase, withDatabaseName } from '@tianping/database';
import { eventually, listenTestApp, TEST_SERVER_URL } from '@tianping/testing';
import { DrawService } from '../../../apps/dispatch/src/draw/draw.service';
import { DispatchModule } from '../../../apps/dispatch/src/dispatch.module';
import { DispatchOutbox } from '../../../apps/dispatch/src/outbox/dispatch-outbox.provider';
import { ProjectionRepository as DispatchProjections } from '../../../apps/dispatch/src/projection/projection.repository';
import { OversightModule } from '../../../apps/oversight/src/oversight.module';
import { RescoreLoop } from '../../../apps/scoring/src/scores/rescore.loop';
import { ScorePublisher } from '../../../apps/scoring/src/scores/score-publisher';
import { ScoringService } from '../../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../../apps/scoring/src/training/training.service';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import { WebCoreModule } from '../../../apps/web/src/web.module';
import { snapshotOf, type DatabaseSnapshot } from '../../../tools/cli/backup/database-backup';
import { projectionsSettled, startScoringOnCity, type ScoringHarness } from '../scoring/scoring-app.harness';
import { activateWithoutOversight } from '../../../tools/bench/scoring.bench';

const AS_OF = '2026-01-01';
const CLI = join(__dirname, '..', '..', '..', 'bin', 'tianping.js');

interface CliAnswer {
  code: number;
  json: Record<string, unknown>;
  stderr: string;
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliAnswer> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, json: JSON.parse(stdout.trim().split('\n').pop()!), stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    const last = failed.stdout.trim().split('\n').pop() ?? '';
    return { code: failed.code, json: last.startsWith('{') ? JSON.parse(last) : {}, stderr: failed.stderr };
  }
}

async function snapshot(url: string): Promise<DatabaseSnapshot> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await snapshotOf(client);
  } finally {
    await client.end();
  }
}

/**
 * A city ingested, scored, logged in oversight's record and drawn by dispatch, with web accounts:
 * backed up, restored into a fresh database, and found the same, row for row, root for root.
 */
describe('backup and restore', () => {
  let h: ScoringHarness;
  let oversight: NestExpressApplication;
  let dispatch: NestExpressApplication;
  let keyFile: string;
  let backupDir: string;
  let source: DatabaseSnapshot;
  const restoredName = () => `${h.db.name}_restored`;
  const restoredUrl = () => withDatabaseName(TEST_SERVER_URL, restoredName());

  beforeAll(async () => {
    keyFile = join(mkdtempSync(join(tmpdir(), 'tianping-backup-key-')), 'audit-signing-key.pem');
    writeFileSync(keyFile, generateSigningKey().privateKeyPem, { mode: 0o600 });
    process.env.TIANPING_AUDIT_KEY_FILE = keyFile;
    h = await startScoringOnCity({ enterprises: 150, years: 3, seed: 11 });
    oversight = (await listenTestApp(OversightModule)).app;
    dispatch = (await listenTestApp(DispatchModule)).app;
    await projectionsSettled(h);

    const { model } = await h.app.get(TrainingService).train({ asOf: AS_OF, seed: 3, createdBy: 'test' });
    await activateWithoutOversight(h.app, model.version, 'test');
    const run = await h.app.get(ScoringService).scoreAll(AS_OF);
    // The enterprises intake marked changed are re-scored once a model is active: done here, so that
    // their scores are published before the apps close rather than whenever the loop's timer fires.
    const rescored = await h.app.get(RescoreLoop).rescoreDirty();
    await h.app.get(ScorePublisher).drain();
    const entries = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM oversight.audit_entries`))[0].n as number;
    await eventually(async () => (await entries()) >= run.enterprises + rescored, 'oversight to log every score', 60_000);
    // Every current score, the run's and the re-scored (an enterprise established after AS_OF is scored only as of today).
    const [{ current }] = await h.dataSource.query(`SELECT count(*)::int AS current FROM scoring.current_scores`);
    await eventually(async () => (await dispatch.get(DispatchProjections).counts()).scores === current, 'dispatch to project every score', 60_000);
    await dispatch.get(DrawService).draw({ start: '2026-01-05', end: '2026-01-09' }, 'backup-test-seed', { backfill: true });
    await dispatch.get(DispatchOutbox).relay.drain();
    const beforeDraw = await entries();
    await eventually(async () => (await entries()) > beforeDraw, 'oversight to log the draw', 30_000);

    const web = await NestFactory.createApplicationContext(WebCoreModule, { logger: ['error'] });
    await web.get(AccountsService).create({ username: 'overseer', password: 'backup-test-2026', role: 'oversight' });
    await web.close();

    // Quiet: nothing writes while the source is compared with its restored copy.
    await closeApps();
    source = await snapshot(h.db.url);
    backupDir = join(mkdtempSync(join(tmpdir(), 'tianping-backup-')), 'backup');
  }, 300_000);

  /** Closed once, before the snapshot; or here, after a set-up that failed half-way (else their timers keep jest alive). */
  let appsOpen = true;
  const closeApps = async () => {
    if (!appsOpen) return;
    appsOpen = false;
    for (const app of [dispatch, oversight, h?.app]) await app?.close();
    await h?.intake.close();
    await h?.client.close();
  };

  afterAll(async () => {
    await closeApps().catch(() => undefined);
    await dropDatabase(TEST_SERVER_URL, restoredName()).catch(() => undefined);
    await dropDatabase(TEST_SERVER_URL, `${restoredName()}_2`).catch(() => undefined);
    await h?.nats.stop();
    await h?.db.drop();
    rmSync(h.cityDir, { recursive: true, force: true });
    if (backupDir) rmSync(join(backupDir, '..'), { recursive: true, force: true });
  });

  it("starts from data in every app's schema and a signed audit record", () => {
    for (const schema of ['intake', 'scoring', 'dispatch', 'oversight', 'web']) {
      const rows = Object.entries(source.tables)
        .filter(([t]) => t.startsWith(`${schema}.`))
        .reduce((sum, [, n]) => sum + n, 0);
      expect({ schema, hasRows: rows > 0 }).toEqual({ schema, hasRows: true });
    }
    expect(source.audit.checkpoint?.treeSize).toBe(source.audit.entries);
  });

  it('backs up into a dump and a manifest of what it holds', async () => {
    const created = await cli(['backup', 'create', '--out', backupDir], { DATABASE_URL: h.db.url });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.json).toMatchObject({ command: 'backup create', tables: Object.keys(source.tables).length, audit: source.audit });
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.tables).toEqual(source.tables);
  });

  it("restores into a fresh database with every table's row count and the audit root unchanged", async () => {
    const restored = await cli(['backup', 'restore', '--from', backupDir, '--database-url', restoredUrl()], {});
    expect(restored.code).toBe(0);
    expect(restored.json).toMatchObject({
      command: 'backup restore',
      mismatches: [],
      audit: { same: true },
      resent: { 'scoring.score_outbox': source.tables['scoring.score_history'] },
    });
    const copy = await snapshot(restoredUrl());
    // The score outbox gains the ranges of the scores put back in it to resend (checked below).
    expect(copy.tables).toEqual({ ...source.tables, 'scoring.score_outbox': copy.tables['scoring.score_outbox'] });
    expect(copy.audit.checkpoint).toEqual(source.audit.checkpoint);
    expect(copy.audit.checkpoint).not.toBeNull();
  });

  it('passes audit verify on the restored database, with the same signing key', async () => {
    const verified = await cli(['audit', 'verify'], { DATABASE_URL: restoredUrl(), TIANPING_AUDIT_KEY_FILE: keyFile });
    expect(verified.code).toBe(0);
    expect(verified.json).toMatchObject({ ok: true });
  });

  it('marks recently published events unpublished, so a fresh JetStream gets what consumers may have missed', async () => {
    const restored = new Client({ connectionString: restoredUrl() });
    await restored.connect();
    try {
      const pending = async (table: string) => Number((await restored.query(`SELECT count(*) AS n FROM ${table} WHERE published_at IS NULL`)).rows[0].n);
      expect(await pending('intake.outbox')).toBe(source.tables['intake.outbox']);
      const waitingScores = await restored.query(`SELECT coalesce(sum(last_id - first_id + 1), 0)::int AS n FROM scoring.score_outbox`);
      expect(waitingScores.rows[0].n).toBe(source.tables['scoring.score_history']);
    } finally {
      await restored.end();
    }
  });

  it('refuses to restore over a database that holds tables, and a damaged dump', async () => {
    const again = await cli(['backup', 'restore', '--from', backupDir, '--database-url', restoredUrl()], {});
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);

    const damaged = join(backupDir, '..', 'damaged');
    cpSync(backupDir, damaged, { recursive: true });
    const dump = readFileSync(join(damaged, 'tianping.dump'));
    dump[Math.floor(dump.length / 2)] ^= 0xff;
    writeFileSync(join(damaged, 'tianping.dump'), dump);
    const refused = await cli(['backup', 'restore', '--from', damaged, '--database-url', withDatabaseName(TEST_SERVER_URL, `${restoredName()}_2`)], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/damaged/);
  });
});
