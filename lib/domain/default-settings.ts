// What LeadLens does before anyone configures it: the demo, on a Tokyo business calendar.
import type { BusinessCalendar, Settings, SlaPolicy } from './settings-schema';
import { DEFAULT_FEEDBACK_REASONS } from './vocabulary';
import { DEFAULT_GRADING } from './grade';

const WORKDAY = { start: '09:00', end: '18:00' } as const;

/**
 * Asia/Tokyo, Monday to Friday 09:00-18:00, Japanese national holidays, and the New Year break most
 * Japanese companies take (年末年始, 29 December to 3 January).
 */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  timeZone: 'Asia/Tokyo',
  week: [WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, null, null],
  holidayCountry: 'JP',
  closedDates: [],
  yearlyClosures: ['12-29', '12-30', '12-31', '01-02', '01-03'],
};

/**
 * Hot leads (grade A1, A2 or B1, or score 80 and over) within 4 business hours, MQLs within 8, the
 * rest within 16. A rule's conditions must all hold, so "grade or score" takes two rules.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  rules: [
    {
      id: 'hot',
      name: 'Hot lead: grade A1, A2 or B1',
      match: { grades: ['A1', 'A2', 'B1'] },
      firstContactHours: 4,
      followUpHours: [8, 24],
    },
    {
      id: 'hot-score',
      name: 'Hot lead: score 80 and over',
      match: { minScore: 80 },
      firstContactHours: 4,
      followUpHours: [8, 24],
    },
    {
      id: 'mql',
      name: 'Marketing qualified',
      match: { stages: ['mql'] },
      firstContactHours: 8,
      followUpHours: [16, 40],
    },
    {
      id: 'default',
      name: 'Every other handoff',
      match: {},
      firstContactHours: 16,
      followUpHours: [24],
    },
  ],
  dueSoonMinutes: 120,
};

export const DEFAULT_SETTINGS: Settings = {
  repEmail: 'rep@leadlens.example',
  source: { kind: 'demo', demoSeed: 1 },
  calendar: DEFAULT_CALENDAR,
  slaPolicy: DEFAULT_SLA_POLICY,
  syncIntervalMinutes: 15,
  sites: [],
  language: 'auto',
  feedbackReasons: DEFAULT_FEEDBACK_REASONS,
  reminders: { enabled: false, beforeMinutes: 30, atBreach: true },
  grading: DEFAULT_GRADING,
};
