// What LeadLens does before anyone configures it: the demo, on a Tokyo business calendar.
import type { Settings } from './settings-schema';
import { DEFAULT_FEEDBACK_REASONS } from './vocabulary';
import { DEFAULT_GRADING } from './grade';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from './sla';

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
