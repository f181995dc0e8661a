import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { numberSetting } from '@tianping/common';
import { SessionRepository } from './session.repository';

export interface SignInRetention {
  /** Days a sign-in attempt, and a session after it ended, are kept. */
  days: number;
}

export function signInRetentionFromEnv(env: NodeJS.ProcessEnv = process.env): SignInRetention {
  return { days: numberSetting(env, 'TIANPING_SIGN_IN_RETENTION_DAYS', { fallback: 90, min: 1, integer: true, takes: 'a whole number of days, at least 1' }) };
}

export const SIGN_IN_RETENTION = Symbol('SIGN_IN_RETENTION');

const HOUR_MS = 3600_000;

/**
 * Forgets sign-in attempts and ended sessions once they are older than the retention: every sign-in
 * and every guess adds a row, and nothing else removes them. The access log, the record of who read
 * what, is not touched.
 */
@Injectable()
export class SignInHousekeeping implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SignInHousekeeping.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(SIGN_IN_RETENTION) private readonly retention: SignInRetention,
  ) {}

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), HOUR_MS).unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; a failure is logged and the next hour tries again. */
  async run(): Promise<{ sessions: number; attempts: number } | null> {
    try {
      const forgotten = await this.sessions.forgetOlderThan(this.retention.days);
      if (forgotten.sessions + forgotten.attempts > 0)
        this.logger.log(`forgot ${forgotten.attempts} sign-in attempts and ${forgotten.sessions} ended sessions older than ${this.retention.days} days`);
      return forgotten;
    } catch (error) {
      this.logger.warn(`sign-in housekeeping failed, trying again in an hour: ${(error as Error).message}`);
      return null;
    }
  }
}
