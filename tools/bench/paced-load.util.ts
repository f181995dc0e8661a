import { Agent, createServer, request } from 'node:http';

/** What one paced run measured; latencies in milliseconds. */
export interface PacedFigures {
  /** Requests asked for per second, and answered per second over the run. */
  rate: number;
  rps: number;
  requests: number;
  /** Latency from when each request was due, so a stalled server or generator cannot hide its queue. */
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  max: number;
  /** From when each request was actually sent: the server's share. */
  serviceP50: number;
  serviceP99: number;
  /** How late the generator itself sent (it shares the machine). */
  sendLagP99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes?: Record<string, number>;
  bytesPerResponse: number;
  /**
   * The seconds of the run (counted from its start) in which some request took over SLOW_MS, with how
   * many did: a tail spread over the run is queueing, one bunched in a few seconds is a stall.
   */
  slowSeconds: { second: number; slow: number; requests: number }[];
}

/** The latency target's bound: slower requests are counted per second in `slowSeconds`. */
export const SLOW_MS = 50;

export interface PacedTarget {
  url: string;
  /** A new path for each request. */
  path: () => string;
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Most sockets open at once; beyond it requests wait (and that wait counts). */
  maxSockets?: number;
  timeoutMs?: number;
  /** Kept-alive connections to reuse (a warm-up's); by default the run opens its own and closes them after. */
  agent?: Agent;
}

interface Sample {
  due: number;
  sent: number;
  done: number;
}

/**
 * An open-loop load at a fixed rate, one request every 1/rate seconds, whatever the answers do:
 * unlike autocannon's `overallRate` (each connection spends its per-second budget back to back at
 * the top of each second, so a "500 rps" run is a burst of 500 at saturation), this measures latency
 * at the rate itself.
 */
export async function pacedLoad(target: PacedTarget): Promise<PacedFigures> {
  const agent = target.agent ?? pacedAgent(target.maxSockets);
  const total = Math.round(target.rate * target.seconds);
  const interval = 1000 / target.rate;
  const timeoutMs = target.timeoutMs ?? 10_000;
  const samples: Sample[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let bytes = 0;
  let finished = 0;
  const start = performance.now() + 10;
  try {
    await new Promise<void>((resolve) => {
      const settle = () => {
        finished++;
        if (finished === total) resolve();
      };
      const fire = (i: number) => {
        const due = start + i * interval;
        const sent = performance.now();
        let over = false;
        // One outcome per request, whichever of answer, error or timeout comes first.
        const outcome = (record: () => void) => {
          if (over) return;
          over = true;
          record();
          settle();
        };
        const outgoing = request(`${target.url}${target.path()}`, { agent, headers: target.headers }, (incoming) => {
          incoming.on('data', (chunk: Buffer) => (bytes += chunk.length));
          incoming.on('end', () =>
            outcome(() => {
              const code = String(incoming.statusCode);
              statusCodes[code] = (statusCodes[code] ?? 0) + 1;
              samples.push({ due, sent, done: performance.now() });
            }),
          );
          incoming.on('error', () => outcome(() => errors++));
        });
        outgoing.setTimeout(timeoutMs, () =>
          outcome(() => {
            timeouts++;
            outgoing.destroy();
          }),
        );
        outgoing.on('error', () => outcome(() => errors++));
        outgoing.end();
      };
      let next = 0;
      const tick = () => {
        const now = performance.now();
        while (next < total && start + next * interval <= now) fire(next++);
        if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      };
      setTimeout(tick, 10);
    });
  } finally {
    if (!target.agent) agent.destroy();
  }
  return figures(target.rate, samples, statusCodes, { errors, timeouts, bytes, start });
}

/** Kept-alive connections for paced runs; pass one to several runs to share its connections. */
export function pacedAgent(maxSockets = 256): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

function figures(
  rate: number,
  samples: Sample[],
  statusCodes: Record<string, number>,
  counts: { errors: number; timeouts: number; bytes: number; start: number },
): PacedFigures {
  const latency = Float64Array.from(samples, (s) => s.done - s.due).sort();
  const service = Float64Array.from(samples, (s) => s.done - s.sent).sort();
  const lag = Float64Array.from(samples, (s) => s.sent - s.due).sort();
  const last = samples.reduce((end, s) => Math.max(end, s.done), counts.start);
  const non2xx = Object.entries(statusCodes).reduce((n, [code, count]) => (code.startsWith('2') ? n : n + count), 0);
  return {
    rate,
    rps: round((samples.length * 1000) / Math.max(1, last - counts.start)),
    requests: samples.length,
    p50: percentile(latency, 50),
    p90: percentile(latency, 90),
    p97_5: percentile(latency, 97.5),
    p99: percentile(latency, 99),
    max: round(latency[latency.length - 1] ?? 0),
    serviceP50: percentile(service, 50),
    serviceP99: percentile(service, 99),
    sendLagP99: percentile(lag, 99),
    errors: counts.errors,
    timeouts: counts.timeouts,
    non2xx,
    ...(non2xx ? { statusCodes } : {}),
    bytesPerResponse: samples.length ? Math.round(counts.bytes / samples.length) : 0,
    slowSeconds: slowSeconds(samples, counts.start),
  };
}

export function slowSeconds(samples: { due: number; done: number }[], start: number): PacedFigures['slowSeconds'] {
  const bySecond = new Map<number, { slow: number; requests: number }>();
  for (const s of samples) {
    const second = Math.floor((s.due - start) / 1000);
    const entry = bySecond.get(second) ?? { slow: 0, requests: 0 };
    entry.requests++;
    if (s.done - s.due > SLOW_MS) entry.slow++;
    bySecond.set(second, entry);
  }
  return [...bySecond.entries()]
    .filter(([, e]) => e.slow > 0)
    .map(([second, e]) => ({ second, ...e }))
    .sort((a, b) => a.second - b.second);
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank]);
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The same load against a server that answers at once with a body of `bytes`: the latency the
 * machine and the generator alone add at this rate, the floor under any app's figures.
 */
export async function pacedFloor(rate: number, seconds: number, bytes = 4_400): Promise<PacedFigures> {
  const body = Buffer.alloc(bytes, 0x20);
  const server = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    return await pacedLoad({ url: `http://127.0.0.1:${port}`, path: () => '/', rate, seconds });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
