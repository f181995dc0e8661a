import { cstDateOf, parseContractDate, parseCstDateTime, parseIsoOffsetDateTime } from './contract-date.util';

describe('contract dates', () => {
  it.each([['2021-03-05'], ['2021/3/5'], ['2021年3月5日'], ['20210305'], [' 2021-03-05 '], ['2021/03/05']])('reads %p as 2021-03-05', (text) => {
    expect(parseContractDate(text)).toEqual({ ok: true, value: '2021-03-05' });
  });

  it('refuses impossible dates and unknown spellings with distinct codes', () => {
    expect(parseContractDate('2024-13-40')).toEqual({ ok: false, code: 'invalid_date' });
    expect(parseContractDate('2023-02-29')).toEqual({ ok: false, code: 'invalid_date' });
    expect(parseContractDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseContractDate('5.3.2021')).toEqual({ ok: false, code: 'format' });
    expect(parseContractDate('2021-3')).toEqual({ ok: false, code: 'format' });
  });

  it('reads Platform A datetimes as China Standard Time', () => {
    const parsed = parseCstDateTime('2024-05-06 10:12:00');
    expect(parsed.ok && parsed.value.toISOString()).toBe('2024-05-06T02:12:00.000Z');
    expect(parseCstDateTime('2024-05-06 24:00:00')).toEqual({ ok: false, code: 'invalid_date' });
    expect(parseCstDateTime('not a date')).toEqual({ ok: false, code: 'format' });
  });

  it('reads Platform B datetimes only with an offset', () => {
    const parsed = parseIsoOffsetDateTime('2024-03-01T09:15:00.5+08:00');
    expect(parsed.ok && parsed.value.toISOString()).toBe('2024-03-01T01:15:00.500Z');
    expect(parseIsoOffsetDateTime('2024-03-01T09:15:00')).toEqual({ ok: false, code: 'format' });
    expect(parseIsoOffsetDateTime('yesterday')).toEqual({ ok: false, code: 'format' });
  });

  it.each([
    ['2024-03-01T09:15:00+08:00'],
    ['2024-03-01T01:15:00Z'],
    ['2024-03-01T01:15:00z'],
    ['2024-03-01t09:15:00+08:00'],
    ['2024-03-01T09:15:00+0800'],
    ['2024-03-01T09:15:00+08'],
    ['2024-03-01T09:15+08:00'],
    ['20240301T091500+0800'],
    ['20240301T0115Z'],
    ['2024-03-01T09:15:00,000+08:00'],
    ['2024-02-29T20:15:00-05:00'],
  ])('reads the ISO-8601 spelling %p as 2024-03-01T01:15Z', (text) => {
    const parsed = parseIsoOffsetDateTime(text);
    expect(parsed.ok && parsed.value.toISOString()).toBe('2024-03-01T01:15:00.000Z');
  });

  it("judges 'today' in China, not in UTC", () => {
    expect(cstDateOf(new Date('2024-05-31T17:00:00Z'))).toBe('2024-06-01');
  });
});
