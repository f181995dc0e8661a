import { SessionCache, sessionCacheSettingsFromEnv, type SessionPrincipal } from './session-cache';

const HOUR = 3_600_000;

function principal(accountId: number, expiresAt: number): SessionPrincipal {
  return {
    accountId,
    username: `user-${accountId}`,
    role: 'department',
    creditCode: null,
    department: 'SAMR',
    officerId: null,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

/** A database stand-in: the sessions that are live right now, and how often it was asked. */
function sessionStore(now: () => number) {
  const live = new Map<string, SessionPrincipal>();
  let lookups = 0;
  return {
    live,
    lookups: () => lookups,
    load: (hash: string) => async () => {
      lookups++;
      const found = live.get(hash);
      return found && new Date(found.expiresAt).getTime() > now() ? found : null;
    },
  };
}

describe('the session cache', () => {
  let clock: number;
  let cache: SessionCache;
  let store: ReturnType<typeof sessionStore>;

  beforeEach(() => {
    clock = Date.UTC(2026, 5, 1, 9);
    cache = new SessionCache({ ttlMs: 1_000, maxEntries: 100, now: () => clock });
    store = sessionStore(() => clock);
    store.live.set('a', principal(1, clock + 8 * HOUR));
  });

  it('asks the database once for a burst of calls with the same session', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => cache.principal('a', store.load('a'))));
    await cache.principal('a', store.load('a'));
    expect(answers.every((p) => p?.accountId === 1)).toBe(true);
    expect(store.lookups()).toBe(1);
  });

  it('stops honouring a session revoked elsewhere once the cache time has passed', async () => {
    await cache.principal('a', store.load('a'));
    store.live.delete('a'); // revoked by another process: this one is not told
    clock += 999;
    expect(await cache.principal('a', store.load('a'))).not.toBeNull();
    clock += 1;
    expect(await cache.principal('a', store.load('a'))).toBeNull();
  });

  it('stops honouring a session signed out or disabled in this process at once', async () => {
    store.live.set('b', principal(2, clock + HOUR));
    await cache.principal('a', store.load('a'));
    await cache.principal('b', store.load('b'));
    store.live.delete('a');
    cache.forgetSession('a');
    expect(await cache.principal('a', store.load('a'))).toBeNull();
    store.live.delete('b');
    cache.forgetAccount(2);
    expect(await cache.principal('b', store.load('b'))).toBeNull();
  });

  it('never trusts a session past its own expiry', async () => {
    store.live.set('c', principal(3, clock + 300));
    expect(await cache.principal('c', store.load('c'))).not.toBeNull();
    clock += 300;
    expect(await cache.principal('c', store.load('c'))).toBeNull();
  });

  it('holds no unknown session, so one created a moment later is found', async () => {
    expect(await cache.principal('d', store.load('d'))).toBeNull();
    store.live.set('d', principal(4, clock + HOUR));
    expect(await cache.principal('d', store.load('d'))).not.toBeNull();
    expect(cache.size).toBe(1);
  });

  it('forgets a failed lookup instead of holding the failure', async () => {
    await expect(cache.principal('a', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.principal('a', store.load('a'))).not.toBeNull();
  });

  it('drops the longest-held sessions beyond its size', async () => {
    const small = new SessionCache({ ttlMs: 1_000, maxEntries: 2, now: () => clock });
    for (const hash of ['x', 'y', 'z']) {
      store.live.set(hash, principal(9, clock + HOUR));
      await small.principal(hash, store.load(hash));
    }
    expect(small.size).toBe(2);
    const before = store.lookups();
    await small.principal('x', store.load('x'));
    expect(store.lookups()).toBe(before + 1);
  });

  it('with a cache time of 0 asks the database every time', async () => {
    const off = new SessionCache({ ttlMs: 0, maxEntries: 100, now: () => clock });
    await off.principal('a', store.load('a'));
    await off.principal('a', store.load('a'));
    expect(store.lookups()).toBe(2);
  });

  it('reads its cache time from TIANPING_SESSION_CACHE_MS, one second by default', () => {
    expect(sessionCacheSettingsFromEnv({}).ttlMs).toBe(1_000);
    expect(sessionCacheSettingsFromEnv({ TIANPING_SESSION_CACHE_MS: '0' }).ttlMs).toBe(0);
    expect(sessionCacheSettingsFromEnv({ TIANPING_SESSION_CACHE_MS: '250' }).ttlMs).toBe(250);
    expect(sessionCacheSettingsFromEnv({ TIANPING_SESSION_CACHE_MS: 'soon' }).ttlMs).toBe(1_000);
  });
});
