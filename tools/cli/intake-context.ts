import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IntakeCoreModule } from '../../apps/intake/src/intake.module';
import { useRedactingLogger } from '@tianping/observability';

/** Intake's services in this process, without HTTP: the CLI goes through the same code as the service. */
export async function withIntake<T>(body: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  useRedactingLogger('intake');
  const app = await NestFactory.createApplicationContext(IntakeCoreModule, { logger: ['error', 'warn'] });
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
