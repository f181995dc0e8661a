import { Inject, Injectable } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type Consumer, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { SCORE_SHARD_CONSUMER, ScoringWorkSubjects, STREAMS, type ScoreShardQueued } from '@tianping/contracts';
import { DatabaseTag, encodeJson, isNotFound, NATS_CONNECTION } from '@tianping/messaging';

/** How long a shard may go without a sign of life from its instance before another one gets it. */
export const SHARD_ACK_WAIT_MS = 30_000;

/**
 * Scoring's work queue: shards of full runs on the SCORING_WORK stream, taken through one durable
 * pull consumer that every instance binds to, so each shard goes to one instance at a time.
 */
@Injectable()
export class ScoreShardQueue {
  private readonly js: JetStreamClient;
  private readonly tag: DatabaseTag;
  private consumer?: Promise<Consumer>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.js = jetstream(nc);
    this.tag = new DatabaseTag(dataSource);
  }

  /** Queues a run's shards; each message id names its database, run and shard, so a resend is dropped. */
  enqueue(items: ScoreShardQueued[]): Promise<void> {
    return this.publish(items, '');
  }

  /**
   * Queues shards again whose messages were lost (NATS restarted without its data): a new id each
   * time, as a deliberate resend must not be dropped as a repeat; a shard done meanwhile is written once anyway.
   */
  requeue(items: ScoreShardQueued[]): Promise<void> {
    return this.publish(items, `-again-${Date.now()}`);
  }

  private async publish(items: ScoreShardQueued[], idSuffix: string): Promise<void> {
    const tag = await this.tag.get();
    await Promise.all(
      items.map((item) =>
        this.js.publish(ScoringWorkSubjects.scoreShardQueued, encodeJson(item), { msgID: `score-run-${tag}-${item.runId}-shard-${item.shard}${idSuffix}` }),
      ),
    );
  }

  /**
   * Whether the queue holds nothing, neither waiting nor in an instance's hands; null when the server
   * cannot say. A queue whose consumer is gone (NATS lost its data) holds nothing.
   */
  async empty(): Promise<boolean | null> {
    try {
      const info = await (await jetstreamManager(this.nc)).consumers.info(STREAMS.scoringWork.name, SCORE_SHARD_CONSUMER);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    } catch (error) {
      if (!isNotFound(error)) return null;
      this.consumer = undefined; // bound to a consumer that no longer exists: make it again on the next pull
      return true;
    }
  }

  /** The next shard for this instance, or null if none came within `expiresMs`. One pull per shard: nothing is held in advance. */
  async next(expiresMs: number): Promise<JsMsg | null> {
    const consumer = await this.bind();
    return consumer.next({ expires: expiresMs });
  }

  /**
   * How many pulls are waiting on the queue now: the idle shard slots of the running instances. A
   * guess (a slot between two pulls is not counted), and 0 when the server cannot say.
   */
  async waitingSlots(): Promise<number> {
    try {
      const info = await (await jetstreamManager(this.nc)).consumers.info(STREAMS.scoringWork.name, SCORE_SHARD_CONSUMER);
      return info.num_waiting ?? 0;
    } catch {
      return 0;
    }
  }

  private bind(): Promise<Consumer> {
    this.consumer ??= this.ensureConsumer().catch((error: Error) => {
      this.consumer = undefined;
      throw error;
    });
    return this.consumer;
  }

  private async ensureConsumer(): Promise<Consumer> {
    const stream = STREAMS.scoringWork.name;
    const jsm = await jetstreamManager(this.nc);
    try {
      await jsm.consumers.info(stream, SCORE_SHARD_CONSUMER);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.consumers
        .add(stream, {
          durable_name: SCORE_SHARD_CONSUMER,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: ScoringWorkSubjects.scoreShardQueued,
          ack_wait: SHARD_ACK_WAIT_MS * 1_000_000,
          max_deliver: -1,
        })
        .catch(async (failure: Error) => {
          // Another instance created it meanwhile: bind to theirs.
          await jsm.consumers.info(stream, SCORE_SHARD_CONSUMER).catch(() => Promise.reject(failure));
        });
    }
    return this.js.consumers.get(stream, SCORE_SHARD_CONSUMER);
  }
}
