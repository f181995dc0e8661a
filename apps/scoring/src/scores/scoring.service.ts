import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAdvisoryLock } from '@tianping/database';
import { scoresComputed } from '@tianping/observability';
import { chinaDay } from '@tianping/common';
import { scoreColumns, type ColourPolicy, type GamModel } from '@tianping/risk-model';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { EnterpriseFeaturesRepository } from '../features/enterprise-features.repository';
import { ModelRegistryService } from '../models/model-registry.service';
import { ScoreRunsRepository } from './score-runs.repository';
import { SHARD_ACK_WAIT_MS, ScoreShardQueue } from './score-shard.queue';
import { SHARD_SLOTS, ScoreShardWorker } from './score-shard.worker';
import { ScoresRepository } from './scores.repository';

export interface ScoreRunResult {
  runId: string;
  asOf: string;
  modelVersion: string;
  colourPolicyVersion: string;
  enterprises: number;
  byColour: { green: number; yellow: number; red: number };
  /** The run was already under way (the day's run, another operator's): this call scored with it. */
  joined?: boolean;
}

export interface ScoreAllOptions {
  onProgress?: (enterprises: number) => void;
  /**
   * Shards the run is split into. By default one per shard slot that will work on it (this process's
   * and the running instances' idle ones), fewer if that leaves shards under 20,000 enterprises, more
   * if over 500,000, and at most 32: each shard costs a pass over its part of every table.
   */
  shards?: number;
  /** Score shards in this process too (the default); false leaves them all to the running scoring instances. */
  work?: boolean;
  /**
   * How long the run may stand still, with the queue empty and shards not done, before those shards are
   * queued again: their messages were lost (NATS restarted without its data). Default twice the ack wait.
   */
  requeueAfterMs?: number;
}

const CHUNK_SIZE = 25_000;
const MIN_SHARD_ENTERPRISES = 20_000;
const MAX_SHARD_ENTERPRISES = 500_000;
const MAX_SHARDS = 32;
const PROGRESS_POLL_MS = 200;
const COLOUR_NAMES = ['green', 'yellow', 'red'] as const;
const WRITES_IN_FLIGHT = 2;
/** Held while a full run is looked for and planned, so that two callers never plan the same run. */
export const FULL_RUN_PLAN_LOCK = 'scoring.full-run-plan';

/** One shard per slot that will take it, each of 20,000 to 500,000 enterprises, at most 32, at least 1. */
export function shardCount(liveEnterprises: number, slots: number): number {
  const bySlots = Math.min(Math.max(1, slots), Math.floor(liveEnterprises / MIN_SHARD_ENTERPRISES));
  return Math.min(MAX_SHARDS, Math.max(1, Math.ceil(liveEnterprises / MAX_SHARD_ENTERPRISES), bySlots));
}

/**
 * Scores enterprises as of a date with the active model and colour policy: factors in bulk from the
 * projections, scored in columns, written a chunk at a time. The team (nuisance) term never enters.
 * Full runs are shared among instances in shards (ScoreShardService); changed enterprises are scored here.
 */
@Injectable()
export class ScoringService {
  private readonly logger = new Logger(ScoringService.name);

