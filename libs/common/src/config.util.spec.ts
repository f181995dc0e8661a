import { appPort, appUrl, numberSetting } from './config.util';

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

describe('numberSetting', () => {
  const rule = { fallback: 15, min: 1, max: 365, integer: true, takes: 'a whole number of days from 1 to 365' };

  it('is the fallback when unset or blank, else the number given', () => {
    expect(numberSetting({}, 'DAYS', rule)).toBe(15);
    expect(numberSetting({ DAYS: '  ' }, 'DAYS', rule)).toBe(15);
    expect(numberSetting({ DAYS: ' 30 ' }, 'DAYS', rule)).toBe(30);
    expect(numberSetting({ RATE: '2.5' }, 'RATE', { fallback: 1, min: 1, takes: 'at least 1' })).toBe(2.5);
  });

  it('refuses, naming the setting and what it takes, a value outside the rule', () => {
    for (const bad of ['fifteen', '0', '366', '7.5', 'Infinity', 'NaN']) {
      expect(() => numberSetting({ DAYS: bad }, 'DAYS', rule)).toThrow(`DAYS must be a whole number of days from 1 to 365, not "${bad}"`);
    }
  });
});
