// Business time: working hours in an IANA time zone, minus weekends, public holidays (from the
// date-holidays rules, worked out at build time: see lib/build/holiday-data.ts) and company
// closures. Deadlines count on it.
import holidays from 'virtual:leadlens-holidays';
import { TZDateMini } from '@date-fns/tz/date/mini';
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { Instant } from '../domain/model';
import type { BusinessCalendar } from '../domain/settings-schema';
import { isKnownTimeZone } from '../domain/time-zone';

export interface BusinessClock {
  /**
   * The instant reached after `businessMs` of working time from `from`; negative counts backwards.
   * From outside hours counting starts at the next opening (backwards: the previous closing).
   */
  add(from: Instant, businessMs: number): Instant;
  /** Working time from a to b in ms; negative when b is before a. */
  between(a: Instant, b: Instant): number;
  isOpen(at: Instant): boolean;
  /** The last millisecond of the calendar day `at` falls on, in the calendar's time zone. */
  endOfDay(at: Instant): Instant;
}

/** A day is numbered by its local date: days since 1970-01-01 on the calendar's wall clock. */
type Day = number;
type Interval = readonly [open: Instant, close: Instant];

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** No deadline lies further than this; a calendar whose every day is closed would loop forever. */
const MAX_DAYS = 3660;

// One closure scope shares the calendar's zone, closures and its cache of each day's interval; each
// method is short.
export function createBusinessClock(calendar: BusinessCalendar): BusinessClock {
  const zone = calendar.timeZone;
  // Intl's own check: tzOffset would half-parse a name such as "Tokyo+09" into an offset.
  if (!isKnownTimeZone(zone)) throw new Error(`Unknown time zone: ${zone}.`);
  if (calendar.week.every((hours) => hours === null)) throw new Error('The business calendar has no working hours.');
  const closed = new Set(calendar.closedDates.map(dayOfIsoDate));
  const closedYearly = new Set(calendar.yearlyClosures);
  const isHoliday = calendar.holidayCountry ? publicHolidays(calendar.holidayCountry) : () => false;
  // Each day's interval is worked out once: a popup asks about the same few weeks a thousand times.
  const intervals = new Map<Day, Interval | null>();

  function intervalOn(day: Day): Interval | null {
    let interval = intervals.get(day);
    if (interval !== undefined) return interval;
    const hours = calendar.week[weekdayIndex(day)];
    const open = hours && !closed.has(day) && !closedYearly.has(monthDayOf(day)) && !isHoliday(day);
    interval = open ? [wallTime(day, hours.start), wallTime(day, hours.end)] : null;
    intervals.set(day, interval);
    return interval;
  }

  /**
   * Instants, not wall times: the Monday after a DST change is still exactly 9:00-17:00 long. A wall
   * time the change skips counts from the same time after it (02:30 on spring-forward day is 03:30).
   */
  function wallTime(day: Day, clock: string): Instant {
    const [hour, minute] = clock.split(':').map(Number);
    const date = new Date(day * DAY_MS);
    return new TZDateMini(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour!, minute!, zone).getTime();
  }

  const dayOf = (at: Instant): Day => Math.floor((at + tzOffset(zone, new Date(at)) * MINUTE) / DAY_MS);

  function add(from: Instant, businessMs: number): Instant {
    if (businessMs === 0) return from;
    const step = businessMs > 0 ? 1 : -1;
    let remaining = Math.abs(businessMs);
    let at = from;
    for (let day = dayOf(from), n = 0; n < MAX_DAYS; day += step, n++) {
      const interval = intervalOn(day);
      if (!interval) continue;
      const [open, close] = interval;
      if (step > 0) {
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
    for (let day = dayOf(a), last = dayOf(b); day <= last; day++) {
      const interval = intervalOn(day);
      if (interval) total += Math.max(0, Math.min(b, interval[1]) - Math.max(a, interval[0]));
    }
    return total;
  }

  function isOpen(at: Instant): boolean {
    const interval = intervalOn(dayOf(at));
    return !!interval && at >= interval[0] && at < interval[1];
  }

  const endOfDay = (at: Instant): Instant => wallTime(dayOf(at) + 1, '00:00') - 1;

  return { add, between, isOpen, endOfDay };
}

/** Whether a day is a public holiday in the country; outside the years shipped, none is. */
function publicHolidays(country: string): (day: Day) => boolean {
  const days = new Set<Day>();
  let day = 0;
  for (const gap of holidays.gaps[country] ?? []) days.add((day += gap));
  return (candidate) => days.has(candidate);
}

/** "12-29" for 29 December. */
function monthDayOf(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(5, 10);
}

function dayOfIsoDate(date: string): Day {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** 0 for Monday, as BusinessCalendar.week counts; 1970-01-01 was a Thursday. */
function weekdayIndex(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}
