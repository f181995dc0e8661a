import { SESSION_CACHE_SETTINGS, type SessionCacheSettings } from '../../../apps/web/src/auth/session-cache';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import { SignInHousekeeping } from '../../../apps/web/src/auth/sign-in-housekeeping';
import { createRoleAccounts, OTHER_CODE, OWN_CODE, signIn, startWeb, TEST_PASSWORD, type WebHarness } from './web-app.harness';

describe('signing in to the web app', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
    await createRoleAccounts(web.app);
  });
  afterAll(() => web?.close());

  const login = (username: string, password: string) =>
    fetch(`${web.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const me = (cookie?: string) => fetch(`${web.baseUrl}/api/auth/me`, { headers: cookie ? { cookie } : {} });
  /** Moves the session cache's clock past its cache time, as if that time had gone by. */
  const passCacheTime = () => {
    const settings = web.app.get<SessionCacheSettings>(SESSION_CACHE_SETTINGS);
    const now = settings.now;
    const later = now() + settings.ttlMs;
    settings.now = () => Math.max(now(), later);
  };

  it('keeps only a salted scrypt hash of each password', async () => {
    const rows: { password_hash: string }[] = await web.dataSource.query(`SELECT password_hash FROM web.accounts`);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain(TEST_PASSWORD);
    }
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(5);
  });

  it('opens a session in an httpOnly, SameSite=Strict cookie, and stores only its hash', async () => {
    const response = await login('ent', TEST_PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ username: 'ent', role: 'enterprise', creditCode: '91310000MA1FL8XQ37', department: null });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tp_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const token = cookie.split(';')[0].split('=')[1];
    const stored: { token_hash: string }[] = await web.dataSource.query(`SELECT token_hash FROM web.sessions`);
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect((await me(cookie.split(';')[0])).status).toBe(200);
  });

  it('refuses a wrong password and an unknown name with the same answer', async () => {
    const wrong = await login('dispatcher', 'not-the-password-1');
    const unknown = await login('nobody-here', 'not-the-password-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('no longer honours a session once it has expired, or after signing out', async () => {
    const cookie = await signIn(web.baseUrl, 'overseer');
    expect((await me(cookie)).status).toBe(200);
    await web.dataSource.query(`UPDATE web.sessions SET expires_at = now() - interval '1 second'`);
    // Ended in the database behind the app's back: honoured for at most the session cache's time.
    passCacheTime();
    expect((await me(cookie)).status).toBe(401);

    const fresh = await signIn(web.baseUrl, 'overseer');
    expect((await me(fresh)).status).toBe(200);
    const out = await fetch(`${web.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: fresh } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await me(fresh)).status).toBe(401);
  });

  it('ends the sessions of an account an administrator disables', async () => {
    const admin = await signIn(web.baseUrl, 'admin');
    const created = await fetch(`${web.baseUrl}/api/accounts`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'temp-officer', password: 'another-pass-99', role: 'department', department: 'ENV' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).not.toHaveProperty('passwordHash');
    const officer = await signIn(web.baseUrl, 'temp-officer', 'another-pass-99');
    expect((await me(officer)).status).toBe(200);
    expect((await fetch(`${web.baseUrl}/api/accounts/temp-officer/disable`, { method: 'POST', headers: { cookie: admin } })).status).toBe(200);
    expect((await me(officer)).status).toBe(401);
    expect((await login('temp-officer', 'another-pass-99')).status).toBe(401);
  });

  it('lets an administrator enable an account again and set a new password, which signs the old one out', async () => {
    const admin = await signIn(web.baseUrl, 'admin');
    const act = (path: string, body?: object, cookie = admin) =>
      fetch(`${web.baseUrl}/api/accounts/${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    // temp-officer was disabled above: enabled, it signs in with its password again.
    expect((await act('temp-officer/enable')).status).toBe(200);
    const officer = await signIn(web.baseUrl, 'temp-officer', 'another-pass-99');
    expect((await me(officer)).status).toBe(200);
    // Only an administrator acts on accounts; a weak password or an unknown account is refused.
    expect((await act('temp-officer/password', { password: 'mine-now-2026' }, officer)).status).toBe(403);
    expect((await act('temp-officer/password', { password: 'short1' })).status).toBe(400);
    expect((await act('temp-officer/password', { password: 'lettersonly-only' })).status).toBe(400);
    expect((await act('nobody-here/password', { password: 'a-new-pass-2026' })).status).toBe(404);
    expect((await act('nobody-here/enable')).status).toBe(404);
    expect((await me(officer)).status).toBe(200);

    expect((await act('temp-officer/password', { password: 'a-new-pass-2026' })).status).toBe(200);
    expect((await me(officer)).status).toBe(401);
    expect((await login('temp-officer', 'another-pass-99')).status).toBe(401);
    expect((await me(await signIn(web.baseUrl, 'temp-officer', 'a-new-pass-2026'))).status).toBe(200);
  });

  it('refuses an account whose binding does not fit its role', async () => {
    const admin = await signIn(web.baseUrl, 'admin');
    const post = (body: object) =>
      fetch(`${web.baseUrl}/api/accounts`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ username: 'ent-without-code', password: 'pass-word-123', role: 'enterprise' })).status).toBe(400);
    expect((await post({ username: 'ent-bad-code', password: 'pass-word-123', role: 'enterprise', creditCode: '91310000MA1FL8XQ3A' })).status).toBe(400);
    expect((await post({ username: 'disp-with-dept', password: 'pass-word-123', role: 'dispatcher', department: 'SAMR' })).status).toBe(400);
    // Only a department officer names a certificate number, and one without spaces.
    expect((await post({ username: 'disp-with-cert', password: 'pass-word-123', role: 'dispatcher', officerId: '44060400123' })).status).toBe(400);
    expect((await post({ username: 'cert-spaced', password: 'pass-word-123', role: 'department', department: 'SAMR', officerId: '4406 0400123' })).status).toBe(
      400,
    );
  });

  it('binds a department officer to a certificate number, typed full-width or not, and says so to the officer', async () => {
    const admin = await signIn(web.baseUrl, 'admin');
    const created = await fetch(`${web.baseUrl}/api/accounts`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'bound-officer',
        password: 'another-pass-99',
        role: 'department',
        department: 'SAMR',
        officerId: ' ４４０６０４００１２３ ',
      }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ username: 'bound-officer', department: 'SAMR', officerId: '44060400123' });
    const officer = await signIn(web.baseUrl, 'bound-officer', 'another-pass-99');
    expect(await (await me(officer)).json()).toMatchObject({ role: 'department', department: 'SAMR', officerId: '44060400123' });
    // Unbound accounts say so plainly.
    expect(await (await me(await signIn(web.baseUrl, 'officer'))).json()).toMatchObject({ role: 'department', officerId: null });
  });

  it('blocks a name from an address after five failed sign-ins, even with the right password', async () => {
    await web.dataSource.query(`DELETE FROM web.login_attempts`);
    for (let i = 0; i < 5; i++) expect((await login('dispatcher', `wrong-guess-${i}x`)).status).toBe(401);
    const blocked = await login('dispatcher', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // Other names are not locked out by someone guessing this one.
    expect((await login('officer', TEST_PASSWORD)).status).toBe(200);
    // Once the window has passed, the name may sign in again.
    await web.dataSource.query(`UPDATE web.login_attempts SET at = at - interval '16 minutes' WHERE username = 'dispatcher'`);
    expect((await login('dispatcher', TEST_PASSWORD)).status).toBe(200);
  });

  it('counts guesses sent all at once: twenty at the same moment get no more answers than five one after another', async () => {
    await web.dataSource.query(`DELETE FROM web.login_attempts`);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => login('officer', `burst-guess-${i}x`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    await web.dataSource.query(`DELETE FROM web.login_attempts`);
  });

  it('forgets sign-in attempts and ended sessions after 90 days, and keeps the rest', async () => {
    await web.dataSource.query(`DELETE FROM web.login_attempts`);
    const [{ id: accountId }] = await web.dataSource.query(`SELECT id::int FROM web.accounts WHERE username = 'overseer'`);
    await web.dataSource.query(
      `INSERT INTO web.login_attempts (username, ip, succeeded, at) VALUES
         ('overseer', '127.0.0.1', true, now() - interval '91 days'), ('overseer', '127.0.0.1', false, now() - interval '89 days')`,
    );
    await web.dataSource.query(
      `INSERT INTO web.sessions (token_hash, account_id, created_at, expires_at, revoked_at) VALUES
         ('expired-long-ago', $1, now() - interval '100 days', now() - interval '99 days', NULL),
         ('signed-out-long-ago', $1, now() - interval '100 days', now() + interval '1 day', now() - interval '95 days'),
         ('ended-lately', $1, now() - interval '30 days', now() - interval '29 days', NULL)`,
      [accountId],
    );
    const live = await signIn(web.baseUrl, 'overseer');
    const forgotten = await web.app.get(SignInHousekeeping).run();
    expect(forgotten).toEqual({ sessions: 2, attempts: 1 });
    const hashes = (await web.dataSource.query(`SELECT token_hash FROM web.sessions`)).map((r: { token_hash: string }) => r.token_hash);
    expect(hashes).toContain('ended-lately');
    expect(hashes).not.toContain('expired-long-ago');
    expect(hashes).not.toContain('signed-out-long-ago');
    const [{ attempts }] = await web.dataSource.query(`SELECT count(*)::int AS attempts FROM web.login_attempts WHERE username = 'overseer'`);
    expect(attempts).toBe(2);
    expect((await me(live)).status).toBe(200);
  });

  it('ends the sessions of an account whose password or binding is replaced', async () => {
    const accounts = web.app.get(AccountsService);
    await accounts.create({ username: 'moving-ent', password: TEST_PASSWORD, role: 'enterprise', creditCode: OWN_CODE });
    const before = await signIn(web.baseUrl, 'moving-ent');
    expect((await me(before)).status).toBe(200);
    // What `tianping account create --replace` does: a new password, here with another enterprise.
    await accounts.create({ username: 'moving-ent', password: 'a-new-password-7', role: 'enterprise', creditCode: OTHER_CODE }, { replace: true });
    expect((await me(before)).status).toBe(401);
    const after = await signIn(web.baseUrl, 'moving-ent', 'a-new-password-7');
    expect(await (await me(after)).json()).toMatchObject({ creditCode: OTHER_CODE });
  });

  it('opens no session with a password that was replaced while the sign-in was being checked', async () => {
    const accounts = web.app.get(AccountsService);
    await accounts.create({ username: 'racing-officer', password: TEST_PASSWORD, role: 'department', department: 'SAMR' });
    const [{ id }] = await web.dataSource.query(`SELECT id::int FROM web.accounts WHERE username = 'racing-officer'`);
    // The replacement's first step, held open: the account row has its new password, not yet committed.
    const replacing = web.dataSource.createQueryRunner();
    await replacing.startTransaction();
    await replacing.query(`UPDATE web.accounts SET password_hash = 'scrypt$replaced' WHERE id = $1`, [id]);
    let answered: number | null = null;
    const signing = login('racing-officer', TEST_PASSWORD).then((r) => (answered = r.status));
    const waitsOnTheAccount = async () =>
      (await web.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO web.sessions%'`)).length > 0;
    for (let i = 0; i < 100 && answered === null && !(await waitsOnTheAccount()); i++) await new Promise((r) => setTimeout(r, 50));
    await replacing.commitTransaction();
    await replacing.release();
    await signing;
    expect(answered).toBe(401);
    expect(await web.dataSource.query(`SELECT 1 FROM web.sessions WHERE account_id = $1`, [id])).toEqual([]);
  });

  it('refuses a change sent from a page of another site, even with the session cookie', async () => {
    const admin = await signIn(web.baseUrl, 'admin');
    const create = (username: string, from: Record<string, string>) =>
      fetch(`${web.baseUrl}/api/accounts`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json', ...from },
        body: JSON.stringify({ username, password: 'forged-pass-123', role: 'admin' }),
      });
    expect((await create('forged-one', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await create('forged-two', { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await create('forged-three', { origin: 'http://pages.example.org' })).status).toBe(403);
    const usernames = ((await (await fetch(`${web.baseUrl}/api/accounts`, { headers: { cookie: admin } })).json()) as { username: string }[]).map(
      (a) => a.username,
    );
    expect(usernames.filter((u) => u.startsWith('forged-'))).toEqual([]);
    // Our own pages, and callers that are no browser, go on as before.
    expect((await create('own-page-admin', { 'sec-fetch-site': 'same-origin', origin: web.baseUrl })).status).toBe(201);
    expect((await create('script-admin', {})).status).toBe(201);
  });
});
