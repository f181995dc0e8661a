import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';

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
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await this.dataSource.showMigrations();
      if (pending) throw new Error('migrations pending');
      return { status: 'ready' };
    } catch (error) {
      throw new ServiceUnavailableException({ status: 'not ready', reason: (error as Error).message });
    }
  }
}
