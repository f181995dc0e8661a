import { chinaDay } from '@tianping/common';
import { dayNumber, isoFromDayNumber } from '@tianping/planner';
import type { CityEvents } from './city-events.fixture';

/**
 * A spec's calendar written on fixed days, moved by whole weeks (weekdays kept) so that `first` falls on today
 * (China's day) or within the six days after: a release reaches only visits from today on, and results are
 * recorded only for days come, so the days before `first` may hold done visits and the days from it released ones.
 */
export function weeksOnToday(first: string): (day: string) => string {
  const weeks = Math.ceil((dayNumber(chinaDay()) - dayNumber(first)) / 7);
  return (day) => isoFromDayNumber(dayNumber(day) + weeks * 7);
}

/** The city's complaints, which the fixture has come in on 20 February 2025, moved with the spec's calendar. */
export function cluesOn(city: CityEvents, on: (day: string) => string): CityEvents {
  return {
    ...city,
    clues: city.clues.map((c) => ({ ...c, receivedAt: `${on('2025-02-20')}T09:00:00+08:00`, updatedAt: `${on('2025-02-21')}T09:00:00+08:00` })),
  };
}
