import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAdvisoryLock } from '@tianping/database';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { ModelRegistryService } from '../models/model-registry.service';
import { ScoreRunsRepository } from './score-runs.repository';
import { chinaDay } from '@tianping/common';
import { FULL_RUN_PLAN_LOCK, ScoringService } from './scoring.service';

export interface DailyRunSettings {
  /** When the day's full run is due, in China Standard Time; null: never (runs are the operator's). */
  at: { hour: number; minute: number } | null;
}

export const DAILY_RUN_SETTINGS = Symbol('DAILY_RUN_SETTINGS');

/** `TIANPING_DAILY_RUN_AT`: "HH:MM" China Standard Time (default 02:00), or "off". */
export function dailyRunSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DailyRunSettings {
  const raw = (env.TIANPING_DAILY_RUN_AT?.trim() || '02:00').toLowerCase();
  if (raw === 'off') return { at: null };
  const found = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!found) throw new Error(`TIANPING_DAILY_RUN_AT must be HH:MM (China Standard Time) or off, not "${raw}"`);
  return { at: { hour: Number(found[1]), minute: Number(found[2]) } };
}

const CHECK_INTERVAL_MS = 60_000;
/** A run that failed is tried again, but not at every check. */
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;
/**
 * A model or policy just activated is left to the operator's own `score --all` for a few minutes, so
 * that the two do not both plan a run; after that the day's run is made here.
 */
const ACTIVATION_GRACE_MS = 5 * 60_000;

/**
 * Scores every enterprise as of each new day, so that colours follow time as well as changes: a
 * violation leaves its three-year window, an enterprise grows a year older, with no record arriving.
 * Checked every minute: once the day's time has come, if there is an active model and no full run as
 * of today with the active model and colour policy has been made or is under way, one is planned and
 * queued, and the instances share it like any full run. So a service that was down at that time
 * makes up the day's run when it is back, and a model or policy activated later in the day scores
 * everyone a few minutes later unless an operator has already started it.
 */
@Injectable()
export class DailyRunScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DailyRunScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<string | null>;
  private stopped = true;
  private failedAt = -Infinity;

  constructor(
    @Inject(DAILY_RUN_SETTINGS) private readonly settings: DailyRunSettings,
    private readonly scoring: ScoringService,
    private readonly runs: ScoreRunsRepository,
    private readonly registry: ModelRegistryService,
    private readonly policies: ColourPolicyService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.at) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      await this.runIfDue();
      if (!this.stopped) this.timer = setTimeout(tick, CHECK_INTERVAL_MS);
    };
    this.timer = setTimeout(tick, CHECK_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Plans the day's full run if it is due; its id, or null when none was due. Never throws. */
  runIfDue(now: number = Date.now()): Promise<string | null> {
    if (!this.running) {
      this.running = this.planIfDue(now)
        .catch((error: Error) => {
          this.failedAt = now;
          this.logger.warn(`daily full run: ${error.message}`);
          return null;
        })
        .finally(() => (this.running = undefined));
    }
    return this.running;
  }

  private async planIfDue(now: number): Promise<string | null> {
    const at = this.settings.at;
    if (!at || now - this.failedAt < RETRY_AFTER_FAILURE_MS) return null;
    const today = chinaDay(now);
    const minutesIntoDay = Math.floor((now - Date.parse(`${today}T00:00:00+08:00`)) / 60_000);
    if (minutesIntoDay < at.hour * 60 + at.minute) return null;
    // Of several scoring instances, one plans the day's run (all of them score its shards); an
    // operator's `score --all` planning at this moment is waited for next minute, then counted.
    const runId = await withAdvisoryLock(this.dataSource, FULL_RUN_PLAN_LOCK, async () => {
      const model = await this.registry.activeModel();
      if (!model) return null;
      const policy = await this.policies.active();
      if (await this.runs.fullRunMadeOrUnderWay(today, model.version, policy.version)) return null;
      if (await this.runs.activatedSince(model.version, policy.version, new Date(now - ACTIVATION_GRACE_MS))) return null;
      // Planned and queued only: every instance's shard worker, this one's included, scores it.
      const planned = await this.scoring.planAll(today, { work: false });
      this.logger.log(`daily full run ${planned.runId} as of ${today}: ${planned.shards} shards queued`);
      return planned.runId;
    });
    return runId ?? null;
  }
}
