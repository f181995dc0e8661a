import { Logger, ValidationPipe, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { appPort, type AppName } from '@tianping/common';

/** Validates every request body and query at the edge; unknown fields are refused, not ignored. */
export function configureHttpApp(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: '5mb' });
  app.useBodyParser('raw', { type: 'text/csv', limit: '200mb' });
  app.useBodyParser('text', { type: ['text/plain', 'application/x-ndjson', 'application/jsonl'], limit: '50mb' });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
}

/** Starts one app of the suite on its port; Ctrl-C or SIGTERM shuts it down cleanly. */
export async function bootstrapHttpApp(name: AppName, module: Type<unknown>): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, bufferLogs: false });
  configureHttpApp(app);
  const port = appPort(name);
  await app.listen(port, process.env.HOST || '127.0.0.1');
  new Logger(name).log(`listening on http://${process.env.HOST || '127.0.0.1'}:${port}`);
  return app;
}
