import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { Prng, type AppName } from '@tianping/common';
import { withDatabaseName } from '@tianping/database';
import { connectNats } from '@tianping/messaging';
import type { CityManifest } from '@tianping/synthetic-city';
import { migrateSuite } from '../cli/start/migrate';
import { BadMessageInjector, checkDeadLetters, INBOX_TARGET, type DeadLetterFigures, type InjectedMessage } from './bad-messages';
import { ChaosMonkey, dealFaults, drawFaults, type ChaosPlan, type FaultRecord } from './chaos';
import { CityFeed, cityLoads, type FeedFigures } from './city-feed';
import { startPrivateNats } from './private-nats';
import type { PrivatePostgres } from './private-postgres';
import { readSnapshot, type RunSnapshot } from './run-figures';
import { settle } from './settle';
import { staleScores, type StaleFigures } from './stale-scores';
import { SuiteCli, type CliFigures } from './suite-cli';
import { SuiteDb } from './suite-db';
import { retrying } from './wait.util';
import { SuiteProcesses, type AppExit } from './suite-processes';

export interface ScenarioSetup {
  name: string;
  root: string;
  workDir: string;
  postgres: PrivatePostgres;
  natsPort: number;
  appPorts: Record<AppName, number>;
  city: { dir: string; manifest: CityManifest };
  seed: number;
  /** Absent for the clean reference run. */
  chaos?: ChaosPlan;
  settleTimeoutMs: number;
  pace: { rowsPerPost: number; pauseMs: number };
  log: (line: string) => void;
}

export interface ScenarioResult {
  snapshot: RunSnapshot;
  stale: StaleFigures;
  deadLetters: DeadLetterFigures;
  injected: InjectedMessage[];
  faults: FaultRecord[];
  unexpectedExits: AppExit[];
  failedStarts: AppExit[];
  auditVerified: boolean;
  feed: FeedFigures;
  cli: CliFigures;
  settleSeconds: number[];
  seconds: number;
}

/** The scenario's three stretches of work; the drawn faults are dealt out over them. */
const ROUNDS = ['first load', 'training and scoring', 'second load'] as const;

/**
 * One run of the city through the whole suite, with or without faults: load the older exports,
 * settle, train (seeded, so a clean run trains the same model), approve, activate, score everything,
 * load the later exports while the model is live, settle, check re-scoring missed nothing, score
 * everything once more, settle, and read what the suite holds.
 */
