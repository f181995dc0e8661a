import { connect } from 'node:net';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isPortOpen(port))) {
    if (Date.now() > deadline) throw new Error(`nothing opened port ${port} within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** Retries `body` until it succeeds or the time is up: the thing it talks to may be restarting. */
export async function retrying<T>(what: string, body: () => Promise<T>, timeoutMs = 120_000, onRetry?: (error: Error) => void): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await body();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: still failing after ${attempt} attempts: ${(error as Error).message}`, { cause: error });
      onRetry?.(error as Error);
      await sleep(Math.min(2000, 200 * attempt));
    }
  }
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * How long to wait before two runs that should score as of the same China day (UTC+8) may start:
 * 0, unless the day turns within `windowMinutes`, then until just after it turns. Runs that straddle
 * midnight score as of different days (every enterprise a day older) and cannot be compared.
 */
export function waitForSameChinaDay(nowMs: number, windowMinutes: number): number {
  const untilMidnight = DAY_MS - ((nowMs + CHINA_OFFSET_MS) % DAY_MS);
  return untilMidnight < windowMinutes * 60_000 ? untilMidnight + 5_000 : 0;
}
