import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SHARD_SLOTS, ScoreShardWorker } from './score-shard.worker';

/** Every scoring instance takes its share of full runs' shards while it runs. */
@Injectable()
export class ScoreShardWorkerLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopped = false;
  private working?: Promise<void>;

  constructor(private readonly worker: ScoreShardWorker) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.working = this.worker.work(() => this.stopped, SHARD_SLOTS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.working;
  }
}
