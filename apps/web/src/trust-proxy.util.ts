/**
 * Which proxies in front of the web app may say who the client is (X-Forwarded-For), from
 * TIANPING_TRUST_PROXY: unset, none (the address is the socket's: a client cannot spoof it); a hop count
 * (`1`: the nearest proxy); or the proxies' addresses and subnets, comma-separated (`10.0.0.5`,
 * `loopback`, `10.0.0.0/8`). Behind a proxy without it, every user has the proxy's address, so the
 * sign-in limit (per name and address) lets anyone who knows a username lock it out for everyone.
 * `true` (any address may say) is refused: every client could then choose its own address.
 */
export function trustProxySetting(raw: string | undefined): number | string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  if (value.toLowerCase() === 'true') {
    throw new Error(
      'TIANPING_TRUST_PROXY=true would let any client choose its own address; name the proxies (addresses, subnets, loopback) or their hop count',
    );
  }
  return value;
}
