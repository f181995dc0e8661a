import { Injectable } from '@nestjs/common';
import { appPort, type AppName } from '@tianping/common';

export interface UpstreamAnswer {
  status: number;
  contentType: string;
  body: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Calls another app of the suite over loopback. Its absence is an answer (503), not a crash. */
@Injectable()
export class UpstreamClient {
  async call(app: AppName, method: string, pathAndQuery: string, body?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<UpstreamAnswer> {
    const url = `http://127.0.0.1:${appPort(app)}${pathAndQuery}`;
    const hasBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
    try {
      const response = await fetch(url, {
        method,
        headers: hasBody ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
        body: hasBody ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      // A route the app does not have yet reads as "not available yet" to the pages, not as "no such record".
      if (response.status === 404 && /"message":"Cannot (GET|POST|PUT|DELETE) /.test(text)) return unavailable(501, app, 'not_available', `${app} does not offer this yet`);
      return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', body: text };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return unavailable(timedOut ? 504 : 503, app, timedOut ? 'upstream_timeout' : 'upstream_unavailable', timedOut ? `${app} took too long to answer` : `${app} is not answering`);
    }
  }

  async json<T>(app: AppName, path: string): Promise<{ status: number; body: T | null }> {
    const answer = await this.call(app, 'GET', path);
    if (answer.status !== 200) return { status: answer.status, body: null };
    return { status: 200, body: JSON.parse(answer.body) as T };
  }
}

function unavailable(status: number, app: AppName, code: string, message: string): UpstreamAnswer {
  return { status, contentType: 'application/json', body: JSON.stringify({ statusCode: status, code, app, message }) };
}
