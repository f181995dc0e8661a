import { paceWaitSeconds } from './sign-in-pace.util';

const rule = { freeFailures: 5, maxDelaySeconds: 60 };

describe('paceWaitSeconds', () => {
  it('asks no wait below the threshold or with no failure at all', () => {
    expect(paceWaitSeconds({ failures: 0, secondsSinceLatest: null }, rule)).toBe(0);
    expect(paceWaitSeconds({ failures: 4, secondsSinceLatest: 0 }, rule)).toBe(0);
  });

  it('doubles the wait with each failure past the threshold, counted from the latest failure', () => {
    expect(paceWaitSeconds({ failures: 5, secondsSinceLatest: 0 }, rule)).toBe(1);
    expect(paceWaitSeconds({ failures: 6, secondsSinceLatest: 0 }, rule)).toBe(2);
    expect(paceWaitSeconds({ failures: 8, secondsSinceLatest: 0 }, rule)).toBe(8);
    expect(paceWaitSeconds({ failures: 8, secondsSinceLatest: 5.5 }, rule)).toBe(3);
    expect(paceWaitSeconds({ failures: 8, secondsSinceLatest: 8 }, rule)).toBe(0);
  });

  it('never asks more than the cap, however many failures', () => {
    expect(paceWaitSeconds({ failures: 500, secondsSinceLatest: 0 }, rule)).toBe(60);
    expect(paceWaitSeconds({ failures: 500, secondsSinceLatest: 59.2 }, rule)).toBe(1);
    expect(paceWaitSeconds({ failures: 500, secondsSinceLatest: 61 }, rule)).toBe(0);
  });
});
