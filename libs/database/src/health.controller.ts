import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whether the app can serve: its database answers and its migrations are applied; else why not. */
export async function readiness(dataSource: DataSource): Promise<{ ready: true } | { ready: false; reason: string }> {
  try {
    await dataSource.query('SELECT 1');
    if (await dataSource.showMigrations()) return { ready: false, reason: 'migrations pending' };
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: (error as Error).message };
  }
}

/** Liveness (/health) and readiness (/ready: the database answers and migrations are applied). */
@Controller()
export class HealthController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

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
