import { dailyRunSettingsFromEnv } from './daily-run.scheduler';
import { chinaDay } from '@tianping/common';

describe('when the daily full run is due', () => {
  it('is at 02:00 China Standard Time unless told otherwise', () => {
    expect(dailyRunSettingsFromEnv({})).toEqual({ at: { hour: 2, minute: 0 } });
    expect(dailyRunSettingsFromEnv({ TIANPING_DAILY_RUN_AT: ' ' })).toEqual({ at: { hour: 2, minute: 0 } });
    expect(dailyRunSettingsFromEnv({ TIANPING_DAILY_RUN_AT: '7:05' })).toEqual({ at: { hour: 7, minute: 5 } });
    expect(dailyRunSettingsFromEnv({ TIANPING_DAILY_RUN_AT: ' 23:59 ' })).toEqual({ at: { hour: 23, minute: 59 } });
  });

  it('is never when turned off, and a time that is not one stops the service with a clear error', () => {
    expect(dailyRunSettingsFromEnv({ TIANPING_DAILY_RUN_AT: 'OFF' })).toEqual({ at: null });
    for (const bad of ['24:00', '2', '02:60', 'nightly']) {
      expect(() => dailyRunSettingsFromEnv({ TIANPING_DAILY_RUN_AT: bad })).toThrow(/HH:MM .* or off/);
    }
  });
});

describe('the day a run is as of', () => {
  it('turns at midnight in China, 16:00 UTC', () => {
    expect(chinaDay(Date.parse('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23');
    expect(chinaDay(Date.parse('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });
});
