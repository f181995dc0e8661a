import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { numberSetting } from '@tianping/common';
import { AuditReportsService } from './audit-reports.service';

/** Minutes between checks for a quarter without its report; 0 turns the schedule off. */
export function scheduleMinutes(env: NodeJS.ProcessEnv = process.env): number {
  return numberSetting(env, 'TIANPING_AUDIT_SCHEDULE_MINUTES', { fallback: 60, min: 0, takes: 'a number of minutes ≥ 0' });
}

/**
 * The quarterly audit: a plain timer that asks, every so often, whether the last complete quarter
 * has its report and makes it when not. Checking is cheap and idempotent, so a restart (or a second
 * oversight process) never makes a quarter's report twice.
 */
@Injectable()
export class AuditSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSchedule.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(private readonly reports: AuditReportsService) {}

  onApplicationBootstrap(): void {
    const minutes = scheduleMinutes();
    if (minutes === 0) return;
    this.timer = setInterval(() => void this.tick(), minutes * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const outcome = await this.reports.runDueReports(new Date());
      if (outcome.status === 'created') this.logger.log(`quarterly audit ${outcome.period.label}: report ${outcome.report?.id}`);
    } catch (error) {
      this.logger.error(`quarterly audit failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
