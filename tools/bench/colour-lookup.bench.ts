import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { startAppProcess, type AppProcess } from '@tianping/testing';
import { ScoringCoreModule } from '../../apps/scoring/src/scoring.module';
import { ScoringService } from '../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../apps/scoring/src/training/training.service';
import { AccountsService } from '../../apps/web/src/accounts/accounts.service';
import { WebCoreModule } from '../../apps/web/src/web.module';
import { cpuSeconds, hammer, type LoadFigures } from './load.util';
import { withBenchServices } from './bench-env.util';
import { pacedAgent, pacedFloor, pacedLoad, type PacedFigures, type PacedTarget } from './paced-load.util';
import { activateWithoutOversight, loadProjections, oneCandidateSpec } from './scoring.bench';

const AS_OF = '2026-06-30';
/** Enterprises scored for real (projections, a trained model, a full run); the rest are copies of their scores. */
const SCORED = 20_000;
const READER = { username: 'bench-reader', password: 'bench-reader-2026', role: 'department' as const, department: 'SAMR' };

/**
 * The enterprise colour lookup (GET /api/scores/:creditCode) with `enterprises` scores held, at fixed
 * request rates (each in turn): straight to the scoring app, and through the web gateway as a
 * signed-in bureau officer (session check, forwarding). Both apps run as their own processes, as
 * deployed. Each rate is held evenly (one request every 1/rate s, open loop); autocannon's
 * `overallRate` run is kept beside it for comparison (it sends each second's budget in a burst).
 */
