import { createServer, type ServerResponse } from 'node:http';
import { pacedLoad, percentile, slowSeconds } from './paced-load.util';

describe('the paced load', () => {
  it('keeps sending on schedule while earlier answers are still outstanding (open loop)', async () => {
    // Answers nothing until every request has arrived: a generator that waits for answers never finishes.
    const total = 20;
    const waiting: ServerResponse[] = [];
    const server = createServer((_request, response) => {
      waiting.push(response);
      if (waiting.length === total) for (const held of waiting) held.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const figures = await pacedLoad({ url: `http://127.0.0.1:${port}`, path: () => '/', rate: 100, seconds: total / 100 });
      expect(figures).toMatchObject({ requests: total, errors: 0, timeouts: 0, non2xx: 0 });
      // The first request, due 190 ms before the last, waited for it: latency counts from when a request was due.
      expect(figures.max).toBeGreaterThanOrEqual(190);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names the seconds in which requests took longer than the target, with how many', () => {
    const at = (due: number, latency: number) => ({ due, done: due + latency });
    const samples = [at(0, 5), at(500, 60), at(1200, 10), at(2100, 51), at(2900, 400), at(3100, 50)];
    expect(slowSeconds(samples, 0)).toEqual([
      { second: 0, slow: 1, requests: 2 },
      { second: 2, slow: 2, requests: 2 },
    ]);
  });

  it('reads percentiles by nearest rank', () => {
    const sorted = Float64Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(100);
    expect(percentile(sorted, 97.5)).toBe(195);
    expect(percentile(sorted, 99)).toBe(198);
    expect(percentile(sorted, 100)).toBe(200);
    expect(percentile(new Float64Array(0), 99)).toBe(0);
  });
});
