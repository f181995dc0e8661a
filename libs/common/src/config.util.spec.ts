import { appPort, appUrl } from './config.util';

describe('where the apps answer', () => {
  it('is this machine on the default port unless told otherwise', () => {
    expect(appUrl('scoring', {})).toBe('http://127.0.0.1:3102');
    expect(appUrl('scoring', { PORT_SCORING: '4102' })).toBe('http://127.0.0.1:4102');
    expect(appPort('web', {})).toBe(3100);
  });

  it('follows <APP>_URL, for apps on other hosts or behind a load balancer', () => {
    expect(appUrl('scoring', { SCORING_URL: 'http://scoring:3102/', PORT_SCORING: '4102' })).toBe('http://scoring:3102');
    expect(appUrl('oversight', { SCORING_URL: 'http://scoring:3102' })).toBe('http://127.0.0.1:3104');
  });
});
