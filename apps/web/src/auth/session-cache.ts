import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../access/roles';

export type SessionPrincipal = Principal & { expiresAt: string };

export interface SessionCacheSettings {
  /** How long a looked-up session is trusted without asking the database again; 0 turns the cache off. */
  ttlMs: number;
  /** Beyond this many sessions the longest-held are dropped first. */
  maxEntries: number;
  /** Milliseconds since the epoch (the session's `expiresAt` is compared with it too). */
  now: () => number;
}

export const SESSION_CACHE_SETTINGS = Symbol('SESSION_CACHE_SETTINGS');

export function sessionCacheSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SessionCacheSettings {
  const raw = env.TIANPING_SESSION_CACHE_MS?.trim();
  const ttl = raw ? Number(raw) : NaN;
  return { ttlMs: Number.isFinite(ttl) && ttl >= 0 ? ttl : 1_000, maxEntries: 10_000, now: () => Date.now() };
}

interface Entry {
  principal: Promise<SessionPrincipal | null>;
  /** Trusted until then; +Infinity while the first lookup is still under way. */
  until: number;
  accountId: number | null;
}

/**
 * Live sessions held for a moment, so a page's burst of API calls costs one database lookup, not one
 * each. The rule: a session ended in this process (sign-out, account disabled here) stops working at
 * once; one ended elsewhere (another web process, the CLI, an expiry) stops within `ttlMs`. A session
 * is never trusted past its own expiry, and unknown or dead sessions are not held (every such request
 * asks the database). Concurrent requests with the same session share one lookup.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(@Inject(SESSION_CACHE_SETTINGS) private readonly settings: SessionCacheSettings) {}

  principal(tokenHash: string, load: () => Promise<SessionPrincipal | null>): Promise<SessionPrincipal | null> {
    if (this.settings.ttlMs <= 0) return load();
    const now = this.settings.now();
    const held = this.entries.get(tokenHash);
    if (held && held.until > now) return held.principal;
    if (held) this.entries.delete(tokenHash);
    const entry: Entry = { principal: Promise.resolve(null), until: Infinity, accountId: null };
    entry.principal = load().then(
      (principal) => {
        if (!principal) this.drop(tokenHash, entry);
        else {
          entry.accountId = principal.accountId;
          entry.until = Math.min(now + this.settings.ttlMs, new Date(principal.expiresAt).getTime());
        }
        return principal;
      },
      (error: unknown) => {
        this.drop(tokenHash, entry);
        throw error;
      },
    );
    this.makeRoom();
    this.entries.set(tokenHash, entry);
    return entry.principal;
  }

  /** After a sign-out: the session is not served from memory again. */
  forgetSession(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  /** After an account is disabled: none of its sessions is served from memory again (nor any lookup still under way). */
  forgetAccount(accountId: number): void {
    for (const [hash, entry] of this.entries) if (entry.accountId === accountId || entry.accountId === null) this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(tokenHash: string, entry: Entry): void {
    if (this.entries.get(tokenHash) === entry) this.entries.delete(tokenHash);
  }

  private makeRoom(): void {
    while (this.entries.size >= this.settings.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) return;
      this.entries.delete(oldest.value);
    }
  }
}
