// Business time: working hours in an IANA time zone, minus weekends, public holidays (the
// date-holidays rules, see lib/build/holiday-data.ts) and company closures. Deadlines count on it.
import Holidays from 'date-holidays-parser';
import holidayData from 'virtual:leadlens-holidays';
import { DateTime } from 'luxon';
import type { BusinessCalendar, Instant } from './model';

export interface BusinessClock {
  /** The instant `businessMs` of working time after `from`; negative counts backwards. */
  add(from: Instant, businessMs: number): Instant;
  /** Working time from a to b in ms; negative when b is before a. */
  between(a: Instant, b: Instant): number;
  isOpen(at: Instant): boolean;
}

type Interval = readonly [open: Instant, close: Instant];

/** No deadline lies further than this; a calendar with no working day at all would loop forever. */
const MAX_DAYS = 3660;

export function createBusinessClock(calendar: BusinessCalendar): BusinessClock {
  const zone = calendar.timeZone;
  const closed = new Set(calendar.closedDates);
  const holidays = calendar.holidayCountry ? new Holidays(holidayData, calendar.holidayCountry) : null;
  const holidaysByYear = new Map<number, Set<string>>();
  const intervals = new Map<string, Interval | null>();
  if (calendar.week.every((hours) => hours === null)) throw new Error('The business calendar has no working hours.');

  function publicHolidays(year: number): Set<string> {
    let dates = holidaysByYear.get(year);
    if (!dates) {
      // Only days off for everyone: not bank holidays or observances such as 七五三.
      const list = holidays ? holidays.getHolidays(year).filter((holiday) => holiday.type === 'public') : [];
      dates = new Set(list.map((holiday) => holiday.date.slice(0, 10)));
      holidaysByYear.set(year, dates);
    }
    return dates;
  }

  /** The working interval of a local date (YYYY-MM-DD), or null for a day off. */
  function intervalOn(date: string): Interval | null {
    if (intervals.has(date)) return intervals.get(date)!;
    const day = DateTime.fromISO(date, { zone });
    const hours = calendar.week[day.weekday - 1];
    let interval: Interval | null = null;
    if (hours && !closed.has(date) && !publicHolidays(day.year).has(date)) {
      interval = [atClock(day, hours.start), atClock(day, hours.end)];
    }
    intervals.set(date, interval);
    return interval;
  }

  const localDate = (at: Instant) => DateTime.fromMillis(at, { zone }).toISODate()!;

  function add(from: Instant, businessMs: number): Instant {
    if (businessMs === 0) return from;
    const forward = businessMs > 0;
    let remaining = Math.abs(businessMs);
    let at = from;
    let date = localDate(from);
    for (let days = 0; days < MAX_DAYS; days++, date = shiftDate(date, forward ? 1 : -1)) {
      const interval = intervalOn(date);
      if (!interval) continue;
      const [open, close] = interval;
      if (forward) {
        if (at >= close) continue;
        at = Math.max(at, open);
        if (remaining <= close - at) return at + remaining;
        remaining -= close - at;
      } else {
        if (at <= open) continue;
        at = Math.min(at, close);
        if (remaining <= at - open) return at - remaining;
        remaining -= at - open;
      }
    }
    throw new Error(`No working time within ${MAX_DAYS} days of ${new Date(from).toISOString()}.`);
  }

  function between(a: Instant, b: Instant): number {
    if (b < a) return -between(b, a);
    let total = 0;
    const last = localDate(b);
    for (let date = localDate(a); date <= last; date = shiftDate(date, 1)) {
      const interval = intervalOn(date);
      if (interval) total += Math.max(0, Math.min(b, interval[1]) - Math.max(a, interval[0]));
    }
    return total;
  }

  function isOpen(at: Instant): boolean {
    const interval = intervalOn(localDate(at));
    return !!interval && at >= interval[0] && at < interval[1];
  }

  return { add, between, isOpen };
}

function atClock(day: DateTime, clock: string): Instant {
  const [hour, minute] = clock.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** Calendar arithmetic on a local date, free of time zones. */
function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
