import type { IncomingHttpHeaders } from 'node:http';

/** Methods that change nothing: another site's page may cause them (a link, an image) without harm. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request that changes something was sent by another site's page (cross-site request
 * forgery). The browser says where a request comes from in Sec-Fetch-Site; an older browser only in
 * Origin, compared here with the host asked. A call with neither (the CLI, curl) is no browser's.
 * The session cookie's SameSite=Strict already keeps other sites out; this also keeps out sibling
 * subdomains (same site, other origin) and browsers that ignore SameSite.
 */
export function fromAnotherSite(method: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method)) return false;
  const site = headers['sec-fetch-site'];
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true; // `Origin: null` (a sandboxed frame, a redirect across sites) is no origin of ours
  }
}
