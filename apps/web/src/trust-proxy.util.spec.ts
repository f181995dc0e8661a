import { trustProxySetting } from './trust-proxy.util';

describe('which proxies may say who the client is', () => {
  it('trusts none unless told, and takes a hop count or the proxies named', () => {
    expect(trustProxySetting(undefined)).toBeUndefined();
    expect(trustProxySetting('  ')).toBeUndefined();
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });

  it('refuses to trust every address, which would let a client choose its own', () => {
    expect(() => trustProxySetting('true')).toThrow(/choose its own address/);
  });
});
