import { Logger, ValidationPipe, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { appPort, type AppName } from '@tianping/common';
import { AppLogger, enableDefaultMetrics, httpMetrics, metricsEndpoint } from '@tianping/observability';
import { answerClientErrors } from './client-error.util';
import { DataExceptionFilter } from './data-exception.filter';
import { BODY_LIMITS, bodyErrors, verifyJsonBody, verifyTextBody } from './request-body.util';

/**
 * Validates every request body and query at the edge: bodies too large, too deep or not UTF-8 are
 * refused before parsing, unknown fields are refused, not ignored; a value the database cannot take
 * is a 400, not a 500; a request line too long for Node is a 431 that says so. Serves /metrics.
 * `jsonOnly`: no text bodies (their limit is for uploads, 50 MiB, not for an app that faces the
 * public). CSV bodies are left unread: intake streams them.
 */
export function configureHttpApp(app: NestExpressApplication, options: { jsonOnly?: boolean } = {}): void {
  enableDefaultMetrics();
  app.use(httpMetrics);
  app.use(metricsEndpoint());
  app.useBodyParser('json', { limit: BODY_LIMITS.json, verify: verifyJsonBody });
  if (!options.jsonOnly) {
    app.useBodyParser('text', { type: ['text/plain', 'application/x-ndjson', 'application/jsonl'], limit: BODY_LIMITS.text, verify: verifyTextBody });
  }
  app.use(bodyErrors);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new DataExceptionFilter(app.getHttpAdapter()));
  answerClientErrors(app.getHttpServer());
  app.enableShutdownHooks();
}

/** Starts one app of the suite on its port; Ctrl-C or SIGTERM shuts it down cleanly. */
export async function bootstrapHttpApp(name: AppName, module: Type<unknown>): Promise<INestApplication> {
  enableDefaultMetrics(name);
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, logger: new AppLogger(name) });
  configureHttpApp(app);
  const port = appPort(name);
  await app.listen(port, process.env.HOST || '127.0.0.1');
  new Logger(name).log(`listening on http://${process.env.HOST || '127.0.0.1'}:${port}`);
  return app;
}
