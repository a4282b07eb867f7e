// Expected instants are written as local wall times with luxon, not computed by the clock under test.
// Holiday expectations follow the published 2026 calendars, checked against date-holidays 3.37.0.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessClock } from '../../../lib/time/calendar';
import type { BusinessCalendar, WorkingHours } from '../../../lib/domain/settings-schema';
import { DEFAULT_CALENDAR } from '../../../lib/domain/default-settings';

const HOUR = 3_600_000;
const at = (zone: string) => (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const wall = (zone: string) => (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
const tokyo = at('Asia/Tokyo');
const inTokyo = wall('Asia/Tokyo');
const newYork = at('America/New_York');
const inNewYork = wall('America/New_York');

const weekdays = (hours: WorkingHours): BusinessCalendar['week'] => [hours, hours, hours, hours, hours, null, null];
const everyDay = (hours: WorkingHours): BusinessCalendar['week'] => [hours, hours, hours, hours, hours, hours, hours];
const TOKYO: BusinessCalendar = {
  timeZone: 'Asia/Tokyo',
  week: weekdays({ start: '09:00', end: '18:00' }),
  holidayCountry: 'JP',
  closedDates: [],
  yearlyClosures: [],
};
const clock = createBusinessClock(TOKYO);
const NEW_YORK: BusinessCalendar = {
  timeZone: 'America/New_York',
  week: weekdays({ start: '09:00', end: '17:00' }),
  holidayCountry: 'US',
  closedDates: [],
  yearlyClosures: [],
};
const newYorkClock = createBusinessClock(NEW_YORK);

describe('the business clock in Tokyo, Mon-Fri 09:00-18:00 with Japanese holidays', () => {
  it('counts within a working day', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-17T10:00'), 4 * HOUR))).toBe('2026-11-17T14:00');
    expect(inTokyo(clock.add(tokyo('2026-11-17T10:00'), 8 * HOUR))).toBe('2026-11-17T18:00');
  });

  it('carries over the weekend: Friday 17:30 + 4h is Monday 12:30', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-13T17:30'), 4 * HOUR))).toBe('2026-11-16T12:30');
  });

  it('skips a Monday holiday: Friday 2026-11-20 17:30 + 4h lands on Tuesday, after 勤労感謝の日', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-20T17:30'), 4 * HOUR))).toBe('2026-11-24T12:30');
  });

  it('starts counting at the next opening for a handoff made outside hours', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-17T22:00'), 2 * HOUR))).toBe('2026-11-18T11:00');
    expect(inTokyo(clock.add(tokyo('2026-11-18T06:00'), 2 * HOUR))).toBe('2026-11-18T11:00');
    expect(inTokyo(clock.add(tokyo('2026-11-14T11:00'), 2 * HOUR))).toBe('2026-11-16T11:00'); // Saturday
    expect(inTokyo(clock.add(tokyo('2026-11-17T18:00'), 1 * HOUR))).toBe('2026-11-18T10:00'); // at closing
  });

  it('skips Golden Week 2026: 昭和の日 on 29 April, then 3 May to the substitute holiday on 6 May', () => {
    expect(inTokyo(clock.add(tokyo('2026-04-28T16:00'), 8 * HOUR))).toBe('2026-04-30T15:00');
    expect(inTokyo(clock.add(tokyo('2026-05-01T17:00'), 2 * HOUR))).toBe('2026-05-07T10:00');
    expect(clock.between(tokyo('2026-05-01T18:00'), tokyo('2026-05-07T09:00'))).toBe(0);
    expect(clock.isOpen(tokyo('2026-05-06T11:00'))).toBe(false);
    expect(clock.isOpen(tokyo('2026-05-07T11:00'))).toBe(true);
  });

  it('is closed on every public holiday of 2026 that falls on a weekday, 振替休日 and 国民の休日 included', () => {
    const holidays = ['01-01', '01-12', '02-11', '02-23', '03-20', '04-29', '05-04', '05-05', '05-06', '07-20'];
    holidays.push('08-11', '09-21', '09-22', '09-23', '10-12', '11-03', '11-23');
    for (const date of holidays) expect(clock.isOpen(tokyo(`2026-${date}T12:00`)), date).toBe(false);
    // 2026 has 261 weekdays; 17 of them are holidays.
    expect(clock.between(tokyo('2026-01-01T00:00'), tokyo('2027-01-01T00:00'))).toBe((261 - 17) * 9 * HOUR);
  });

  it('knows the holidays of the years shipped, 2020 to 2050, and none beyond', () => {
    // 憲法記念日 falls on a Tuesday in 2050 and on a Wednesday in 2051.
    expect(clock.isOpen(tokyo('2050-05-03T12:00'))).toBe(false);
    expect(clock.isOpen(tokyo('2020-05-06T12:00'))).toBe(false); // 振替休日
    expect(clock.isOpen(tokyo('2051-05-03T12:00'))).toBe(true);
  });

  it('stays open on bank holidays and observances: 2 January, クリスマス', () => {
    expect(clock.isOpen(tokyo('2026-01-02T10:00'))).toBe(true);
    expect(clock.isOpen(tokyo('2026-12-25T10:00'))).toBe(true);
  });

  it('counts backwards from a deadline, from outside hours starting at the previous closing', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-16T12:30'), -4 * HOUR))).toBe('2026-11-13T17:30');
    expect(inTokyo(clock.add(tokyo('2026-11-16T07:00'), -1 * HOUR))).toBe('2026-11-13T17:00');
    expect(inTokyo(clock.add(tokyo('2026-05-07T10:00'), -2 * HOUR))).toBe('2026-05-01T17:00');
  });

  it('measures working time between two instants, with the sign of their order', () => {
    const friday = tokyo('2026-11-13T17:00');
    const monday = tokyo('2026-11-16T10:30');
    expect(clock.between(friday, monday)).toBe(2.5 * HOUR);
    expect(clock.between(monday, friday)).toBe(-2.5 * HOUR);
    expect(clock.between(friday, friday)).toBe(0);
    expect(clock.between(tokyo('2026-11-16T00:00'), tokyo('2026-11-23T00:00'))).toBe(5 * 9 * HOUR);
  });

  it('round-trips add and subtract from inside working hours, and between agrees with add', () => {
    const starts = ['2026-11-18T10:15', '2026-11-18T09:00', '2026-04-28T17:59', '2026-12-28T13:00'].map(tokyo);
    for (const start of starts) {
      for (const hours of [0.25, 3, 9, 17, 45, 200, 2000]) {
        const later = clock.add(start, hours * HOUR);
        expect(clock.add(later, -hours * HOUR)).toBe(start);
        expect(clock.between(start, later)).toBe(hours * HOUR);
        expect(clock.between(later, start)).toBe(-hours * HOUR);
        expect(clock.between(clock.add(start, -hours * HOUR), start)).toBe(hours * HOUR);
      }
    }
  });

  it('leaves an instant alone when adding nothing, even outside hours', () => {
    expect(clock.add(tokyo('2026-11-14T03:00'), 0)).toBe(tokyo('2026-11-14T03:00'));
  });

  it('is open from the opening minute up to, not including, the closing one', () => {
    expect(clock.isOpen(tokyo('2026-11-17T09:00'))).toBe(true);
    expect(clock.isOpen(tokyo('2026-11-17T17:59'))).toBe(true);
    expect(clock.isOpen(tokyo('2026-11-17T18:00'))).toBe(false);
    expect(clock.isOpen(tokyo('2026-11-14T12:00'))).toBe(false); // Saturday
  });
});

