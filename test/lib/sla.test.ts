import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, parse, type SlaPolicy } from '../../lib/model';
import {
  createBusinessClock,
  DEFAULT_CALENDAR,
  DEFAULT_SLA_POLICY,
  dueTimes,
  matchRule,
  slaStatus,
} from '../../lib/sla';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis();
const newYork = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const inTokyo = (at: number) => DateTime.fromMillis(at, { zone: 'Asia/Tokyo' }).toFormat("yyyy-MM-dd'T'HH:mm");
const inNewYork = (at: number) => DateTime.fromMillis(at, { zone: 'America/New_York' }).toFormat("yyyy-MM-dd'T'HH:mm");

const clock = createBusinessClock(DEFAULT_CALENDAR);
const NINE_TO_FIVE = { start: '09:00', end: '17:00' };
const newYorkClock = createBusinessClock({
  timeZone: 'America/New_York',
  week: [NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, null, null],
  holidayCountry: 'US',
  closedDates: [],
});

describe('the business clock (Tokyo, Mon-Fri 09:00-18:00, Japanese holidays)', () => {
  it('counts within a working day', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-17T10:00'), 4 * HOUR))).toBe('2026-11-17T14:00');
    expect(inTokyo(clock.add(tokyo('2026-11-17T10:00'), 8 * HOUR))).toBe('2026-11-17T18:00');
  });

  it('carries over the evening and the weekend: Friday 17:30 + 4h is Monday 12:30', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-13T17:30'), 4 * HOUR))).toBe('2026-11-16T12:30');
  });

  it('skips a Monday holiday: Friday 2026-11-20 17:30 + 4h lands on Tuesday, after 勤労感謝の日', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-20T17:30'), 4 * HOUR))).toBe('2026-11-24T12:30');
  });

  it('starts counting at the next opening for a handoff made outside hours', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-17T22:00'), 2 * HOUR))).toBe('2026-11-18T11:00');
    expect(inTokyo(clock.add(tokyo('2026-11-18T06:00'), 2 * HOUR))).toBe('2026-11-18T11:00');
    expect(inTokyo(clock.add(tokyo('2026-11-14T11:00'), 2 * HOUR))).toBe('2026-11-16T11:00'); // Saturday
  });

  it('skips Golden Week 2026: 昭和の日 on the 29th, then 3 May to the substitute holiday on 6 May', () => {
    expect(inTokyo(clock.add(tokyo('2026-04-28T16:00'), 8 * HOUR))).toBe('2026-04-30T15:00');
    expect(inTokyo(clock.add(tokyo('2026-05-01T17:00'), 2 * HOUR))).toBe('2026-05-07T10:00');
    expect(clock.between(tokyo('2026-05-01T18:00'), tokyo('2026-05-07T09:00'))).toBe(0);
    expect(clock.isOpen(tokyo('2026-05-06T11:00'))).toBe(false);
    expect(clock.isOpen(tokyo('2026-05-07T11:00'))).toBe(true);
  });

  it('ignores observances: 七五三 on a Sunday and Christmas are not days off', () => {
    expect(clock.isOpen(tokyo('2026-12-25T10:00'))).toBe(true);
  });

  it('counts backwards from a deadline to its handoff', () => {
    expect(inTokyo(clock.add(tokyo('2026-11-16T12:30'), -4 * HOUR))).toBe('2026-11-13T17:30');
    expect(inTokyo(clock.add(tokyo('2026-11-16T07:00'), -1 * HOUR))).toBe('2026-11-13T17:00');
  });

  it('measures working time between two instants, in either order', () => {
    const friday = tokyo('2026-11-13T17:00');
    const monday = tokyo('2026-11-16T10:30');
    expect(clock.between(friday, monday)).toBe(2.5 * HOUR);
    expect(clock.between(monday, friday)).toBe(-2.5 * HOUR);
    expect(clock.between(tokyo('2026-11-16T00:00'), tokyo('2026-11-23T00:00'))).toBe(5 * 9 * HOUR);
  });

  it('round-trips add and subtract from inside working hours', () => {
    for (const hours of [0.5, 3, 9, 17, 45, 200]) {
      const start = tokyo('2026-11-18T10:15');
      expect(clock.add(clock.add(start, hours * HOUR), -hours * HOUR)).toBe(start);
      expect(clock.between(start, clock.add(start, hours * HOUR))).toBe(hours * HOUR);
    }
  });

  it('leaves an instant alone when adding nothing', () => {
    expect(clock.add(tokyo('2026-11-14T03:00'), 0)).toBe(tokyo('2026-11-14T03:00'));
  });

  it('respects company closures, and a calendar without a holiday country', () => {
    const noHolidays = createBusinessClock({ ...DEFAULT_CALENDAR, holidayCountry: null, closedDates: ['2026-11-24'] });
    expect(noHolidays.isOpen(tokyo('2026-11-23T10:00'))).toBe(true);
    expect(inTokyo(noHolidays.add(tokyo('2026-11-23T17:00'), 2 * HOUR))).toBe('2026-11-25T10:00');
  });

  it('refuses a calendar with no working hours at all', () => {
    expect(() => createBusinessClock({ ...DEFAULT_CALENDAR, week: [null, null, null, null, null, null, null] })).toThrow(
      /no working hours/,
    );
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
    const due = newYorkClock.add(newYork('2026-03-06T15:00'), 4 * HOUR);
    expect(inNewYork(due)).toBe('2026-03-09T11:00');
    expect(due - newYork('2026-03-06T15:00')).toBe((2 + 64 + 2) * HOUR - HOUR); // one hour fewer on the clock
    expect(inNewYork(newYorkClock.add(newYork('2026-10-30T16:00'), 3 * HOUR))).toBe('2026-11-02T11:00');
  });

  it('takes US public holidays off: Thanksgiving 2026 is 26 November', () => {
    expect(inNewYork(newYorkClock.add(newYork('2026-11-25T16:00'), 2 * HOUR))).toBe('2026-11-27T10:00');
  });
});

