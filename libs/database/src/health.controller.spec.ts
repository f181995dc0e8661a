import { ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthController, PublicHealthController } from './health.controller';

/** A database that refuses: nothing listens on port 1. */
function unreachable(): DataSource {
  return new DataSource({ type: 'postgres', url: 'postgres://secret-user@127.0.0.1:1/internal_db', connectTimeoutMS: 1000 });
}

async function refusal(controller: HealthController): Promise<Record<string, unknown>> {
  const failure = await controller.ready().then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(ServiceUnavailableException);
  return (failure as ServiceUnavailableException).getResponse() as Record<string, unknown>;
}

describe('readiness answers', () => {
  it('tells an internal caller why the app is not ready', async () => {
    const body = await refusal(new HealthController(unreachable()));
    expect(body.status).toBe('not ready');
    expect(body.reason).toEqual(expect.any(String));
    expect(body.reason).not.toBe('database unavailable');
  });

  it('tells the public only that the database is unavailable, never the driver message', async () => {
    const body = await refusal(new PublicHealthController(unreachable()));
    expect(body).toEqual({ status: 'not ready', reason: 'database unavailable' });
  });
});
