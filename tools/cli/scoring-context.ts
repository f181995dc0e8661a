import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScoringCoreModule } from '../../apps/scoring/src/scoring.module';
import { useRedactingLogger } from '@tianping/observability';

/** Scoring's services in this process, without HTTP: the CLI goes through the same code as the service. */
export async function withScoring<T>(body: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  useRedactingLogger('scoring');
  const app = await NestFactory.createApplicationContext(ScoringCoreModule, { logger: ['error', 'warn'] });
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
