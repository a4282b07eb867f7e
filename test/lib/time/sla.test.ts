// Rules, deadlines and SLA state on the default Tokyo calendar; the clock itself is tested in
// calendar.test.ts. Expected instants are written as Tokyo wall times with luxon.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../lib/domain/model';
import { BusinessCalendar, SlaPolicy } from '../../../lib/domain/settings-schema';
import {
  createBusinessClock,
  dueTimes,
  matchRule,
  slaStatus,
  type HandoffFacts,
} from '../../../lib/time/sla';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../lib/domain/default-settings';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis();
const inTokyo = (at: number) => DateTime.fromMillis(at, { zone: 'Asia/Tokyo' }).toFormat("yyyy-MM-dd'T'HH:mm");
const clock = createBusinessClock(DEFAULT_CALENDAR);

describe('the defaults', () => {
  it('are a Tokyo weekday calendar with the New Year break, and a policy, that both pass their schemas', () => {
    expect(DEFAULT_CALENDAR).toEqual({
      timeZone: 'Asia/Tokyo',
      week: [...Array(5).fill({ start: '09:00', end: '18:00' }), null, null],
      holidayCountry: 'JP',
      closedDates: [],
      yearlyClosures: ['12-29', '12-30', '12-31', '01-02', '01-03'],
    });
    expect(parse(BusinessCalendar, 'Calendar', DEFAULT_CALENDAR).ok).toBe(true);
    expect(parse(SlaPolicy, 'Policy', DEFAULT_SLA_POLICY)).toEqual({ ok: true, value: DEFAULT_SLA_POLICY });
    expect(DEFAULT_SLA_POLICY.rules.at(-1)?.match).toEqual({}); // the catch-all
  });
});

describe('SLA rules', () => {
  const facts: HandoffFacts = { stage: 'mql', score: 50, grade: 'C3', source: 'demo' };

  it('gives hot leads 4 hours, MQLs 8 and the rest 16 under the default policy', () => {
    const rule = (more: Partial<HandoffFacts>) => matchRule(DEFAULT_SLA_POLICY, { ...facts, ...more });
    expect(rule({ grade: 'A1' })).toMatchObject({ id: 'hot', firstContactHours: 4, followUpHours: [8, 24] });
    expect(rule({ grade: 'B1', stage: 'sql' }).id).toBe('hot');
    expect(rule({ score: 80 })).toMatchObject({ id: 'hot-score', firstContactHours: 4 });
    expect(rule({ score: 79.9 })).toMatchObject({ id: 'mql', firstContactHours: 8, followUpHours: [16, 40] });
    expect(rule({ stage: 'sql', grade: 'B2' })).toMatchObject({ id: 'default', firstContactHours: 16, followUpHours: [24] });
  });

  it('takes the first rule whose every condition holds, by stage, score, grade and source', () => {
    const policy = SlaPolicy.parse({
      rules: [
        { id: 'event-sql', name: 'Event SQLs', match: { sources: ['marketo'], stages: ['sql'] }, firstContactHours: 2 },
        { id: 'fit', name: 'Good fit, engaged', match: { grades: ['A2', 'B2'], minScore: 60 }, firstContactHours: 3 },
        { id: 'any-sql', name: 'Any SQL', match: { stages: ['sql'] }, firstContactHours: 5 },
        { id: 'hubspot', name: 'HubSpot only', match: { sources: ['hubspot'] }, firstContactHours: 9 },
      ],
    });
    const id = (more: Partial<HandoffFacts>) => matchRule(policy, { ...facts, ...more }).id;
    expect(id({ stage: 'sql', source: 'marketo', grade: 'A2', score: 90 })).toBe('event-sql');
    expect(id({ stage: 'sql', source: 'demo', grade: 'A2', score: 90 })).toBe('fit');
    expect(id({ stage: 'sql', source: 'demo', grade: 'A2', score: 59 })).toBe('any-sql');
    expect(id({ source: 'hubspot' })).toBe('hubspot');
    expect(id({ source: 'demo' })).toBe('hubspot'); // nothing matched: the last rule
  });

  it('puts the first contact on the business clock and counts follow-ups from it', () => {
    const hot = matchRule(DEFAULT_SLA_POLICY, { ...facts, grade: 'A1' }); // 4h, then +8h and +24h
    const friday = dueTimes(clock, hot, tokyo('2026-11-13T17:30'));
    expect(inTokyo(friday.firstContactDueAt)).toBe('2026-11-16T12:30');
    expect(friday.followUpDueAts.map(inTokyo)).toEqual(['2026-11-17T11:30', '2026-11-19T09:30']);

    const mql = matchRule(DEFAULT_SLA_POLICY, facts); // 8h, then +16h and +40h, across 勤労感謝の日
    const beforeHoliday = dueTimes(clock, mql, tokyo('2026-11-20T17:00'));
    expect(inTokyo(beforeHoliday.firstContactDueAt)).toBe('2026-11-24T16:00');
    expect(beforeHoliday.followUpDueAts.map(inTokyo)).toEqual(['2026-11-26T14:00', '2026-12-01T11:00']);
  });

  it('gives no follow-ups to a rule without a cadence', () => {
    const rule = { id: 'once', name: 'Once', match: {}, firstContactHours: 1, followUpHours: [] };
    expect(dueTimes(clock, rule, tokyo('2026-11-14T12:00'))).toEqual({
      firstContactDueAt: tokyo('2026-11-16T10:00'),
      followUpDueAts: [],
    });
  });
});

