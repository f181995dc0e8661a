import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import { configureHttpApp } from '@tianping/database';
import { isApiPath } from './access/access.guard';
import { trustProxySetting } from './trust-proxy.util';

export const STATIC_DIR = join(__dirname, '..', 'static');

/** Pages load only their own scripts and styles; nothing frames them; API answers are never cached. */
function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  if (isApiPath(request.path)) response.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * The API takes JSON bodies only (what the gateway forwards is JSON): any other body is refused
 * unread, so no one can make the public app hold a CSV or a text of many megabytes, and a plain
 * HTML form (urlencoded, multipart, text) posts nothing here.
 */
function jsonBodiesOnly(request: Request, response: Response, next: NextFunction): void {
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (!hasBody || !isApiPath(request.path) || request.is('application/json')) return next();
  response.status(415).json({ statusCode: 415, code: 'unsupported_media_type', message: 'the API takes JSON bodies (application/json) only' });
}

export function configureWebApp(app: NestExpressApplication): void {
  configureHttpApp(app, { jsonOnly: true });
  app.disable('x-powered-by');
  // Who the client is, for the sign-in limit: the socket's address unless proxies are named.
  const trustProxy = trustProxySetting(process.env.TIANPING_TRUST_PROXY);
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  // API answers are no-store, so an ETag (a hash of every body) would never be used.
  app.set('etag', false);
  app.use(securityHeaders);
  app.use(jsonBodiesOnly);
  // API calls never look on disk: a stat per call was the gateway's largest cost after the network.
  const pages = serveStatic(STATIC_DIR, { index: 'index.html', fallthrough: true });
  app.use((request: Request, response: Response, next: NextFunction) => (isApiPath(request.path) ? next() : pages(request, response, next)));
}
