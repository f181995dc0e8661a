import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IntakeCoreModule } from '../../apps/intake/src/intake.module';

/** Intake's services in this process, without HTTP: the CLI goes through the same code as the service. */
export async function withIntake<T>(body: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  Logger.overrideLogger(['error', 'warn']);
  const app = await NestFactory.createApplicationContext(IntakeCoreModule, { logger: ['error', 'warn'] });
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
