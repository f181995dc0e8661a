// The pages' only way to the server: same-origin JSON, the session travels in an httpOnly cookie.
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (Array.isArray(body.message) ? body.message.join('; ') : body.message)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
  /** The service behind the route does not exist yet or is not answering. */
  get unavailable() {
    return this.status === 501 || this.status === 503 || this.status === 504;
  }
  /** No answer came at all: the network or the web server is down (status 0, as browsers say it). */
  get offline() {
    return this.status === 0;
  }
}

export async function api(path, { method = 'GET', body, query } = {}) {
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    const text = params.toString();
    if (text) url += `?${text}`;
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    // The browser's "Failed to fetch" is no server's words: it means no answer came.
    throw new ApiError(0, { message: t('state.offline') });
  }
  const text = await response.text();
  let parsed;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { message: text }; }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/auth/')) window.dispatchEvent(new CustomEvent('tp:signed-out'));
    throw new ApiError(response.status, parsed);
  }
  return parsed;
}

/**
 * A lookup the pages ask for once per page load (names of districts, of checklist items): the first
 * call asks and hands the answer to `keep`; later calls share that answer. It is never a reason for a
 * page not to draw: a failure is forgotten, so the next page asks again, and until then codes show.
 */
export function askedOnce(path, keep) {
  let asked = null;
  return () => (asked ??= api(path).then(keep).catch(() => { asked = null; }));
}