describe('SLA rules', () => {
  const facts = { stage: 'mql' as const, score: 50, grade: 'C3', source: 'demo' };

  it('picks the first rule that matches, by grade, score, stage or source', () => {
    expect(matchRule(DEFAULT_SLA_POLICY, { ...facts, grade: 'A1' }).id).toBe('hot');
    expect(matchRule(DEFAULT_SLA_POLICY, { ...facts, score: 85 }).id).toBe('hot-score');
    expect(matchRule(DEFAULT_SLA_POLICY, facts).id).toBe('mql');
    expect(matchRule(DEFAULT_SLA_POLICY, { ...facts, stage: 'sql' }).id).toBe('default');
    const bySource: SlaPolicy = {
      dueSoonMinutes: 60,
      rules: [
        { id: 'events', name: 'Events', match: { sources: ['marketo'], stages: ['sql'] }, firstContactHours: 2, followUpHours: [] },
        { id: 'rest', name: 'Rest', match: { sources: ['nowhere'] }, firstContactHours: 9, followUpHours: [] },
      ],
    };
    expect(matchRule(bySource, { ...facts, stage: 'sql', source: 'marketo' }).id).toBe('events');
    expect(matchRule(bySource, { ...facts, stage: 'mql', source: 'marketo' }).id).toBe('rest'); // the fallback
  });

  it('puts the first contact and the follow-up cadence on the business clock', () => {
    const rule = matchRule(DEFAULT_SLA_POLICY, facts); // 8h, then +16h and +40h
    const due = dueTimes(clock, rule, tokyo('2026-11-20T17:00'));
    expect(inTokyo(due.firstContactDueAt)).toBe('2026-11-24T16:00');
    expect(due.followUpDueAts.map(inTokyo)).toEqual(['2026-11-26T14:00', '2026-12-01T11:00']);
  });
});

describe('SLA state', () => {
  const due = tokyo('2026-11-16T10:00'); // a Monday
  const at = (state: { respondedAt?: number }, now: number) =>
    slaStatus({ firstContactDueAt: due, ...state }, clock, DEFAULT_SLA_POLICY, now);

  it('is on track, then due soon counted in business minutes, then overdue', () => {
    expect(at({}, tokyo('2026-11-13T15:00')).state).toBe('on_track');
    // Friday 17:00 with a Monday 10:00 deadline: 64 hours away, but only 2 working hours.
    const friday = at({}, tokyo('2026-11-13T17:00'));
    expect(friday).toEqual({ state: 'due_soon', dueAt: due, msLeft: 65 * HOUR, businessMsLeft: 2 * HOUR });
    expect(at({}, tokyo('2026-11-16T09:59')).state).toBe('due_soon');
    const late = at({}, tokyo('2026-11-16T11:30'));
    expect(late).toEqual({ state: 'overdue', dueAt: due, msLeft: -90 * MINUTE, businessMsLeft: -90 * MINUTE });
  });

  it('is met or missed once the rep responded, whatever the time now', () => {
    expect(at({ respondedAt: tokyo('2026-11-16T09:30') }, tokyo('2026-12-01T10:00')).state).toBe('met');
    expect(at({ respondedAt: due }, due + HOUR).state).toBe('met');
    expect(at({ respondedAt: tokyo('2026-11-16T10:01') }, tokyo('2026-11-16T10:02')).state).toBe('missed');
  });
});

describe('calendar validation', () => {
  it('rejects an unknown zone and hours that end before they start, naming the field', () => {
    const result = parse(BusinessCalendar, 'Calendar', {
      ...DEFAULT_CALENDAR,
      timeZone: 'Asia/Atlantis',
      week: [{ start: '18:00', end: '09:00' }, null, null, null, null, null, null],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/timeZone: .*week\.0: working hours must end after they start/);
  });

  it('accepts the default calendar', () => {
    expect(parse(BusinessCalendar, 'Calendar', DEFAULT_CALENDAR).ok).toBe(true);
  });
});
