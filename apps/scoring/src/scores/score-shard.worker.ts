import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import type { JsMsg } from '@nats-io/jetstream';
import { parsePayload, PoisonMessage } from '@tianping/messaging';
import { ScoreRunsRepository } from './score-runs.repository';
import { SHARD_ACK_WAIT_MS, ScoreShardQueue } from './score-shard.queue';
import { ScoreShardService } from './score-shard.service';
import { scoreShardItem } from './score-shard.validator';

/** Deliveries of one shard before its run is ended as failed. */
const MAX_DELIVERIES = 5;
const PULL_EXPIRES_MS = 1_000;
/** Shards one process scores at once: one featurises while the other's chunk is written. */
export const SHARD_SLOTS = 2;

/** Takes shards from the shared queue and scores them: in each scoring instance, and in `tianping score --all`. */
@Injectable()
export class ScoreShardWorker {
  private readonly logger = new Logger(ScoreShardWorker.name);
  /** Recorded on each shard it scores, so a run shows which instances shared it. */
  readonly name = `${hostname()}:${process.pid}`;

  constructor(
    private readonly queue: ScoreShardQueue,
    private readonly shards: ScoreShardService,
    private readonly runs: ScoreRunsRepository,
  ) {}

  /** Scores shards, `slots` at a time, until `stop()` says so; a shard begun is finished first. */
  async work(stop: () => boolean, slots = 1): Promise<void> {
    await Promise.all(Array.from({ length: slots }, () => this.loop(stop)));
  }

  private async loop(stop: () => boolean): Promise<void> {
    while (!stop()) {
      const msg = await this.queue.next(PULL_EXPIRES_MS).catch((error: Error) => {
        this.logger.warn(`score shards: ${error.message}`);
        return new Promise<null>((resolve) => setTimeout(() => resolve(null), PULL_EXPIRES_MS));
      });
      if (msg) await this.handle(msg);
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    // A long shard keeps telling the server it is alive; one whose instance died comes back after the ack wait.
    const heartbeat = setInterval(() => msg.working(), SHARD_ACK_WAIT_MS / 3);
    try {
      const item = scoreShardItem(parsePayload(msg.data));
      try {
        await this.shards.score(item, this.name);
        msg.ack();
      } catch (error) {
        if (error instanceof PoisonMessage || msg.info.deliveryCount >= MAX_DELIVERIES) {
          await this.runs.fail(item.runId, item.shard, (error as Error).message);
          throw new PoisonMessage((error as Error).message);
        }
        this.logger.warn(`score shard ${item.runId}/${item.shard}, delivery ${msg.info.deliveryCount}: ${(error as Error).message}`);
        msg.nak(Math.min(30_000, 1_000 * 2 ** msg.info.deliveryCount));
      }
    } catch (error) {
      if (!(error instanceof PoisonMessage)) {
        msg.nak(5_000); // not even the failure could be recorded (PostgreSQL away): try again later
        return;
      }
      this.logger.warn(`score shard ${msg.seq} refused: ${error.message}`);
      msg.term();
    } finally {
      clearInterval(heartbeat);
    }
  }
}
