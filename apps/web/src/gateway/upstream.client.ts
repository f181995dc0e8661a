import { Agent, request } from 'node:http';
import { Injectable } from '@nestjs/common';
import { appUrl, type AppName } from '@tianping/common';

export interface UpstreamAnswer {
  status: number;
  contentType: string;
  /** Bytes as the app sent them: evidence files are binary. */
  body: Buffer;
  /** Set for downloads: the file name the app gave. */
  contentDisposition?: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Calls another app of the suite (loopback unless `<APP>_URL` says where). Its absence is an answer (503), not a crash. */
@Injectable()
export class UpstreamClient {
  async call(app: AppName, method: string, pathAndQuery: string, body?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<UpstreamAnswer> {
    const url = `${appUrl(app)}${pathAndQuery}`;
    // The URL parser reads `\` as `/` and resolves `..`: a path it would rewrite is not the one that was checked.
    if (!sentAsWritten(pathAndQuery)) return unavailable(400, app, 'bad_path', 'not a path of this API');
    const hasBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
    try {
      const response = await send(url, method, hasBody ? JSON.stringify(body) : undefined, timeoutMs);
      // A route the app does not have yet reads as "not available yet" to the pages, not as "no such record".
      if (response.status === 404 && /"message":"Cannot (GET|POST|PUT|DELETE) /.test(response.body.toString()))
        return unavailable(501, app, 'not_available', `${app} does not offer this yet`);
      return response;
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return unavailable(
        timedOut ? 504 : 503,
        app,
        timedOut ? 'upstream_timeout' : 'upstream_unavailable',
        timedOut ? `${app} took too long to answer` : `${app} is not answering`,
      );
    }
  }

  async json<T>(app: AppName, path: string): Promise<{ status: number; body: T | null; message?: string }> {
    const answer = await this.call(app, 'GET', path);
    if (answer.status !== 200) return { status: answer.status, body: null, message: messageOf(answer.body) };
    return { status: 200, body: JSON.parse(answer.body.toString()) as T };
  }
}

/** What an app's error answer says (Nest's validation lists its messages), if it says anything. */
function messageOf(body: Buffer): string | undefined {
  try {
    const { message } = JSON.parse(body.toString()) as { message?: unknown };
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** Whether node:http, which parses the URL, sends the path exactly as written. */
function sentAsWritten(pathAndQuery: string): boolean {
  const path = pathAndQuery.split(/[?#]/, 1)[0];
  try {
    return new URL(path, 'http://127.0.0.1').pathname === path;
  } catch {
    return false;
  }
}

/**
 * Kept-alive connections to the other apps: node:http costs far less CPU per forwarded call than
 * fetch. Idle sockets are dropped after 4 s, before the apps' servers close them (5 s).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 128, timeout: 4_000 });

/** A kept-alive socket the app closed just as it was reused: a read is sent again, once, on a new one. */
async function send(url: string, method: string, body: string | undefined, timeoutMs: number): Promise<UpstreamAnswer> {
  try {
    return await sendOnce(url, method, body, timeoutMs);
  } catch (error) {
    const stale = (error as { code?: string; reusedSocket?: boolean }).reusedSocket && (error as { code?: string }).code === 'ECONNRESET';
    if (!stale || (method !== 'GET' && method !== 'HEAD')) throw error;
    return sendOnce(url, method, body, timeoutMs);
  }
}

function sendOnce(url: string, method: string, body: string | undefined, timeoutMs: number): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const outgoing = request(url, { method, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', fail);
      incoming.on('end', () => {
        clearTimeout(timer);
        const disposition = incoming.headers['content-disposition'];
        resolve({
          status: incoming.statusCode ?? 502,
          contentType: incoming.headers['content-type'] ?? 'application/json',
          body: Buffer.concat(chunks),
          ...(disposition ? { contentDisposition: disposition } : {}),
        });
      });
    });
    // The whole exchange, not just a silent socket, must finish in time.
    const timer = setTimeout(() => outgoing.destroy(Object.assign(new Error('upstream timeout'), { name: 'TimeoutError' })), timeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      reject(Object.assign(error, { reusedSocket: outgoing.reusedSocket }));
    }
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

function unavailable(status: number, app: AppName, code: string, message: string): UpstreamAnswer {
  return { status, contentType: 'application/json', body: Buffer.from(JSON.stringify({ statusCode: status, code, app, message })) };
}
