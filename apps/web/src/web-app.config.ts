import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { configureHttpApp } from '@tianping/database';

export const STATIC_DIR = join(__dirname, '..', 'static');

/** Pages load only their own scripts and styles; nothing frames them; API answers are never cached. */
function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  if (request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
  next();
}

export function configureWebApp(app: NestExpressApplication): void {
  configureHttpApp(app);
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.useStaticAssets(STATIC_DIR, { index: 'index.html', fallthrough: true });
}
