import { request } from 'node:http';
import { createRoleAccounts, OTHER_CODE, OWN_CODE, routeSuiteTo, signIn, startFakeSuite, startWeb, type FakeSuite, type WebHarness } from './web-app.harness';

const OWN_APPEAL = 'appeal-own';

/**
 * Sends a path byte for byte: fetch and the URL class would turn `\` into `/` and resolve `..`
 * before sending, which is exactly what the gateway must not let its own forwarding do.
 */
function rawGet(baseUrl: string, path: string, cookie: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path, method: 'GET', headers: { cookie } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the gateway forwards exactly the route it allowed, whatever the path spells', () => {
  let web: WebHarness;
  let fake: FakeSuite;
  let enterprise: string;
  let dispatcher: string;
  let officer: string;

  beforeAll(async () => {
    web = await startWeb();
    await createRoleAccounts(web.app);
    fake = await startFakeSuite({ [OWN_APPEAL]: { creditCode: OWN_CODE, departments: [] } });
    routeSuiteTo(fake.port);
    enterprise = await signIn(web.baseUrl, 'ent');
    dispatcher = await signIn(web.baseUrl, 'dispatcher');
    officer = await signIn(web.baseUrl, 'officer');
  });
  afterAll(async () => {
    await fake?.close();
    await web?.close();
  });

  /** What reached the other apps while `act` ran, lookups of the appeal's owner aside. */
  async function forwardedDuring(act: () => Promise<{ status: number; body: string }>) {
    const before = fake.seen.length;
    const answer = await act();
    const urls = fake.seen.slice(before).map((s) => s.url);
    return { answer, urls: urls.filter((url) => url !== `/api/appeals/${OWN_APPEAL}`) };
  }

  it.each([
    // `\` is `/` to the URL parser the forwarding uses; `..` then climbs out of the allowed route.
    [
      'an enterprise, through its own appeal, to another enterprise’s appeals',
      'ent',
      `/api/appeals/${OWN_APPEAL}/evidence/..\\..\\..\\reviews\\enterprises\\${OTHER_CODE}`,
    ],
    ['an enterprise, through its own appeal, to the audit record', 'ent', `/api/appeals/${OWN_APPEAL}/receipts/..\\..\\..\\audit\\entries`],
    ['a dispatcher to an ID number in full, with no reason and nothing in the record', 'dispatcher', `/api/enterprises/${OTHER_CODE}\\personal-data`],
    ['an officer to a route the table does not have', 'officer', `/api/visits/x\\..\\..\\draws\\d-1\\inputs`],
    ['an enterprise with encoded dot segments', 'ent', `/api/appeals/${OWN_APPEAL}/evidence/%2e%2e`],
  ])('%s is refused', async (_name, who, path) => {
    const cookie = who === 'ent' ? enterprise : who === 'dispatcher' ? dispatcher : officer;
    const { answer, urls } = await forwardedDuring(() => rawGet(web.baseUrl, path, cookie));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).not.toContain('forwarded');
    expect(urls).toEqual([]);
  });

  it('still forwards the routes it allows, each parameter as the one segment it was', async () => {
    const own = await forwardedDuring(() => rawGet(web.baseUrl, `/api/scores/${OWN_CODE}`, enterprise));
    expect(own.answer.status).toBe(200);
    expect(own.urls).toEqual([`/api/scores/${OWN_CODE}`]);
    const evidence = await forwardedDuring(() => rawGet(web.baseUrl, `/api/appeals/${OWN_APPEAL}/evidence/0`, enterprise));
    expect(evidence.urls).toEqual([`/api/appeals/${OWN_APPEAL}/evidence/0`]);
    const spaced = await forwardedDuring(() => rawGet(web.baseUrl, `/api/draws/a%20b?x=1`, officer));
    expect(spaced.urls).toEqual(['/api/draws/a%20b?x=1']);
  });

  it('answers a path parameter that is not valid percent-encoding with 400, not 500', async () => {
    const { answer, urls } = await forwardedDuring(() => rawGet(web.baseUrl, `/api/scores/%E0%A4%A`, enterprise));
    expect(answer.status).toBe(400);
    expect(urls).toEqual([]);
  });
});