describe('calendars with other settings', () => {
  it('takes company closures off, and only weekends and closures without a holiday country', () => {
    const noHolidays = createBusinessClock({ ...TOKYO, holidayCountry: null, closedDates: ['2026-11-24'] });
    expect(noHolidays.isOpen(tokyo('2026-11-23T10:00'))).toBe(true); // 勤労感謝の日 counts no more
    expect(inTokyo(noHolidays.add(tokyo('2026-11-23T17:00'), 2 * HOUR))).toBe('2026-11-25T10:00');
    const newYearBreak = createBusinessClock({ ...TOKYO, closedDates: ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04'] });
    // 1 January is a public holiday; 2 and 3 January 2027 are a weekend.
    expect(inTokyo(newYearBreak.add(tokyo('2026-12-28T17:00'), 2 * HOUR))).toBe('2027-01-05T10:00');
  });

  it('closes the same dates every year: the default Tokyo calendar takes the New Year break', () => {
    const yearly = createBusinessClock(DEFAULT_CALENDAR);
    // From Monday 28 December 2026 17:00, two business hours end on Monday 4 January 2027: 29-31 Dec and
    // 2-3 Jan are the break, 1 Jan a holiday, 4 Jan the first working day.
    expect(inTokyo(yearly.add(tokyo('2026-12-28T17:00'), 2 * HOUR))).toBe('2027-01-04T10:00');
    expect(yearly.isOpen(tokyo('2027-12-29T10:00'))).toBe(false);
    expect(yearly.isOpen(tokyo('2027-12-28T10:00'))).toBe(true);
    // In the calendar's own zone: 29 December starts at midnight in Tokyo, not in UTC.
    expect(yearly.isOpen(tokyo('2026-12-28T17:59'))).toBe(true);
  });

  it('takes every day of a multi-day holiday off: 추석 2026 runs 24-26 September in Korea', () => {
    const seoul = createBusinessClock({ ...TOKYO, timeZone: 'Asia/Seoul', holidayCountry: 'KR' });
    const inSeoul = at('Asia/Seoul');
    expect(seoul.isOpen(inSeoul('2026-09-23T12:00'))).toBe(true);
    expect(seoul.isOpen(inSeoul('2026-09-24T12:00'))).toBe(false);
    expect(seoul.isOpen(inSeoul('2026-09-25T12:00'))).toBe(false);
    expect(seoul.isOpen(inSeoul('2026-02-18T12:00'))).toBe(false); // 설날, its middle day
  });

  it('keeps working through half-day observances such as China 妇女节, but not 国庆节', () => {
    const shanghai = createBusinessClock({ ...TOKYO, timeZone: 'Asia/Shanghai', holidayCountry: 'CN' });
    const inShanghai = at('Asia/Shanghai');
    expect(shanghai.isOpen(inShanghai('2027-03-08T15:00'))).toBe(true); // a Monday, noon onwards for women only
    expect(shanghai.isOpen(inShanghai('2026-10-02T10:00'))).toBe(false);
  });

  it('refuses a calendar it cannot count on', () => {
    expect(() => createBusinessClock({ ...TOKYO, week: [null, null, null, null, null, null, null] })).toThrow(/no working hours/);
    expect(() => createBusinessClock({ ...TOKYO, timeZone: 'Asia/Atlantis' })).toThrow(/Unknown time zone/);
    // Half a name with an offset in it is still no zone, though an offset parser would read "+09" out of it.
    expect(() => createBusinessClock({ ...TOKYO, timeZone: 'Tokyo+09' })).toThrow(/Unknown time zone/);
  });

  it("ends the day at local midnight, in the calendar's zone and not the machine's", () => {
    expect(clock.endOfDay(tokyo('2026-11-26T23:59')) + 1).toBe(tokyo('2026-11-27T00:00'));
    expect(clock.endOfDay(tokyo('2026-11-26T00:00')) + 1).toBe(tokyo('2026-11-27T00:00'));
    // 23:30 in New York is already tomorrow in UTC: its day still ends at New York's midnight.
    expect(newYorkClock.endOfDay(newYork('2026-11-26T23:30')) + 1).toBe(newYork('2026-11-27T00:00'));
  });

  it('works any days of the week it is given: Sundays only', () => {
    const sundays = createBusinessClock({ ...TOKYO, week: [null, null, null, null, null, null, { start: '09:00', end: '10:00' }] });
    expect(inTokyo(sundays.add(tokyo('2026-11-17T10:00'), HOUR))).toBe('2026-11-22T10:00');
    expect(inTokyo(sundays.add(tokyo('2026-11-17T10:00'), -HOUR))).toBe('2026-11-15T09:00');
  });
});

describe('the business clock across daylight saving time in America/New_York', () => {
  it('keeps a working day at 8 real hours on the Mondays after spring forward and fall back', () => {
    expect(newYorkClock.between(newYork('2026-03-09T00:00'), newYork('2026-03-10T00:00'))).toBe(8 * HOUR);
    expect(newYorkClock.between(newYork('2026-11-02T00:00'), newYork('2026-11-03T00:00'))).toBe(8 * HOUR);
  });

  it('counts a week spanning each change as five working days', () => {
    expect(newYorkClock.between(newYork('2026-03-05T00:00'), newYork('2026-03-12T00:00'))).toBe(5 * 8 * HOUR);
    expect(newYorkClock.between(newYork('2026-10-29T00:00'), newYork('2026-11-05T00:00'))).toBe(5 * 8 * HOUR);
  });

  it('lands at the right local time across the change', () => {
    // Friday 15:00 EST + 4h: 2h on Friday, 2h on Monday, which is in EDT.
    const friday = newYork('2026-03-06T15:00');
    const due = newYorkClock.add(friday, 4 * HOUR);
    expect(inNewYork(due)).toBe('2026-03-09T11:00');
    expect(due - friday).toBe(68 * HOUR - HOUR); // the weekend lost an hour
    expect(inNewYork(newYorkClock.add(newYork('2026-10-30T16:00'), 3 * HOUR))).toBe('2026-11-02T11:00');
    expect(newYorkClock.add(newYork('2026-10-30T16:00'), 3 * HOUR) - newYork('2026-10-30T16:00')).toBe(68 * HOUR);
  });

  it('counts real elapsed time on the change days themselves', () => {
    // Open 00:00-06:00 every day: the clocks jump at 02:00, so 5 real hours in spring, 7 in autumn.
    const night = createBusinessClock({ ...NEW_YORK, week: everyDay({ start: '00:00', end: '06:00' }), holidayCountry: null });
    expect(night.between(newYork('2026-03-07T00:00'), newYork('2026-03-08T12:00'))).toBe((6 + 5) * HOUR);
    expect(night.between(newYork('2026-11-01T00:00'), newYork('2026-11-01T12:00'))).toBe(7 * HOUR);
    expect(inNewYork(night.add(newYork('2026-03-08T01:00'), 2 * HOUR))).toBe('2026-03-08T04:00');
    const sundays = createBusinessClock({ ...NEW_YORK, week: everyDay({ start: '09:00', end: '17:00' }), holidayCountry: null });
    expect(sundays.between(newYork('2026-03-08T00:00'), newYork('2026-03-09T00:00'))).toBe(8 * HOUR);
  });

  it('ends the change days at midnight: 23 hours long in spring, 25 in autumn', () => {
    expect(newYorkClock.endOfDay(newYork('2026-03-08T12:00')) + 1 - newYork('2026-03-08T00:00')).toBe(23 * HOUR);
    expect(newYorkClock.endOfDay(newYork('2026-11-01T12:00')) + 1 - newYork('2026-11-01T00:00')).toBe(25 * HOUR);
  });

  it('opens at the same time after the change when the opening time is skipped', () => {
    // Open 02:30-06:00: on spring-forward day 02:30 does not exist, so the day runs 03:30-06:00.
    const early = createBusinessClock({ ...NEW_YORK, week: everyDay({ start: '02:30', end: '06:00' }), holidayCountry: null });
    expect(early.between(newYork('2026-03-08T00:00'), newYork('2026-03-08T12:00'))).toBe(2.5 * HOUR);
    expect(early.isOpen(newYork('2026-03-08T03:29'))).toBe(false);
    expect(early.isOpen(newYork('2026-03-08T03:30'))).toBe(true);
  });

  it('takes US public holidays off: Thanksgiving 2026 is 26 November', () => {
    expect(inNewYork(newYorkClock.add(newYork('2026-11-25T16:00'), 2 * HOUR))).toBe('2026-11-27T10:00');
  });
});
