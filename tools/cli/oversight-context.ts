import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OversightCoreModule } from '../../apps/oversight/src/oversight.module';
import { useRedactingLogger } from '@tianping/observability';

/** Oversight's services in this process, without HTTP or NATS: the CLI runs the same code as the service. */
export async function withOversight<T>(body: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  useRedactingLogger('oversight');
  const app = await NestFactory.createApplicationContext(OversightCoreModule, { logger: ['error', 'warn'] });
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
