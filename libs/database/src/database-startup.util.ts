/** Errors a database gives while it is starting, restarting or not listening yet: worth waiting for. */
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', '57P03', '57P01', '53300']);

export function isDatabaseStarting(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  // Node wraps a refused connection to "localhost" (IPv4 and IPv6) in an AggregateError.
  if (error instanceof AggregateError) return error.errors.some(isDatabaseStarting);
  return false;
}

export interface StartupRetry {
  /** Give up after this long (default DATABASE_STARTUP_TIMEOUT_MS, else 60 s). */
  timeoutMs?: number;
  /** First pause between attempts; doubles up to 2 s. */
  firstDelayMs?: number;
  onRetry?: (error: unknown, attempt: number) => void;
}

/** Runs `attempt` until it succeeds, retrying only while the database is starting, up to a deadline. */
export async function retryWhileStarting<T>(attempt: () => Promise<T>, options: StartupRetry = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? (Number(process.env.DATABASE_STARTUP_TIMEOUT_MS) || 60_000);
  const deadline = Date.now() + timeoutMs;
  let delay = options.firstDelayMs ?? 100;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isDatabaseStarting(error) || Date.now() + delay > deadline) throw error;
      options.onRetry?.(error, n);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 2_000);
    }
  }
}
