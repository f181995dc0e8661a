import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { SCORE_SHARD_CONSUMER, ScoringWorkSubjects, STREAMS, type ScoreShardQueued } from '@tianping/contracts';
import { eventually, createTestDatabase, startAppProcess, startTestNats, type AppProcess, type TestDatabase, type TestNats } from '@tianping/testing';
import { ScoringCoreModule } from '../../../apps/scoring/src/scoring.module';
import { ScoringService, type ScoreRunResult } from '../../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../../apps/scoring/src/training/training.service';
import { activateWithoutOversight, loadProjections, oneCandidateSpec } from '../../../tools/bench/scoring.bench';

const AS_OF = '2026-06-30';
const SHARDS = 6;

interface HistoryRow {
  credit_code: string;
  probability: number;
  logit: number;
  colour: number;
  contributions: number[];
  factor_values: unknown[];
}

describe('a full re-score shared among scoring instances', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let cli: INestApplicationContext;
  let dataSource: DataSource;
  let client: NatsConnection;
  let instances: AppProcess[] = [];
  const runs: ScoreRunResult[] = [];

  const history = (runId: string): Promise<HistoryRow[]> =>
    dataSource.query(
      `SELECT credit_code, probability, logit, colour, contributions, factor_values FROM scoring.score_history WHERE run_id = $1 ORDER BY credit_code`,
      [runId],
    );
  const startInstances = async (n: number) => {
    instances = await Promise.all(Array.from({ length: n }, () => startAppProcess('scoring', { DATABASE_URL: db.url, NATS_URL: nats.url })));
  };
  const stopInstances = async () => {
    await Promise.all(instances.map((i) => i.stop()));
    instances = [];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    process.env.DATABASE_URL = db.url;
    process.env.NATS_URL = nats.url;
    // This process plays `tianping score --all --leave-to-service`: it plans and waits, the instances score.
    cli = await NestFactory.createApplicationContext(ScoringCoreModule, { logger: ['error'] });
    dataSource = cli.get(DataSource);
    client = await connect({ servers: nats.url });
    await loadProjections(dataSource, 8_000);
    const trained = await cli.get(TrainingService).train({ asOf: AS_OF, seed: 1, createdBy: 'test', spec: oneCandidateSpec() });
    await activateWithoutOversight(cli, trained.model.version, 'test');
  }, 180_000);

  afterAll(async () => {
    await stopInstances();
    await client?.close();
    await cli?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('scores every live enterprise with one instance', async () => {
    await startInstances(1);
    runs.push(await cli.get(ScoringService).scoreAll(AS_OF, { shards: SHARDS, work: false }));
    await stopInstances();
    const [{ live }] = await dataSource.query(`SELECT count(*)::int AS live FROM scoring.subjects WHERE status IN ('存续', '在业')`);
    expect(runs[0].enterprises).toBe(live);
  }, 120_000);

  it('gives identical scores with three instances, which share the shards', async () => {
    await startInstances(3);
    runs.push(await cli.get(ScoringService).scoreAll(AS_OF, { shards: SHARDS, work: false }));
    const [one, three] = await Promise.all(runs.map((r) => history(r.runId)));
    expect(three.length).toBe(one.length);
    expect(three).toEqual(one);
    expect(runs[1].byColour).toEqual(runs[0].byColour);
    const workers: { worker: string }[] = await dataSource.query(`SELECT DISTINCT worker FROM scoring.score_run_shards WHERE run_id = $1`, [runs[1].runId]);
    expect(workers.length).toBeGreaterThan(1);
  }, 120_000);

  it('scores each shard once in effect, and ends each run once every shard is done', async () => {
    for (const run of runs) {
      const shards: { shard: number; enterprises: number; done: boolean }[] = await dataSource.query(
        `SELECT shard, enterprises, done_at IS NOT NULL AS done FROM scoring.score_run_shards WHERE run_id = $1 ORDER BY shard`,
        [run.runId],
      );
      expect(shards.map((s) => s.shard)).toEqual([...Array(SHARDS).keys()]);
      expect(shards.every((s) => s.done)).toBe(true);
      expect(shards.reduce((n, s) => n + s.enterprises, 0)).toBe(run.enterprises);
      const [row] = await dataSource.query(
        `SELECT count(*)::int AS n, count(DISTINCT credit_code)::int AS codes, (SELECT enterprises FROM scoring.score_runs WHERE id = $1 AND finished_at IS NOT NULL) AS recorded
         FROM scoring.score_history WHERE run_id = $1`,
        [run.runId],
      );
      expect(row).toEqual({ n: run.enterprises, codes: run.enterprises, recorded: run.enterprises });
    }
  });

  it('changes nothing when a done shard is delivered again', async () => {
    const run = runs[1];
    const [before] = await dataSource.query(`SELECT worker, done_at FROM scoring.score_run_shards WHERE run_id = $1 AND shard = 0`, [run.runId]);
    const [shard] = await dataSource.query(`SELECT from_code, to_code FROM scoring.score_run_shards WHERE run_id = $1 AND shard = 0`, [run.runId]);
    const item: ScoreShardQueued = { runId: run.runId, shard: 0, shards: SHARDS, fromCode: shard.from_code, toCode: shard.to_code };
    await jetstream(client).publish(ScoringWorkSubjects.scoreShardQueued, JSON.stringify(item), { msgID: `again-${run.runId}-0` });
    const jsm = await jetstreamManager(client);
    await eventually(async () => {
      const info = await jsm.consumers.info(STREAMS.scoringWork.name, SCORE_SHARD_CONSUMER);
      return info.delivered.stream_seq >= 2 * SHARDS + 1 && info.num_pending + info.num_ack_pending === 0;
    }, 'the shard delivered again to be taken and acknowledged');
    const [after] = await dataSource.query(`SELECT worker, done_at FROM scoring.score_run_shards WHERE run_id = $1 AND shard = 0`, [run.runId]);
    expect(after).toEqual(before);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM scoring.score_history WHERE run_id = $1`, [run.runId]);
    expect(n).toBe(run.enterprises);
  });

  it('queues again the shards of a run whose messages were lost, and finishes it', async () => {
    await stopInstances();
    const asOf = '2026-07-01';
    const planned = await cli.get(ScoringService).planAll(asOf, { shards: 3, work: false });
    // NATS lost the queued shards (say, restarted without its data): nothing will ever deliver them.
    await (await jetstreamManager(client)).streams.purge(STREAMS.scoringWork.name);
    const run = await cli.get(ScoringService).scoreAll(asOf, { requeueAfterMs: 1_000 });
    expect(run).toMatchObject({ runId: planned.runId, joined: true, enterprises: runs[0].enterprises });
    const [{ undone }] = await dataSource.query(`SELECT count(*)::int AS undone FROM scoring.score_run_shards WHERE run_id = $1 AND done_at IS NULL`, [
      planned.runId,
    ]);
    expect(undone).toBe(0);
  }, 60_000);
});
