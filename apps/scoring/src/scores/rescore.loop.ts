import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAdvisoryLock } from '@tianping/database';
import { ModelRegistryService } from '../models/model-registry.service';
import { ScoresRepository } from './scores.repository';
import { ScoringService } from './scoring.service';

/** How often changed enterprises are re-scored: changes arriving together are scored together. */
export const RESCORE_INTERVAL_MS = 2_000;
const MAX_PER_RUN = 20_000;
/** Of several scoring instances, one re-scores the changes at a time: each would score the same marks. */
export const RESCORE_LOCK = 'scoring.rescore-loop';

/** Re-scores the enterprises intake changed, with the active model, as of today, every couple of seconds. */
@Injectable()
export class RescoreLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RescoreLoop.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = true;

  constructor(
    private readonly scoring: ScoringService,
    private readonly scores: ScoresRepository,
    private readonly registry: ModelRegistryService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      await this.rescoreDirty().catch((error: Error) => this.logger.warn(`re-scoring: ${error.message}`));
      if (!this.stopped) this.timer = setTimeout(tick, RESCORE_INTERVAL_MS);
    };
    this.timer = setTimeout(tick, RESCORE_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  /**
   * Scores every enterprise marked dirty; returns how many. With no active model they stay marked;
   * while another instance re-scores, this one leaves them to it.
   */
  rescoreDirty(): Promise<number> {
    if (!this.running) {
      this.running = withAdvisoryLock(this.dataSource, RESCORE_LOCK, () => this.drainDirty())
        .then((n) => n ?? 0)
        .finally(() => (this.running = undefined));
    }
    return this.running;
  }

  private async drainDirty(): Promise<number> {
    if (!(await this.registry.activeModel())) return 0;
    let total = 0;
    for (;;) {
      const marks = await this.scores.dirtyMarks(MAX_PER_RUN);
      if (marks.length === 0) return total;
      total += (await this.scoring.scoreEnterprises(marks.map((m) => m.creditCode))).enterprises;
      // Only now, with the scores written: a crash before this leaves the marks for the next run.
      await this.scores.clearMarks(marks);
    }
  }
}
