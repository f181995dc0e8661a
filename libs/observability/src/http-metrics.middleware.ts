import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { metricsRegistry, renderMetrics } from './metrics.registry';

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  registers: [metricsRegistry],
});

/** Requests that matched no route (static files, 404s) share one label, so URLs never multiply series. */
const NO_ROUTE = '(none)';

/** Times every request, labelled by the route's pattern (`/api/scores/:creditCode`), never the raw URL. */
export function httpMetrics(request: Request, response: Response, next: NextFunction): void {
  const end = httpRequestDuration.startTimer();
  response.once('finish', () => {
    const route = request.path === METRICS_PATH ? METRICS_PATH : routePattern(request);
    end({ method: request.method, route, status_code: String(response.statusCode) });
  });
  next();
}

function routePattern(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : NO_ROUTE;
}

export const METRICS_PATH = '/metrics';

/**
 * GET /metrics in Prometheus's format. When TIANPING_METRICS_TOKEN is set the scraper must send it
 * as a bearer token (the web app faces the public; the others listen on the private network).
 */
export function metricsEndpoint(token = process.env.TIANPING_METRICS_TOKEN) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.path !== METRICS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    if (token && !bearerMatches(request.headers.authorization, token)) {
      response.status(401).json({ statusCode: 401, message: 'metrics need the scrape token (Authorization: Bearer …)' });
      return;
    }
    renderMetrics().then(
      ({ contentType, body }) => response.type(contentType).send(body),
      (error: unknown) => next(error),
    );
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
