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
