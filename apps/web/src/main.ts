import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { appPort } from '@tianping/common';
import { AppLogger, enableDefaultMetrics } from '@tianping/observability';
import { configureWebApp } from './web-app.config';
import { WebModule } from './web.module';

async function main(): Promise<void> {
  enableDefaultMetrics('web');
  const app = await NestFactory.create<NestExpressApplication>(WebModule, { bodyParser: false, logger: new AppLogger('web') });
  configureWebApp(app);
  const host = process.env.HOST || '127.0.0.1';
  await app.listen(appPort('web'), host);
  new Logger('web').log(`pages on http://${host}:${appPort('web')}/  API docs /docs.html`);
}

void main();
