// What LeadLens does before anyone configures it: the demo, on a Tokyo business calendar.
import type { Settings } from './model';
import { BUILT_IN_REASONS } from './vocabulary';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from './sla';

export const DEFAULT_SETTINGS: Settings = {
  repEmail: 'rep@leadlens.example',
  source: { kind: 'demo', demoSeed: 1 },
  calendar: DEFAULT_CALENDAR,
  slaPolicy: DEFAULT_SLA_POLICY,
  syncIntervalMinutes: 15,
  sites: [],
  language: 'auto',
  feedbackReasons: BUILT_IN_REASONS.map((reason) => ({ ...reason, label: '' })),
  reminders: { enabled: false, beforeMinutes: 30, atBreach: true },
};
