import { createServer, type Server } from 'node:http';
import { UpstreamClient } from './upstream.client';

describe("the gateway's calls to the other apps", () => {
  let server: Server;
  const client = new UpstreamClient();

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 1000);
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        response.setHeader('content-type', 'application/json; charset=utf-8');
        response.statusCode = request.url === '/missing' ? 404 : 200;
        response.end(JSON.stringify({ method: request.method, url: request.url, body, type: request.headers['content-type'] ?? null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.PORT_SCORING = String((server.address() as { port: number }).port);
  });
  afterAll(async () => {
    delete process.env.PORT_SCORING;
    await new Promise((resolve) => server.close(resolve));
  });

  it('forwards the method, path, query and JSON body, and hands back status, type and body', async () => {
    const answer = await client.call('scoring', 'POST', '/api/x?y=1', { 中: '文' });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toContain('application/json');
    expect(JSON.parse(answer.body.toString())).toEqual({ method: 'POST', url: '/api/x?y=1', body: '{"中":"文"}', type: 'application/json' });
    expect((await client.call('scoring', 'GET', '/missing')).status).toBe(404);
  });

  it('refuses, without sending, a path the URL parser would rewrite (`\\` read as `/`, dot segments resolved)', async () => {
    for (const path of ['/api/a/..\\..\\b', '/api/a/%2e%2e/b', '/api/a/../b', '/api/a/./b']) {
      const answer = await client.call('scoring', 'GET', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(JSON.parse(answer.body.toString())).toMatchObject({ code: 'bad_path' });
    }
    expect((await client.call('scoring', 'GET', '/api/a%5Cb?q=..\\x')).status).toBe(200);
  });

  it('answers 504 when the app takes longer than the route allows, 503 when it is not there', async () => {
    expect(JSON.parse((await client.call('scoring', 'GET', '/slow', undefined, 100)).body.toString())).toMatchObject({
      statusCode: 504,
      code: 'upstream_timeout',
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    process.env.PORT_DISPATCH = String((closed.address() as { port: number }).port);
    await new Promise((resolve) => closed.close(resolve));
    expect(JSON.parse((await client.call('dispatch', 'GET', '/api/x')).body.toString())).toMatchObject({ statusCode: 503, code: 'upstream_unavailable' });
    delete process.env.PORT_DISPATCH;
  });
});
