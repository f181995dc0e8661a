import type { Server } from 'node:http';
import express from 'express';
import { httpMetrics, metricsEndpoint } from './http-metrics.middleware';

describe('the /metrics endpoint and request timing', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(httpMetrics);
    app.use(metricsEndpoint('scrape-secret'));
    app.get('/api/things/:id', (_request, response) => void response.json({ ok: true }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('asks for the scrape token when one is set, and refuses a wrong one', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer scrape-secreT' } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } })).status).toBe(200);
  });

  it('labels requests with the route pattern, never the path that was asked for', async () => {
    await fetch(`${base}/api/things/440604198703150018`);
    const text = await (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } })).text();
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/things\/:id",status_code="200"\} 1/);
    expect(text).not.toContain('440604198703150018');
  });
});
