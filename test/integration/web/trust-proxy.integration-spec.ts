import { createRoleAccounts, startWeb, TEST_PASSWORD, type WebHarness } from './web-app.harness';

/** Five wrong guesses for a name, each saying it comes from another client; then the right password from yet another. */
async function guessFromManyAddresses(web: WebHarness, username: string): Promise<number> {
  const login = (password: string, forwardedFor: string) =>
    fetch(`${web.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ username, password }),
    });
  for (let i = 0; i < 5; i++) expect((await login(`wrong-guess-${i}x`, `203.0.113.${i + 1}`)).status).toBe(401);
  return (await login(TEST_PASSWORD, '198.51.100.7')).status;
}

describe('the sign-in limit and the proxies in front of the web app', () => {
  let web: WebHarness | undefined;
  afterEach(async () => {
    await web?.close();
    web = undefined;
    delete process.env.TIANPING_TRUST_PROXY;
  });

  it('ignores X-Forwarded-For unless proxies are named: a client cannot slip past the limit by claiming other addresses', async () => {
    web = await startWeb();
    await createRoleAccounts(web.app);
    expect(await guessFromManyAddresses(web, 'dispatcher')).toBe(429);
  });

  it('behind a named proxy, counts each client by the address the proxy gives, so one guesser does not lock out another', async () => {
    process.env.TIANPING_TRUST_PROXY = 'loopback';
    web = await startWeb();
    await createRoleAccounts(web.app);
    expect(await guessFromManyAddresses(web, 'dispatcher')).toBe(200);
    const [{ addresses }] = await web.dataSource.query(`SELECT count(DISTINCT ip)::int AS addresses FROM web.login_attempts WHERE username = 'dispatcher'`);
    expect(addresses).toBe(6);
  });
});

describe('sign-ins slowed, never locked, after failures spread over addresses or names', () => {
  let web: WebHarness;
  beforeAll(async () => {
    process.env.TIANPING_TRUST_PROXY = 'loopback';
    web = await startWeb();
    await createRoleAccounts(web.app);
  });
  afterAll(async () => {
    await web?.close();
    delete process.env.TIANPING_TRUST_PROXY;
  });
  beforeEach(() => web.dataSource.query(`DELETE FROM web.login_attempts`));

  const login = (username: string, password: string, forwardedFor: string) =>
    fetch(`${web.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ username, password }),
    });
  /** Moves every recorded attempt back in time, as if that many seconds had gone by. */
  const passSeconds = (seconds: number) => web.dataSource.query(`UPDATE web.login_attempts SET at = at - make_interval(secs => $1)`, [seconds]);

  it('slows a name guessed from many addresses, and lets its owner in once the short wait is over', async () => {
    for (let i = 0; i < 10; i++) expect((await login('dispatcher', `wrong-guess-${i}x`, `203.0.113.${i + 1}`)).status).toBe(401);
    const slowed = await login('dispatcher', TEST_PASSWORD, '198.51.100.7');
    expect(slowed.status).toBe(429);
    const body = await slowed.json();
    expect(body).toMatchObject({ reason: 'slowed' });
    expect(body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(2);
    // The refused attempt was not a guess: it does not lengthen the wait.
    const [{ attempts }] = await web.dataSource.query(`SELECT count(*)::int AS attempts FROM web.login_attempts WHERE username = 'dispatcher'`);
    expect(attempts).toBe(10);
    await passSeconds(2);
    expect((await login('dispatcher', TEST_PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('never asks more than a minute, however many guesses a botnet has made', async () => {
    await web.dataSource.query(
      `INSERT INTO web.login_attempts (username, ip, succeeded, at)
       SELECT 'overseer', '203.0.113.' || (n % 250 + 1), false, now() - make_interval(secs => 400 - n) FROM generate_series(1, 400) n`,
    );
    const slowed = await login('overseer', TEST_PASSWORD, '198.51.100.8');
    expect(slowed.status).toBe(429);
    expect((await slowed.json()).retryAfterSeconds).toBe(60);
    await passSeconds(60);
    expect((await login('overseer', TEST_PASSWORD, '198.51.100.8')).status).toBe(200);
  });

  it('slows one address trying a password on many names, and no other address', async () => {
    for (let i = 0; i < 20; i++) expect((await login(`sprayed-${i}`, 'Spring2026!', '203.0.113.66')).status).toBe(401);
    const sprayer = await login('officer', TEST_PASSWORD, '203.0.113.66');
    expect(sprayer.status).toBe(429);
    expect(await sprayer.json()).toMatchObject({ reason: 'slowed' });
    expect((await login('officer', TEST_PASSWORD, '198.51.100.9')).status).toBe(200);
  });
});
