import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DispatchCoreModule } from '../../apps/dispatch/src/dispatch.module';
import { useRedactingLogger } from '@tianping/observability';

/** Dispatch's services in this process, without HTTP: the CLI goes through the same code as the service. */
export async function withDispatch<T>(body: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  useRedactingLogger('dispatch');
  const app = await NestFactory.createApplicationContext(DispatchCoreModule, { logger: ['error', 'warn'] });
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