export async function runScenario(setup: ScenarioSetup): Promise<ScenarioResult> {
  const started = Date.now();
  const { name, root, workDir, postgres, city, seed, log } = setup;
  const databaseUrl = withDatabaseName(postgres.url, `tianping_${name}`);
  await migrateSuite(databaseUrl);
  const nats = await startPrivateNats(join(workDir, `nats-${name}`), setup.natsPort);
  const keyFile = join(workDir, `${name}-audit-key.pem`);
  writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const suite = new SuiteProcesses(
    root,
    { databaseUrl, natsUrl: nats.url, ports: setup.appPorts, extra: { TIANPING_AUDIT_KEY_FILE: keyFile } },
    join(workDir, `${name}-apps.log`),
  );
  const db = new SuiteDb(databaseUrl);
  let nc: NatsConnection | undefined;
  try {
    nc = await connectNats(nats.url, `fault-run-${name}`);
    const natsConnection = () => nc!;
    suite.startAll();
    await suite.waitReady(180_000);
    log(`${name}: suite ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const cli = new SuiteCli(root, suite);
    const feed = new CityFeed(city.dir, suite, natsConnection, setup.pace);
    const injector = new BadMessageInjector(natsConnection, new Prng(`${seed}-bad-messages`));
    const chaosPrng = new Prng(`${seed}-chaos`);
    const rounds = dealFaults(setup.chaos ? drawFaults(setup.chaos, suite.apps, chaosPrng) : [], ROUNDS.length, chaosPrng);
    const faults: FaultRecord[] = [];
    let phase = 'start';
    const settleSeconds: number[] = [];
    const withChaos = async (round: number, work: () => Promise<void>) => {
      phase = ROUNDS[round];
      const monkey = setup.chaos ? new ChaosMonkey(rounds[round], setup.chaos, chaosPrng, { suite, postgres, nats, injector }, () => phase) : null;
      monkey?.start();
      await work();
      monkey?.hurry();
      await monkey?.finished();
      faults.push(...(monkey?.record ?? []));
      phase = `settle after ${ROUNDS[round]}`;
      await suite.waitReady(180_000);
      settleSeconds.push(await settle(db, natsConnection, setup.settleTimeoutMs));
      log(`${name}: ${ROUNDS[round]} done, settled (${settleSeconds.at(-1)!.toFixed(1)} s)`);
    };
    const loads = cityLoads(city.manifest);
    await withChaos(0, () => feed.load(loads.first));
    await withChaos(1, async () => {
      const trained = await cli.run<{ modelVersion: string }>([
        'train',
        '--as-of',
        trainingDay(city.manifest.endDate),
        '--seed',
        String(seed),
        '--by',
        'fault-run',
      ]);
      await approve(cli, db, trained.modelVersion);
      await changeState(cli, db, trained.modelVersion, 'activate', 'active');
      await cli.run(['score', '--all']);
    });
    await withChaos(2, () => feed.load(loads.second));
    const stale = await staleScores(databaseUrl);
    log(`${name}: re-scoring on change: ${stale.stale} stale, ${stale.unscored} unscored`);
    await cli.run(['score', '--all']);
    await suite.waitReady(180_000);
    settleSeconds.push(await settle(db, natsConnection, setup.settleTimeoutMs));
    const verify = await fetch(`http://127.0.0.1:${suite.port('oversight')}/api/audit/verify`, { method: 'POST', signal: AbortSignal.timeout(120_000) });
    const verified = (await verify.json()) as { ok?: boolean };
    const snapshot = await readSnapshot(
      db,
      injector.injected.filter((m) => m.subject === INBOX_TARGET).map((m) => `nats:${m.subject}#${m.seq}`),
    );
    const deadLetters = await checkDeadLetters(nc, injector.injected);
    return {
      snapshot,
      stale,
      deadLetters,
      injected: injector.injected,
      faults,
      unexpectedExits: suite.unexpectedExits,
      failedStarts: suite.failedStarts,
      auditVerified: verified.ok === true,
      feed: feed.figures,
      cli: cli.figures,
      settleSeconds,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    throw new Error(`${name} run: ${(error as Error).message} (apps' output: ${join(workDir, `${name}-apps.log`)})`, { cause: error });
  } finally {
    await suite.stopAll().catch(() => undefined);
    await nc?.close().catch(() => undefined);
    await db.close();
    await nats.stop();
  }
}

/**
 * Four eyes in oversight: a technical and a legal sign-off by two people other than the trainer, then
 * scoring applies the grant. A sign-off whose cut-off attempt already took effect counts as done.
 */
async function approve(cli: SuiteCli, db: SuiteDb, version: string): Promise<void> {
  for (const role of ['technical', 'legal']) {
    const signed = async () => {
      const [row] = await db.query<{ actor: string }>(
        `SELECT actor FROM oversight.sign_offs WHERE subject_kind = 'model-version' AND subject_ref = $1 AND role = $2`,
        [version, role],
      );
      return row ? { version, role } : null;
    };
    // Oversight must first have heard of the proposal (scoring's event): until then signing fails and is retried.
    await cli.run(
      ['approval', 'sign', 'model', version, '--actor', `fault-${role}-reviewer`, '--role', role, '--decision', 'approve', '--reasons', 'fault run: reviewed'],
      { done: signed },
    );
  }
  await retrying('scoring to apply the grant', async () => {
    const [row] = await db.query<{ state: string }>(`SELECT state FROM scoring.model_versions WHERE version = $1`, [version]);
    if (row?.state !== 'approved' && row?.state !== 'active') throw new Error(`model ${version} is ${row?.state ?? 'unknown'}`);
  });
}

/** activate through the CLI; if a cut-off attempt already took effect, that counts as done. */
async function changeState(cli: SuiteCli, db: SuiteDb, version: string, verb: 'activate', state: 'active'): Promise<void> {
  const reached = async () => {
    const [row] = await db.query<{ state: string }>(`SELECT state FROM scoring.model_versions WHERE version = $1`, [version]);
    const order = ['draft', 'approved', 'active'];
    return row && order.indexOf(row.state) >= order.indexOf(state) ? { version, state: row.state } : null;
  };
  await cli.run(['model', verb, version, '--by', 'fault-run'], { done: reached });
}

export const injectedIntoInbox = (injected: InjectedMessage[]) => injected.filter((m) => m.subject === INBOX_TARGET).length;

/**
 * Trains on the first load's years: its case files end a year before the city does but for a few late
 * stragglers, and a model whose validation months held those few alone could not be activated.
 */
function trainingDay(cityEnd: string): string {
  const day = new Date(`${cityEnd}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() - 1);
  return day.toISOString().slice(0, 10);
}
