import { numberSetting } from '@tianping/common';

/** What nats.js and JetStream say while a NATS server restarts or its JetStream is not back yet. */
const AWAY_NAMES = new Set(['TimeoutError', 'NoResponders', 'ConnectionError', 'JetStreamNotEnabled']);

/**
 * True when a NATS call failed because the server is restarting or out of reach (a request timed
 * out, nothing answered, JetStream temporarily unavailable), not because the call was wrong.
 */
export function isNatsAway(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { name?: unknown; message?: unknown; status?: unknown; cause?: unknown };
  if (typeof e.name === 'string' && AWAY_NAMES.has(e.name)) return true;
  if (e.name === 'JetStreamApiError' && (e.status === 503 || /temporarily unavailable/i.test(String(e.message)))) return true;
  return isNatsAway(e.cause, depth + 1);
}

export interface NatsStartupRetry {
  /** Give up after this long (default NATS_STARTUP_TIMEOUT_MS, else 60 s). */
  timeoutMs?: number;
  firstDelayMs?: number;
  onRetry?: (error: unknown) => void;
}

/**
 * Runs a step of an app's start (making the streams, a durable consumer) until it succeeds, waiting
 * while NATS is away: an app that boots while NATS restarts comes up when it is back instead of
 * exiting for a supervisor to start again. Any other error, or the deadline, ends it.
 */
export async function retryWhileNatsAway<T>(attempt: () => Promise<T>, options: NatsStartupRetry = {}): Promise<T> {
  const timeoutMs =
    options.timeoutMs ??
    numberSetting(process.env, 'NATS_STARTUP_TIMEOUT_MS', { fallback: 60_000, min: 0, integer: true, takes: 'a whole number of milliseconds' });
  const deadline = Date.now() + timeoutMs;
  let delay = options.firstDelayMs ?? 250;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isNatsAway(error) || Date.now() + delay > deadline) throw error;
      options.onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 2_000);
    }
  }
}
