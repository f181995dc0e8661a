import { currentDeadline, extensionRefusal, rectificationDeadline } from './rectification.util';

const RECTIFY = [{ result: '未发现问题' }, { result: '责令整改' }];

describe('the rectification deadline (整改期限) recorded with a visit', () => {
  it("defaults to the visit's day plus the policy's days when an item orders rectification", () => {
    expect(rectificationDeadline('2026-03-02', RECTIFY, undefined, 30)).toEqual({ rectifyBy: '2026-04-01' });
  });

  it('takes the day given between the day after the visit and 180 days later', () => {
    expect(rectificationDeadline('2026-03-02', RECTIFY, '2026-03-03', 30)).toEqual({ rectifyBy: '2026-03-03' });
    expect(rectificationDeadline('2026-03-02', RECTIFY, '2026-08-29', 30)).toEqual({ rectifyBy: '2026-08-29' });
  });

  it('refuses a deadline on or before the visit, or more than 180 days after it', () => {
    expect(rectificationDeadline('2026-03-02', RECTIFY, '2026-03-02', 30)).toEqual({ problem: expect.stringContaining('must come after') });
    expect(rectificationDeadline('2026-03-02', RECTIFY, '2026-02-20', 30)).toEqual({ problem: expect.stringContaining('must come after') });
    expect(rectificationDeadline('2026-03-02', RECTIFY, '2026-08-30', 30)).toEqual({ problem: expect.stringContaining('more than 180') });
  });

  it('sets none when no item orders rectification, and refuses one given then', () => {
    expect(rectificationDeadline('2026-03-02', [{ result: '立案查处' }], undefined, 30)).toEqual({ rectifyBy: null });
    expect(rectificationDeadline('2026-03-02', [{ result: '未发现问题' }], '2026-04-01', 30)).toEqual({ problem: expect.stringContaining('no item') });
  });
});

describe('extending a rectification deadline (延期整改)', () => {
  it('takes a day after the current deadline, up to 180 days after the visit', () => {
    expect(extensionRefusal('2026-03-02', '2026-04-01', '2026-04-02')).toBeNull();
    expect(extensionRefusal('2026-03-02', '2026-04-01', '2026-08-29')).toBeNull();
  });

  it('refuses the current deadline or an earlier day', () => {
    expect(extensionRefusal('2026-03-02', '2026-04-01', '2026-04-01')).toMatchObject({ code: 'not_later', message: expect.stringContaining('2026-04-01') });
    expect(extensionRefusal('2026-03-02', '2026-04-01', '2026-03-20')).toMatchObject({ code: 'not_later' });
  });

  it('refuses a day more than 180 days after the visit, naming the last day allowed', () => {
    expect(extensionRefusal('2026-03-02', '2026-04-01', '2026-08-30')).toMatchObject({ code: 'beyond_cap', message: expect.stringContaining('2026-08-29') });
    // A deadline already at the cap cannot move at all.
    expect(extensionRefusal('2026-03-02', '2026-08-29', '2026-08-30')).toMatchObject({ code: 'beyond_cap' });
  });

  it("reads the deadline in force as the one recorded, else the visit's day + the policy's days", () => {
    expect(currentDeadline({ date: '2026-03-02', rectifyBy: '2026-03-20' }, 30)).toBe('2026-03-20');
    expect(currentDeadline({ date: '2026-03-02', rectifyBy: null }, 30)).toBe('2026-04-01');
  });
});
