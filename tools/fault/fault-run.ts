import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { AppName } from '@tianping/common';
import { generateCity, type CityManifest } from '@tianping/synthetic-city';
import { freePorts } from '@tianping/testing';
import { SUITE_APPS } from '../cli/apps.registry';
import { printResult, runCommand } from '../cli/output.util';
import type { BadKind } from './bad-messages';
import type { ChaosPlan } from './chaos';
import { startPrivatePostgres } from './private-postgres';
import { accounting, compareRuns } from './run-figures';
import { injectedIntoInbox, runScenario, type ScenarioResult } from './scenario';
import { sleep, waitForSameChinaDay } from './wait.util';

const ROOT = resolve(__dirname, '..', '..');

interface FaultProfile {
  enterprises: number;
  years: number;
  pace: { rowsPerPost: number; pauseMs: number };
  chaos: ChaosPlan;
  settleTimeoutMs: number;
  /** Both runs must fall within one China day: a start closer than this to midnight waits for it. */
  sameDayMinutes: number;
}

/** Short: what CI runs after the tests. Long: a bigger city and many more faults, on demand. */
const PROFILES: Record<'short' | 'long', FaultProfile> = {
  short: {
    enterprises: 300,
    years: 3,
    pace: { rowsPerPost: 40, pauseMs: 150 },
    chaos: { kills: 3, postgresRestarts: 1, natsRestarts: 1, badMessages: 12, gapMs: [500, 3000], downMs: [300, 2000] },
    settleTimeoutMs: 150_000,
    sameDayMinutes: 20,
  },
  long: {
    enterprises: 3000,
    years: 4,
    pace: { rowsPerPost: 300, pauseMs: 200 },
    chaos: { kills: 12, postgresRestarts: 2, natsRestarts: 2, badMessages: 45, gapMs: [1000, 6000], downMs: [300, 4000] },
    settleTimeoutMs: 300_000,
    sameDayMinutes: 120,
  },
};

interface FaultOptions {
  long?: boolean;
  seed: string;
  ports?: string;
  pgPort?: string;
  keep?: boolean;
}

export function registerFaultCommand(program: Command): void {
  program
    .command('fault')
    .description(
      'ingest and score a generated city while killing apps and restarting PostgreSQL and NATS; compare with a clean run (private PostgreSQL and NATS)',
    )
    .option('--long', 'a bigger city and more faults (default: the short form CI runs)')
    .option('--seed <n>', 'seed of the city, the model and the faults', '1')
    .option('--ports <first>', 'first of 7 TCP ports for NATS (2) and the apps (5); default: free ports')
    .option('--pg-port <port>', 'port of the private PostgreSQL; default: a free port')
    .option('--keep', 'keep the work directory (logs, databases) for a look afterwards')
    .action((opts: FaultOptions) => runCommand(() => faultRun(opts)));
}

async function ports(opts: FaultOptions): Promise<{ pg: number; natsClean: number; natsFault: number; apps: Record<AppName, number> }> {
  const first = opts.ports ? Number(opts.ports) : null;
  const free = await freePorts(3 + SUITE_APPS.length);
  const next = (i: number) => (first ? first + i : free[i]);
  const apps = {} as Record<AppName, number>;
  for (const [i, app] of SUITE_APPS.entries()) apps[app.name] = next(2 + i);
  const pg = opts.pgPort ? Number(opts.pgPort) : free[2 + SUITE_APPS.length];
  return { pg, natsClean: next(0), natsFault: next(1), apps };
}