  constructor(
    private readonly features: EnterpriseFeaturesRepository,
    private readonly registry: ModelRegistryService,
    private readonly policies: ColourPolicyService,
    private readonly scores: ScoresRepository,
    private readonly runs: ScoreRunsRepository,
    private readonly queue: ScoreShardQueue,
    private readonly worker: ScoreShardWorker,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /**
   * Scores every live enterprise as of a date: the run is split into shards of credit codes, queued
   * for every scoring instance to share, and this process takes shards too until all are done. Alone,
   * it scores the whole run itself. A run as of the same day with the same model and colour policy
   * already under way (the day's run, say) is joined instead of planned again: the same scores twice
   * would only cost an hour of the database's time.
   */
  async scoreAll(asOf: string = chinaDay(), options: ScoreAllOptions = {}): Promise<ScoreRunResult> {
    const planned = await withAdvisoryLock(
      this.dataSource,
      FULL_RUN_PLAN_LOCK,
      async () => {
        const { model, policy } = await this.modelAndPolicy();
        const underWay = await this.runs.fullRunUnderWay(asOf, model.version, policy.version);
        if (underWay) return { runId: underWay, model, policy, joined: true };
        return { ...(await this.plan(asOf, model, policy, options)), joined: false };
      },
      true,
    );
    const { runId, model, policy, joined } = planned!;
    let stop = false;
    const working = options.work === false ? Promise.resolve() : this.worker.work(() => stop, SHARD_SLOTS);
    let progress = await this.runs.progress(runId);
    let movedAt = Date.now();
    try {
      while (!progress.finished && !progress.failure) {
        await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
        const before = progress.doneShards;
        progress = await this.runs.progress(runId).catch(() => progress); // PostgreSQL away a moment: keep waiting
        options.onProgress?.(progress.enterprises);
        if (progress.doneShards !== before) movedAt = Date.now();
        else if (Date.now() - movedAt > (options.requeueAfterMs ?? 2 * SHARD_ACK_WAIT_MS)) {
          movedAt = Date.now();
          await this.requeueLost(runId).catch((error: Error) => this.logger.warn(`scoring run ${runId}: could not queue its shards again: ${error.message}`));
        }
      }
    } finally {
      stop = true;
      await working;
    }
    if (progress.failure) throw new Error(`scoring run ${runId} failed: ${progress.failure}`);
    const { enterprises, byColour } = progress;
    return { runId, asOf, modelVersion: model.version, colourPolicyVersion: policy.version, enterprises, byColour, ...(joined ? { joined } : {}) };
  }

  /** Queues again the run's shards not done, when the queue holds nothing that could do them. */
  private async requeueLost(runId: string): Promise<void> {
    if ((await this.queue.empty()) !== true) return;
    const lost = await this.runs.undoneShards(runId);
    if (lost.length === 0) return;
    this.logger.warn(`scoring run ${runId}: ${lost.length} shard(s) not done and none queued; queued again`);
    await this.queue.requeue(lost);
  }

  /**
   * Plans a full run and queues its shards for whichever instances take them; does not wait for it.
   * Callers that must not plan a run twice hold FULL_RUN_PLAN_LOCK around their check and this.
   */
  async planAll(asOf: string = chinaDay(), options: Pick<ScoreAllOptions, 'shards' | 'work'> = {}) {
    const { model, policy } = await this.modelAndPolicy();
    return this.plan(asOf, model, policy, options);
  }

  private async plan(asOf: string, model: GamModel, policy: ColourPolicy, options: Pick<ScoreAllOptions, 'shards' | 'work'>) {
    // The industry rates and the shards' bounds are two passes over the projections: made at once.
    const planShards = async () => this.runs.shardRanges(Math.max(1, Math.floor(options.shards ?? (await this.defaultShards(options.work !== false)))));
    const [context, ranges] = await Promise.all([this.features.industryContext(asOf), planShards()]);
    const runId = await this.runs.plan(asOf, model.version, policy.version, context, ranges);
    await this.queue.enqueue(ranges.map((r, shard) => ({ runId, shard, shards: ranges.length, fromCode: r.from, toCode: r.to })));
    return { runId, model, policy, shards: ranges.length };
  }

  /**
   * One after the other: with no active model the refusal comes alone, not beside a policy read cut off
   * when the command line closes its connection on it ("Connection terminated" in the log).
   */
  private async modelAndPolicy() {
    const model = await this.activeModel();
    return { model, policy: await this.policies.active() };
  }

  private async activeModel() {
    const model = await this.registry.activeModel();
    if (!model) throw new Error('no active model: train one, have it approved, then activate it');
    return model;
  }

  private async defaultShards(workHere: boolean): Promise<number> {
    const [live, waiting] = await Promise.all([this.runs.liveEnterprises(), this.queue.waitingSlots()]);
    return shardCount(live, waiting + (workHere ? SHARD_SLOTS : 0));
  }

  /** Re-scores the given enterprises (those intake changed); unknown or closed ones are skipped. */
  async scoreEnterprises(creditCodes: string[], asOf: string = chinaDay()): Promise<ScoreRunResult> {
    const { model, policy } = await this.modelAndPolicy();
    const context = await this.features.industryContext(asOf);
    const runId = await this.scores.startChangesRun(asOf, model.version, policy.version);
    const byColour = { green: 0, yellow: 0, red: 0 };
    let enterprises = 0;
    // Chunks are written on their own connections while the next ones are featurised; a few writes
    // run at once so the database's cores are all busy, and no more are held so memory stays bounded.
    const writing: Promise<void>[] = [];
    try {
      for await (const chunk of this.features.factorChunks(asOf, model.spec, context, { creditCodes, chunkSize: CHUNK_SIZE })) {
        const batch = scoreColumns(model, chunk.factors, policy);
        const chunkColours = { green: 0, yellow: 0, red: 0 };
        for (let i = 0; i < batch.rows; i++) chunkColours[batch.colourOf(i)]++;
        for (const colour of COLOUR_NAMES) byColour[colour] += chunkColours[colour];
        if (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
        const written = this.scores.writeChunk(runId, asOf, chunk.creditCodes, batch, chunk.factors, chunk.correctionBatches).then(() => {
          for (const colour of COLOUR_NAMES) scoresComputed.inc({ colour, run: 'changes' }, chunkColours[colour]);
        });
        written.catch(() => undefined); // its failure surfaces where it is awaited, not as an unhandled rejection
        writing.push(written);
        enterprises += batch.rows;
      }
    } finally {
      await Promise.allSettled(writing);
    }
    await Promise.all(writing);
    await this.scores.finishRun(runId, enterprises);
    return { runId, asOf, modelVersion: model.version, colourPolicyVersion: policy.version, enterprises, byColour };
  }
}
