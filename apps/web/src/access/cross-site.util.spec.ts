import { fromAnotherSite } from './cross-site.util';

describe('telling a change sent by another site from our own pages', () => {
  const host = 'tianping.example.gov.cn';

  it('lets reads through from anywhere', () => {
    expect(fromAnotherSite('GET', { host, 'sec-fetch-site': 'cross-site' })).toBe(false);
  });

  it('trusts the browser’s Sec-Fetch-Site: only our own origin (or the user typing it) may change things', () => {
    expect(fromAnotherSite('POST', { host, 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(fromAnotherSite('POST', { host, 'sec-fetch-site': 'none' })).toBe(false);
    expect(fromAnotherSite('POST', { host, 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(fromAnotherSite('PUT', { host, 'sec-fetch-site': 'same-site' })).toBe(true);
  });

  it('falls back on Origin for older browsers, and lets callers that are no browser through', () => {
    expect(fromAnotherSite('POST', { host, origin: `https://${host}` })).toBe(false);
    expect(fromAnotherSite('POST', { host, origin: 'https://forms.example.gov.cn' })).toBe(true);
    expect(fromAnotherSite('POST', { host, origin: 'null' })).toBe(true);
    expect(fromAnotherSite('POST', { host })).toBe(false);
  });
});