async function faultRun(opts: FaultOptions): Promise<number> {
  const started = Date.now();
  const profileName = opts.long ? 'long' : 'short';
  const profile = PROFILES[profileName];
  const seed = Number(opts.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const workDir = mkdtempSync(join(tmpdir(), 'tianping-fault-'));
  const log = (line: string) => process.stderr.write(`[fault ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
  const wait = waitForSameChinaDay(Date.now(), profile.sameDayMinutes);
  if (wait > 0) {
    log(`the China day turns in ${Math.ceil(wait / 1000)} s: waiting, so that both runs score as of the same day`);
    await sleep(wait);
  }
  const port = await ports(opts);
  log(`work directory ${workDir}; PostgreSQL on ${port.pg}, NATS on ${port.natsClean} (clean) and ${port.natsFault} (faults)`);
  const postgres = await startPrivatePostgres(port.pg);
  let keep = !!opts.keep;
  try {
    const cityDir = join(workDir, 'city');
    const manifest = await generateCity({ enterprises: profile.enterprises, years: profile.years, seed, outDir: cityDir });
    log(`city of ${profile.enterprises} enterprises: ${manifest.files.reduce((n, f) => n + f.rows, 0)} records in ${manifest.files.length} files`);
    const common = {
      root: ROOT,
      workDir,
      postgres,
      appPorts: port.apps,
      city: { dir: cityDir, manifest },
      seed,
      settleTimeoutMs: profile.settleTimeoutMs,
      pace: profile.pace,
      log,
    };
    const clean = await runScenario({ ...common, name: 'clean', natsPort: port.natsClean });
    log(`clean run done in ${clean.seconds.toFixed(0)} s`);
    const fault = await runScenario({ ...common, name: 'fault', natsPort: port.natsFault, chaos: profile.chaos });
    log(`faulted run done in ${fault.seconds.toFixed(0)} s`);
    const result = figures(profileName, seed, manifest, clean, fault, (Date.now() - started) / 1000);
    keep ||= !result.ok;
    printResult({ ...result, workDir: keep ? workDir : null, postgresDir: keep ? postgres.dir : null });
    return result.ok ? 0 : 1;
  } catch (error) {
    keep = true;
    throw new Error(`${(error as Error).message} (kept: ${workDir}, ${postgres.dir})`, { cause: error });
  } finally {
    await postgres.stop(!keep);
    if (!keep) rmSync(workDir, { recursive: true, force: true });
  }
}

function figures(profile: string, seed: number, manifest: CityManifest, clean: ScenarioResult, fault: ScenarioResult, seconds: number) {
  const manifestAccounting = accounting(fault.snapshot, manifest);
  const comparison = compareRuns(fault.snapshot, clean.snapshot);
  const s = fault.snapshot;
  const duplicates = {
    repeatedKeys: s.repeatedKeys,
    scoreRowsTwiceInRun: s.scoreRowsTwiceInRun,
    scoresLoggedTwice: s.audit.scoreEntries - s.audit.distinctScoresLogged,
    scoresNotLogged: s.scoreHistoryRows - s.audit.distinctScoresLogged,
    eventKeysRepeated: s.audit.eventKeys - s.audit.distinctEventKeys,
  };
  const byKind = (kind: BadKind) => fault.injected.filter((m) => m.kind === kind).length;
  const checks = {
    accounting: Object.values(manifestAccounting).every((a) => a.ok) && s.injectedQuarantined === injectedIntoInbox(fault.injected),
    sameAsClean: Object.values(comparison.tables).every((t) => t.missing + t.extra + t.different === 0),
    sameModel: comparison.sameModel,
    scoresMatch: comparison.scores.different + comparison.scores.missing + comparison.scores.extra === 0 && comparison.scores.compared > 0,
    noDuplicateEffects:
      Object.keys(duplicates.repeatedKeys).length === 0 &&
      duplicates.scoreRowsTwiceInRun + duplicates.scoresLoggedTwice + duplicates.scoresNotLogged + duplicates.eventKeysRepeated === 0,
    rescoringMissedNothing: fault.stale.stale + fault.stale.unscored === 0,
    deadLettersExact:
      fault.deadLetters.matched === fault.deadLetters.expected && fault.deadLetters.unexpected.length === 0 && fault.deadLetters.duplicates === 0,
    dispatchAgreesWithScoring: s.dispatchScoreDisagreements === 0,
    auditVerified: fault.auditVerified,
    noCrashes: fault.unexpectedExits.length === 0,
    cleanRunClean: clean.deadLetters.found === 0 && clean.unexpectedExits.length === 0 && clean.stale.stale + clean.stale.unscored === 0 && clean.auditVerified,
  };
  return {
    command: 'fault',
    profile,
    seed,
    ok: Object.values(checks).every(Boolean),
    checks,
    faults: {
      executed: fault.faults.length,
      kills: fault.faults.filter((f) => f.fault.startsWith('kill')).length,
      log: fault.faults.map((f) => `${f.at}s ${f.fault} (${f.phase})`),
    },
    unexpectedExits: fault.unexpectedExits,
    failedStarts: fault.failedStarts.map((e) => `${e.app} at ${e.at}: ${e.lastError}`),
    accounting: manifestAccounting,
    duplicates,
    scores: { ...comparison.scores, model: s.activeModel?.version ?? null, sameModel: comparison.sameModel },
    tablesVsClean: Object.fromEntries(Object.entries(comparison.tables).filter(([, t]) => t.missing + t.extra + t.different > 0)),
    rescoring: fault.stale,
    injected: {
      total: fault.injected.length,
      notJson: byKind('not-json'),
      wrongSchema: byKind('wrong-schema'),
      oversized: byKind('oversized'),
      intoInbox: injectedIntoInbox(fault.injected),
      quarantined: s.injectedQuarantined,
    },
    deadLetters: fault.deadLetters,
    dispatchScoreDisagreements: s.dispatchScoreDisagreements,
    retries: { posts: fault.feed.postRetries, pushes: fault.feed.pushRetries, cli: fault.cli.retries },
    settleSeconds: fault.settleSeconds,
    seconds: { clean: Math.round(clean.seconds), fault: Math.round(fault.seconds), total: Math.round(seconds) },
  };
}
