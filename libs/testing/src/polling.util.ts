import { pollUntil } from '@tianping/common';

/** Polls until `probe` gives a truthy value (NATS delivery is asynchronous); throws, naming `what`, past the deadline. */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  return (await pollUntil(probe, Boolean, () => new Error(`timed out waiting for ${what}`), { timeoutMs, intervalMs })) as T;
}

/** One JSON call to an app: the status and the parsed body (null when empty). */
export async function requestJson<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
