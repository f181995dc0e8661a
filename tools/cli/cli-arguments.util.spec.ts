import { dayOrInstant, oneOf, wholeNumber } from './cli-arguments.util';

describe('command-line argument checks', () => {
  it('takes whole numbers in range and names the flag otherwise', () => {
    expect(wholeNumber('42', 'id')).toBe(42);
    expect(wholeNumber(' 7 ', '--limit', { min: 1, max: 500 })).toBe(7);
    expect(() => wholeNumber('abc', 'id')).toThrow('id must be a whole number 0 or more, got "abc"');
    expect(() => wholeNumber('-5', '--after')).toThrow('--after must be a whole number');
    expect(() => wholeNumber('1.5', 'id')).toThrow('id must be a whole number');
    expect(() => wholeNumber('', 'id')).toThrow('id must be a whole number');
    expect(() => wholeNumber('0', '--limit', { min: 1, max: 500 })).toThrow('--limit must be a whole number from 1 to 500, got "0"');
    expect(() => wholeNumber('501', '--limit', { min: 1, max: 500 })).toThrow('from 1 to 500');
    expect(() => wholeNumber('99999999999999999999', 'id')).toThrow('id must be a whole number');
  });

  it('takes one of a set of words and lists them otherwise', () => {
    expect(oneOf('cases', '--kind', ['subjects', 'cases'] as const)).toBe('cases');
    expect(() => oneOf('nonsense', '--kind', ['subjects', 'cases'])).toThrow('--kind must be one of subjects, cases, got "nonsense"');
  });

  it('takes a day (its start in China) or an instant with its zone, and names the flag otherwise', () => {
    expect(dayOrInstant('2026-01-01', '--before').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(dayOrInstant('2026-01-01T00:00:00Z', '--before').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(dayOrInstant('2026-01-01T08:30+08:00', '--before').toISOString()).toBe('2026-01-01T00:30:00.000Z');
    for (const bad of ['2026-02-30', '2026-01-01T00:00:00', 'yesterday', ''])
      expect(() => dayOrInstant(bad, '--before')).toThrow('--before must be a day YYYY-MM-DD');
  });
});
