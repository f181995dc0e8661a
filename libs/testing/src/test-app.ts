import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp } from '@tianping/database';

/** Boots a real app of the suite on a free loopback port, configured as in production. */
export async function listenTestApp(
  module: Type<unknown>,
  configure: (app: NestExpressApplication) => void = configureHttpApp,
): Promise<{ app: NestExpressApplication; baseUrl: string }> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, logger: ['error'] });
  configure(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}
