import { Injectable } from '@nestjs/common';
import { scoresComputed } from '@tianping/observability';
import { scoreBatch } from '@tianping/risk-model';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { EnterpriseFeaturesRepository } from '../features/enterprise-features.repository';
import { ModelRegistryService } from '../models/model-registry.service';
import { ScoresRepository } from './scores.repository';

export interface ScoreRunResult {
  runId: string;
  asOf: string;
  modelVersion: string;
  colourPolicyVersion: string;
  enterprises: number;
  byColour: { green: number; yellow: number; red: number };
}

const CHUNK_SIZE = 25_000;
const COLOUR_NAMES = ['green', 'yellow', 'red'] as const;
const WRITES_IN_FLIGHT = 2;

/** Today's date in China Standard Time, the calendar every as-of date is on. */
export function todayCst(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Scores enterprises as of a date with the active model and colour policy: factors in bulk from the
 * projections, scored in columns, written a chunk at a time. The team (nuisance) term never enters.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly features: EnterpriseFeaturesRepository,
    private readonly registry: ModelRegistryService,
    private readonly policies: ColourPolicyService,
    private readonly scores: ScoresRepository,
  ) {}

  async scoreAll(asOf: string = todayCst(), onProgress?: (enterprises: number) => void): Promise<ScoreRunResult> {
    return this.run('all', asOf, undefined, onProgress);
  }

  /** Re-scores the given enterprises (those intake changed); unknown or closed ones are skipped. */
  async scoreEnterprises(creditCodes: string[], asOf: string = todayCst()): Promise<ScoreRunResult> {
    return this.run('changes', asOf, creditCodes);
  }

  private async run(kind: 'all' | 'changes', asOf: string, creditCodes?: string[], onProgress?: (n: number) => void): Promise<ScoreRunResult> {
    const model = await this.registry.activeModel();
    if (!model) throw new Error('no active model: train one, have it approved, then activate it');
    const policy = await this.policies.active();
    const context = await this.features.industryContext(asOf);
    const runId = await this.scores.startRun(kind, asOf, model.version, policy.version);
    const byColour = { green: 0, yellow: 0, red: 0 };
    let enterprises = 0;
    // Chunks are written on their own connections while the next ones are featurised; a few writes
    // run at once so the database's cores are all busy, and no more are held so memory stays bounded.
    const writing: Promise<void>[] = [];
    try {
      for await (const chunk of this.features.factorChunks(asOf, model.spec, context, { creditCodes, chunkSize: CHUNK_SIZE })) {
        const batch = scoreBatch(model, chunk.factors, policy);
        const chunkColours = { green: 0, yellow: 0, red: 0 };
        for (let i = 0; i < batch.rows; i++) chunkColours[batch.colourOf(i)]++;
        for (const colour of COLOUR_NAMES) byColour[colour] += chunkColours[colour];
        if (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
        const written = this.scores.writeChunk(runId, asOf, chunk.creditCodes, batch, chunk.factors).then(() => {
          for (const colour of COLOUR_NAMES) scoresComputed.inc({ colour, run: kind }, chunkColours[colour]);
        });
        written.catch(() => undefined); // its failure surfaces where it is awaited, not as an unhandled rejection
        writing.push(written);
        enterprises += batch.rows;
        onProgress?.(enterprises);
      }
    } finally {
      await Promise.allSettled(writing);
    }
    await Promise.all(writing);
    await this.scores.finishRun(runId, enterprises);
    if (kind === 'all') await this.scores.clearDirtyBefore(runId);
    return { runId, asOf, modelVersion: model.version, colourPolicyVersion: policy.version, enterprises, byColour };
  }
}
