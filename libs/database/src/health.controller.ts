import { Controller, Get, Inject, Logger, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';

const MIGRATIONS_PENDING = 'migrations pending';

/** Whether the app can serve: its database answers and its migrations are applied; else why not. */
export async function readiness(dataSource: DataSource): Promise<{ ready: true } | { ready: false; reason: string }> {
  try {
    await dataSource.query('SELECT 1');
    if (await dataSource.showMigrations()) return { ready: false, reason: MIGRATIONS_PENDING };
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: (error as Error).message };
  }
}

/** Liveness (/health) and readiness (/ready: the database answers and migrations are applied, else why not), for the internal apps. */
@Controller()
export class HealthController {
  constructor(@Inject(DataSource) protected readonly dataSource: DataSource) {}

  @Get('health')
  health() {
    return { status: 'up' };
  }

  @Get('ready')
  async ready() {
    const state = await readiness(this.dataSource);
    if (!state.ready) throw new ServiceUnavailableException({ status: 'not ready', reason: state.reason });
    return { status: 'ready' };
  }
}

/**
 * The same checks for an app that faces the public (the web app): the answer says only whether the
 * database answers or migrations are pending, not the driver's message, which can name internal hosts,
 * users and databases. The message goes to the log, once each time it changes (a probe polls /ready
 * every few seconds); the admin's health page shows it to a signed-in administrator.
 */
@Controller()
export class PublicHealthController extends HealthController {
  private readonly logger = new Logger('Readiness');
  private lastLogged: string | null = null;

  @Get('ready')
  override async ready() {
    const state = await readiness(this.dataSource);
    if (state.ready) {
      this.lastLogged = null;
      return { status: 'ready' };
    }
    if (state.reason !== this.lastLogged) this.logger.warn(`not ready: ${state.reason}`);
    this.lastLogged = state.reason;
    const reason = state.reason === MIGRATIONS_PENDING ? MIGRATIONS_PENDING : 'database unavailable';
    throw new ServiceUnavailableException({ status: 'not ready', reason });
  }
}