export async function colourLookupBench(enterprises: number, seconds: number, rates: number[]): Promise<Record<string, unknown>> {
  return withBenchServices('colour_lookup', async ({ databaseUrl, nats }) => {
    const loadStarted = performance.now();
    await prepareScores(enterprises);
    await createReader();
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const env = { DATABASE_URL: databaseUrl, NATS_URL: nats.url, LOG_FORMAT: 'json' };
    const started: AppProcess[] = [];
    try {
      const scoring = await startAppProcess('scoring', env);
      started.push(scoring);
      const web = await startAppProcess('web', { ...env, PORT_SCORING: String(scoring.port) });
      started.push(web);
      const cookie = await signIn(web.baseUrl);
      const path = () => `/api/scores/BENCH${String(1 + Math.floor(Math.random() * enterprises)).padStart(13, '0')}`;
      const runs = [];
      for (const rate of rates) {
        const loadBefore = loadavg()[0];
        const direct = await measure({ url: scoring.baseUrl, path, rate, seconds }, { scoring });
        const viaWeb = await measure({ url: web.baseUrl, path, rate, seconds, headers: { cookie } }, { scoring, web });
        const autocannon = {
          direct: await hammer({ url: scoring.baseUrl, path, rate, seconds }),
          viaWeb: await hammer({ url: web.baseUrl, path, rate, seconds, headers: { cookie } }),
        };
        const floor = await pacedFloor(rate, Math.min(seconds, 10));
        const loadAverage = [round1(loadBefore), round1(loadavg()[0])];
        runs.push({
          rate,
          direct,
          viaWeb,
          meetsTarget: { direct: meets(direct, rate), viaWeb: meets(viaWeb, rate) },
          floor,
          autocannon,
          loadAverage,
          cpuPressure: cpuPressure(),
        });
        process.stderr.write(`${JSON.stringify(runs[runs.length - 1])}\n`);
      }
      const summary = runs.map(({ rate, direct, viaWeb, meetsTarget, floor, autocannon, loadAverage, cpuPressure }) => ({
        rate,
        direct: headline(direct),
        viaWeb: headline(viaWeb),
        meetsTarget,
        floor: headline(floor),
        autocannonP99: { direct: autocannon.direct.p99, viaWeb: autocannon.viaWeb.p99 },
        loadAverage,
        cpuPressure,
      }));
      return {
        bench: 'colour-lookup',
        enterprises,
        seconds,
        target: { rps: 500, p99Ms: 50 },
        summary,
        runs,
        loadSeconds: Math.round(loadSeconds),
        cpus: availableParallelism(),
        loadAverage: loadavg().map(round1),
      };
    } finally {
      for (const app of started.reverse()) await app.stop();
    }
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Linux's share of the last 10 s in which some runnable task waited for a CPU (%): how starved the machine was. */
function cpuPressure(): number | null {
  try {
    const found = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return found ? Number(found[1]) : null;
  } catch {
    return null;
  }
}

function headline(figures: PacedFigures) {
  return {
    rps: figures.rps,
    p50: figures.p50,
    p97_5: figures.p97_5,
    p99: figures.p99,
    errors: figures.errors + figures.timeouts,
    non2xx: figures.non2xx,
    secondsWithSlowRequests: figures.slowSeconds.length,
  };
}

/**
 * One warmed-up run, with the CPU each app spent per request: a figure that other work on the
 * machine disturbs far less than latency does.
 */
async function measure(target: PacedTarget, apps: Record<string, AppProcess>): Promise<PacedFigures & { cpuMsPerRequest: Record<string, number> }> {
  // A few seconds at the rate itself, unmeasured, on the connections the run then uses: JIT, the
  // connection pools (the generator's and the gateway's) and caches warm up, as in steady use.
  const agent = pacedAgent(target.maxSockets);
  try {
    await pacedLoad({ ...target, agent, seconds: 3 });
    const before = await Promise.all(Object.values(apps).map((app) => cpuSeconds(app.baseUrl)));
    const figures = await pacedLoad({ ...target, agent });
    const after = await Promise.all(Object.values(apps).map((app) => cpuSeconds(app.baseUrl)));
    const cpuMsPerRequest = Object.fromEntries(
      Object.keys(apps).map((name, i) => [name, Math.round(((after[i] - before[i]) * 1000 * 100) / Math.max(1, figures.requests)) / 100]),
    );
    return { ...figures, cpuMsPerRequest };
  } finally {
    agent.destroy();
  }
}

function meets(figures: PacedFigures | LoadFigures, rate: number): boolean {
  return figures.p99 <= 50 && figures.errors === 0 && figures.timeouts === 0 && figures.non2xx === 0 && figures.rps >= rate * 0.95;
}

/**
 * SCORED enterprises scored by the real pipeline, then their score rows copied (in SQL, in bulk)
 * to reach `enterprises` current scores, none left in the score outbox so the app has nothing to send.
 */
async function prepareScores(enterprises: number): Promise<void> {
  Logger.overrideLogger(['error']);
  const app = await NestFactory.createApplicationContext(ScoringCoreModule, { logger: ['error'] });
  try {
    const db = app.get(DataSource);
    await loadProjections(db, Math.min(SCORED, enterprises));
    const trained = await app.get(TrainingService).train({ asOf: AS_OF, seed: 1, createdBy: 'bench', spec: oneCandidateSpec() });
    await activateWithoutOversight(app, trained.model.version);
    await app.get(ScoringService).scoreAll(AS_OF);
    // Every code BENCH…1 to BENCH…n gets a score: the unscored (closed) among the first ones too.
    await db.query(
      `WITH src AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, * FROM scoring.score_history), m AS (SELECT count(*)::int AS n FROM src)
       INSERT INTO scoring.score_history (run_id, credit_code, as_of, probability, logit, colour, contributions, factor_values)
       SELECT h.run_id, g.code, h.as_of, h.probability, h.logit, h.colour, h.contributions, h.factor_values
       FROM (SELECT i, 'BENCH' || lpad(i::text, 13, '0') AS code FROM generate_series(1, $1::int) AS i) g
       JOIN src h ON h.k = g.i % (SELECT n FROM m)
       WHERE NOT EXISTS (SELECT 1 FROM scoring.current_scores c WHERE c.credit_code = g.code)`,
      [enterprises],
    );
    await db.query(
      `INSERT INTO scoring.current_scores (credit_code, score_id, run_id, as_of, probability, colour)
       SELECT credit_code, id, run_id, as_of, probability, colour FROM scoring.score_history h
       WHERE NOT EXISTS (SELECT 1 FROM scoring.current_scores c WHERE c.credit_code = h.credit_code)`,
    );
    await db.query(`DELETE FROM scoring.score_outbox`);
    await db.query(`VACUUM ANALYZE scoring.score_history`);
    await db.query(`VACUUM ANALYZE scoring.current_scores`);
    // Settled, as the scoring bench measures: the load's dirty pages are written now, not by a
    // checkpoint falling inside the measured seconds.
    await db.query(`CHECKPOINT`);
  } finally {
    await app.close();
  }
}

async function createReader(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WebCoreModule, { logger: ['error'] });
  try {
    await app.get(AccountsService).create(READER);
  } finally {
    await app.close();
  }
}

async function signIn(webUrl: string): Promise<string> {
  const response = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: READER.username, password: READER.password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0];
}

if (require.main === module) {
  colourLookupBench(Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 20), (process.argv[4] ?? '500').split(',').map(Number))
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`bench failed: ${error.message}\n`);
      process.exitCode = 1;
    });
}
