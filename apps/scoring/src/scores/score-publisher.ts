import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { ScoringSubjects, type ScoreRecord, type ScoresComputed } from '@tianping/contracts';
import { withAdvisoryLock } from '@tianping/database';
import { DatabaseTag, encodeJson, NATS_CONNECTION } from '@tianping/messaging';
import { outboxLag, outboxPublished } from '@tianping/observability';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { ModelRegistryService } from '../models/model-registry.service';
import { explainStored, toScoreRecord } from './score-record.mapper';
import { ScoresRepository, type StoredScore } from './scores.repository';

/** Scores per ScoresComputed message: about 3 KB each with explanations, so well under NATS's default 1 MB max_payload. */
export const SCORES_PER_MESSAGE = 200;
/** The id ranges of history rows waiting to be sent, named so in the metrics. */
const SCORE_OUTBOX = 'scoring.score_outbox';
/** Of several scoring instances, one publishes at a time: the others would send the same scores again. */
const PUBLISHER_LOCK = 'scoring.score-publisher';

/**
 * Publishes committed scores in order, as ScoresComputed batches with their explanations. A chunk's
 * write records the id ranges of its history rows in the score outbox; the publisher reads the
 * history through them and deletes them once sent. Each message's JetStream id names its database and
 * its first and last score, so a resend after a crash is dropped as a duplicate, and consumers key scores by
 * scoreId anyway.
 */
@Injectable()
export class ScorePublisher {
  private readonly logger = new Logger(ScorePublisher.name);
  private readonly js: JetStreamClient;
  private readonly tag: DatabaseTag;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = true;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    private readonly scores: ScoresRepository,
    private readonly registry: ModelRegistryService,
    private readonly policies: ColourPolicyService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    this.js = jetstream(nc);
    this.tag = new DatabaseTag(dataSource);
  }

  /** Publishes pending scores every half second until stopped (the service does; the CLI drains once). */
  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      await this.drain(undefined, false).catch((error: Error) => this.logger.warn(`score publisher: ${error.message}`));
      if (!this.stopped) this.timer = setTimeout(tick, 500);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  /**
   * Publishes everything pending; returns how many scores went out. Safe to call concurrently. While
   * another instance publishes, it waits its turn (`wait`, the CLI) or leaves the work to it (the loop).
   */
  drain(onProgress?: (published: number) => void, wait = true): Promise<number> {
    if (!this.running) {
      this.running = withAdvisoryLock(this.dataSource, PUBLISHER_LOCK, () => this.publishPending(onProgress), wait)
        .then((published) => published ?? 0)
        .finally(() => (this.running = undefined));
    }
    return this.running;
  }

  private async publishPending(onProgress?: (published: number) => void): Promise<number> {
    let published = 0;
    const tag = await this.tag.get();
    for (;;) {
      const { ranges, scores: rows } = await this.scores.unpublished(SCORES_PER_MESSAGE * 8);
      outboxLag.set({ outbox: SCORE_OUTBOX }, rows.length ? Math.max(0, Date.now() - new Date(rows[0].computed_at).getTime()) / 1000 : 0);
      if (ranges.length === 0) return published;
      const messages: StoredScore[][] = [];
      for (let i = 0; i < rows.length; i += SCORES_PER_MESSAGE) messages.push(rows.slice(i, i + SCORES_PER_MESSAGE));
      await Promise.all(
        messages.map(async (batch) => {
          const payload = await this.render(batch);
          await this.js.publish(ScoringSubjects.scoresComputed, encodeJson(payload), { msgID: `${tag}-${payload.batchId}` });
        }),
      );
      await this.scores.markPublished(ranges);
      published += rows.length;
      outboxPublished.inc({ outbox: SCORE_OUTBOX }, rows.length);
      onProgress?.(published);
    }
  }

  private async render(batch: StoredScore[]): Promise<ScoresComputed> {
    const records: ScoreRecord[] = [];
    // A batch may span runs (model or policy changed between them): explain each group with its own.
    const groups = new Map<string, StoredScore[]>();
    for (const s of batch) {
      const key = `${s.model_version}\n${s.policy_version}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const group of groups.values()) {
      const model = await this.registry.model(group[0].model_version);
      const policy = await this.policies.byVersion(group[0].policy_version);
      const explanations = explainStored(model, policy, group);
      group.forEach((s, i) => records.push(toScoreRecord(model, s, explanations[i])));
    }
    records.sort((a, b) => Number(a.scoreId.slice(8)) - Number(b.scoreId.slice(8)));
    return { batchId: `scoring-scores-${batch[0].id}-${batch[batch.length - 1].id}`, scores: records };
  }
}

/** Runs the publisher inside the scoring service. */
@Injectable()
export class ScorePublishingLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly publisher: ScorePublisher) {}

  onApplicationBootstrap(): void {
    this.publisher.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.publisher.stop();
  }
}