describe('SLA state', () => {
  const due = tokyo('2026-11-16T10:00'); // a Monday
  const status = (now: string, respondedAt?: string) =>
    slaStatus(
      { firstContactDueAt: due, respondedAt: respondedAt === undefined ? undefined : tokyo(respondedAt) },
      clock,
      DEFAULT_SLA_POLICY,
      tokyo(now),
    );

  it('is on track while more than the due-soon threshold of business time remains', () => {
    expect(status('2026-11-13T15:00')).toEqual({ state: 'on_track', dueAt: due, msLeft: 67 * HOUR, businessMsLeft: 4 * HOUR });
    expect(status('2026-11-13T16:59').state).toBe('on_track');
  });

  it('is due soon counted in business minutes: Friday 17:00 before a Monday 10:00 deadline', () => {
    // 65 hours away on the wall clock, but only 2 working hours: one on Friday, one on Monday.
    expect(status('2026-11-13T17:00')).toEqual({ state: 'due_soon', dueAt: due, msLeft: 65 * HOUR, businessMsLeft: 2 * HOUR });
    expect(status('2026-11-14T12:00')).toMatchObject({ state: 'due_soon', businessMsLeft: HOUR });
    expect(status('2026-11-16T09:59')).toMatchObject({ state: 'due_soon', msLeft: MINUTE, businessMsLeft: MINUTE });
  });

  it('is overdue from the deadline on, with negative time left', () => {
    expect(status('2026-11-16T10:00')).toMatchObject({ state: 'overdue', msLeft: 0, businessMsLeft: 0 });
    expect(status('2026-11-16T11:30')).toEqual({ state: 'overdue', dueAt: due, msLeft: -90 * MINUTE, businessMsLeft: -90 * MINUTE });
    expect(status('2026-11-17T09:30')).toMatchObject({ state: 'overdue', msLeft: -23.5 * HOUR, businessMsLeft: -8.5 * HOUR });
  });

  it('is met or missed once the rep responded, whatever the time now', () => {
    expect(status('2026-12-01T10:00', '2026-11-16T09:30').state).toBe('met');
    expect(status('2026-11-16T11:00', '2026-11-16T10:00').state).toBe('met'); // on the minute counts
    expect(status('2026-11-16T10:02', '2026-11-16T10:01').state).toBe('missed');
    expect(status('2026-11-13T12:00', '2026-11-13T11:00')).toMatchObject({ state: 'met', businessMsLeft: 7 * HOUR });
  });

  it('uses the policy threshold', () => {
    const strict = { ...DEFAULT_SLA_POLICY, dueSoonMinutes: 30 };
    const at = (now: string) => slaStatus({ firstContactDueAt: due }, clock, strict, tokyo(now)).state;
    expect(at('2026-11-13T17:00')).toBe('on_track');
    expect(at('2026-11-16T09:30')).toBe('due_soon');
  });
});

describe('calendar validation by the model schema', () => {
  it('rejects an unknown zone and hours that end before they start, naming each field', () => {
    const result = parse(BusinessCalendar, 'Calendar', {
      ...DEFAULT_CALENDAR,
      timeZone: 'Asia/Atlantis',
      week: [{ start: '18:00', end: '09:00' }, null, null, null, null, null, null],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Calendar: /);
      expect(result.error.message).toContain('timeZone: not an IANA time zone');
      expect(result.error.message).toContain('week.0: working hours must end after they start');
    }
  });

  it('rejects a malformed time, closed date or holiday country', () => {
    const message = (input: object) => {
      const result = parse(BusinessCalendar, 'Calendar', { ...DEFAULT_CALENDAR, ...input });
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(message({ week: [{ start: '9:00', end: '18:00' }, null, null, null, null, null, null] })).toContain(
      'week.0.start: time must be HH:MM',
    );
    expect(message({ closedDates: ['2026/12/31'] })).toContain('closedDates.0: date must be YYYY-MM-DD');
    expect(message({ holidayCountry: 'XX' })).toContain('holidayCountry: holiday country must be one of');
  });
});
