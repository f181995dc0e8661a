import { regionNames } from './region-names.util';

describe('division names by code', () => {
  it('names provinces, cities and districts by their six-digit codes', () => {
    const names = regionNames();
    expect(names['440000']).toBe('广东省');
    expect(names['440600']).toBe('佛山市');
    expect(names['440605']).toBe('南海区');
    expect(names['110101']).toBe('东城区');
    expect(Object.keys(names).length).toBeGreaterThan(3000);
    for (const code of Object.keys(names)) expect(code).toMatch(/^\d{6}$/);
  });
});
