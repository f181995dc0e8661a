/** What one fixed-rate run measured; latencies in milliseconds. */
export interface LoadFigures {
  rps: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses by status code (only when some were not 2xx). */
  statusCodes?: Record<string, number>;
  bytesPerResponse: number;
}

interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  max: number;
  total: number;
}

interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

type Autocannon = (
  options: { url: string; connections: number; duration: number; overallRate?: number; headers?: Record<string, string>; requests?: AutocannonRequest[] },
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;

// autocannon ships no types; the few options and results used here are typed above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

function run(options: Parameters<Autocannon>[0]): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

export interface LoadTarget {
  url: string;
  /** A new path for each request. */
  path: () => string;
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
  connections?: number;
}

function requestsOf(target: LoadTarget): AutocannonRequest[] {
  return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: target.path() }) }];
}

/** A few seconds at half the rate, unmeasured: JIT, connection pools and caches warm up. */
export async function warmUp(target: LoadTarget): Promise<void> {
  await run({
    url: target.url,
    connections: target.connections ?? 50,
    duration: 3,
    overallRate: Math.ceil(target.rate / 2),
    headers: target.headers,
    requests: requestsOf(target),
  });
}

/**
 * GETs at autocannon's `overallRate` for `seconds`. Each connection sends its share of a second's
 * budget back to back from the top of each second, so this is a burst per second at saturation;
 * paced-load.util holds a rate evenly.
 */
export async function hammer(target: LoadTarget): Promise<LoadFigures> {
  const result = await run({
    url: target.url,
    connections: target.connections ?? 50,
    duration: target.seconds,
    overallRate: target.rate,
    headers: target.headers,
    requests: requestsOf(target),
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    rps: round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ...(result.non2xx ? { statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count])) } : {}),
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

/** The CPU seconds a served app has used so far, from its /metrics. */
export async function cpuSeconds(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('process_cpu_seconds_total'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}
