import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import type { ScoreShardQueued } from '@tianping/contracts';
import { PoisonMessage } from '@tianping/messaging';
import { scoresComputed } from '@tianping/observability';
import { scoreColumns, type ColourPolicy, type GamModel } from '@tianping/risk-model';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { EnterpriseFeaturesRepository } from '../features/enterprise-features.repository';
import { ModelRegistryService } from '../models/model-registry.service';
import { ScoreRunsRepository, type ShardCounts, type ShardedRun } from './score-runs.repository';
import { ScoresRepository } from './scores.repository';

export const SHARD_CHUNK_SIZE = 25_000;
const COLOUR_NAMES = ['green', 'yellow', 'red'] as const;

export type ShardOutcome = 'scored' | 'done-already';

/**
 * Scores one shard of a full run: its enterprises featurised as of the run's date with the run's
 * factor context, scored with the run's model and policy, and written in one transaction together
 * with the shard's completion. A shard delivered twice, even to two instances at once, is written once.
 */
@Injectable()
export class ScoreShardService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly features: EnterpriseFeaturesRepository,
    private readonly registry: ModelRegistryService,
    private readonly policies: ColourPolicyService,
    private readonly scores: ScoresRepository,
    private readonly runs: ScoreRunsRepository,
  ) {}

  async score(item: ScoreShardQueued, worker: string): Promise<ShardOutcome> {
    const run = await this.runs.run(item.runId);
    if (!run) throw new PoisonMessage(`no sharded run ${item.runId}`);
    const outcome = run.finished ? 'done-already' : await this.scoreOnce(item, run, worker);
    // Also when it was done already: the instance that did it may have died before ending the run.
    if (await this.runs.finishIfComplete(item.runId)) await this.scores.clearDirtyBefore(item.runId);
    return outcome;
  }

  private async scoreOnce(item: ScoreShardQueued, run: ShardedRun, worker: string): Promise<ShardOutcome> {
    const model = await this.registry.model(run.modelVersion);
    const policy = await this.policies.byVersion(run.policyVersion);
    const tx = this.dataSource.createQueryRunner();
    await tx.connect();
    try {
      await tx.startTransaction();
      if (!(await this.runs.claim(tx, item.runId, item.shard, worker))) {
        await tx.rollbackTransaction();
        return 'done-already';
      }
      const counts = await this.write(tx, item, run, model, policy);
      await this.runs.complete(tx, item.runId, item.shard, counts);
      await tx.commitTransaction();
      for (const colour of COLOUR_NAMES) scoresComputed.inc({ colour, run: 'all' }, counts.byColour[colour]);
      return 'scored';
    } finally {
      if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
      await tx.release();
    }
  }

  /** Featurises and encodes the next chunk while the current one is written; one write at a time on the shard's transaction. */
  private async write(tx: QueryRunner, item: ScoreShardQueued, run: ShardedRun, model: GamModel, policy: ColourPolicy): Promise<ShardCounts> {
    const counts: ShardCounts = { enterprises: 0, byColour: { green: 0, yellow: 0, red: 0 } };
    let writing: Promise<void> = Promise.resolve();
    try {
      const chunks = this.features.factorChunks(run.asOf, model.spec, run.context, {
        range: { from: item.fromCode, to: item.toCode },
        chunkSize: SHARD_CHUNK_SIZE,
      });
      for await (const chunk of chunks) {
        const batch = scoreColumns(model, chunk.factors, policy);
        for (let i = 0; i < batch.rows; i++) counts.byColour[batch.colourOf(i)]++;
        counts.enterprises += batch.rows;
        const prepared = await this.scores.prepareChunk(item.runId, run.asOf, chunk.creditCodes, batch, chunk.factors, chunk.correctionBatches);
        await writing;
        writing = this.scores.writePrepared(prepared, tx);
        writing.catch(() => undefined); // its failure surfaces where it is awaited, not as an unhandled rejection
      }
    } finally {
      await writing.catch(() => undefined);
    }
    await writing;
    return counts;
  }
}
