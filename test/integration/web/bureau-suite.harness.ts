import { startDispatch, type DispatchHarness } from '../dispatch/dispatch-app.harness';
import { startOversight, type OversightHarness } from '../oversight/oversight-app.harness';
import { createRoleAccounts, signIn, startWeb, type WebHarness } from './web-app.harness';

/**
 * The bureau's side of the suite: the real dispatch service, oversight on dispatch's own NATS server (so
 * its record hears dispatch's real events), and the real web gateway in front of both, with the role
 * accounts of createRoleAccounts.
 */
export interface BureauSuite {
  dispatch: DispatchHarness;
  oversight: OversightHarness;
  web: WebHarness;
  close: () => Promise<void>;
}

export async function startBureauSuite(): Promise<BureauSuite> {
  const dispatch = await startDispatch();
  const oversight = await startOversight(dispatch.nats);
  process.env.PORT_DISPATCH = new URL(dispatch.baseUrl).port;
  process.env.PORT_OVERSIGHT = new URL(oversight.baseUrl).port;
  const web = await startWeb();
  await createRoleAccounts(web.app);
  return {
    dispatch,
    oversight,
    web,
    close: async () => {
      await web.close();
      await oversight.close();
      await dispatch.close();
      delete process.env.PORT_DISPATCH;
      delete process.env.PORT_OVERSIGHT;
    },
  };
}

export type GatewayCall = <T = Record<string, unknown>>(
  method: string,
  path: string,
  caller: string | null,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

/** Signs each account in once; the call made as one of them (or, with null, as no one) sends and reads JSON. */
export async function gatewayCaller(baseUrl: string, usernames: readonly string[]): Promise<GatewayCall> {
  const cookies: Record<string, string> = {};
  for (const username of usernames) cookies[username] = await signIn(baseUrl, username);
  return async <T>(method: string, path: string, caller: string | null, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller !== null) headers.cookie = cookies[caller];
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as T };
  };
}
