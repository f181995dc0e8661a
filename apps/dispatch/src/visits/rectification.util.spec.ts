import { rectificationDeadline } from './rectification.util';

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
