// The settings' schemas: the business calendar, the SLA rules, grading, feedback reasons, reminders
// and the Marketo field names, with Settings that holds them all. They sit apart from the domain
// records in model.ts, whose primitives they build on. Nothing here imports grade.ts (its defaults
// come from vocabulary.ts), so grade.ts can take its types from here without an import cycle.
import { z } from 'zod';
import { HOLIDAY_COUNTRIES } from './holiday-countries';
import { isKnownTimeZone } from './time-zone';
import { Email, Grade, Stage, Verdict, WebUrl } from './model';
import { DEFAULT_FEEDBACK_REASONS, DEFAULT_GRADE_MINIMUMS, DEFAULT_TARGET_INDUSTRIES, SOURCE_KINDS } from './vocabulary';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM, 24-hour');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'yearly date must be MM-DD');

export const TimeZone = z.string().refine(isKnownTimeZone, 'not an IANA time zone this browser knows');

export const WorkingHours = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((hours) => hours.start < hours.end, 'working hours must end after they start');


export const BusinessCalendar = z.object({
  timeZone: TimeZone,
  /** One entry per weekday, Monday first; null is a day off. */
  week: z.tuple([
    WorkingHours.nullable(),
    WorkingHours.nullable(),
    WorkingHours.nullable(),
    WorkingHours.nullable(),
    WorkingHours.nullable(),
    WorkingHours.nullable(),
    WorkingHours.nullable(),
  ]),
  /** The country whose public holidays are days off, or null for none. */
  holidayCountry: z.enum(HOLIDAY_COUNTRIES, { error: `holiday country must be one of ${HOLIDAY_COUNTRIES.join(', ')}` }).nullable(),
  /** Company closures on top of public holidays, on these dates. */
  closedDates: z.array(IsoDate).default([]),
  /** Company closures every year, as MM-DD: the New Year break, say. */
  yearlyClosures: z.array(MonthDay).default([]),
});

export const SlaRule = z.object({
  id: z.string().min(1),
  name: z.string(),
  match: z
    .object({
      stages: z.array(Stage).optional(),
      minScore: z.number().min(0).max(100).optional(),
      grades: z.array(Grade).optional(),
      sources: z.array(z.string()).optional(),
    })
    .default({}),
  /** Business hours from handoff to first contact. */
  firstContactHours: z.number().positive(),
  /** Business hours after the first-contact deadline at which each follow-up is due. */
  followUpHours: z.array(z.number().positive()).default([]),
});

export const SlaPolicy = z.object({
  /** The first rule that matches a handoff applies; the last should match everything. */
  rules: z.array(SlaRule).min(1),
  /** A pending handoff is "due soon" within this many business minutes of its deadline. */
  dueSoonMinutes: z.number().int().positive().default(120),
});

const Minimum = z.number({ error: 'must be a number from 0 to 100' }).min(0, 'must be 0 or more').max(100, 'must be 100 or less');
/** Equal minimums are allowed: they leave the letter or digit between them empty. */
const Minimums = z
  .tuple([Minimum, Minimum, Minimum])
  .refine(([first, second, third]) => first >= second && second >= third, 'the three minimums must go from highest to lowest');

export const GradeThresholds = z.object({
  /** Minimum fit points (0-100) for A, B and C; below C is D. */
  fit: Minimums,
  /** Minimum score (0-100) for readiness 1, 2 and 3; below is 4. */
  readiness: Minimums,
});

// A duplicate industry is harmless to matching, so it is dropped rather than refused: a pasted list
// need not be cleaned by hand first.
const TargetIndustries = z
  .array(z.string().trim().min(1, 'an industry name cannot be empty').max(80, 'an industry name may have at most 80 characters'))
  .max(50, 'at most 50 target industries')
  .transform((names) => names.filter((name, index) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index));

/** How LeadLens grades leads for the sources that send no grade of their own (demo, HubSpot, Marketo). */
export const Grading = z.object({
  fit: Minimums.default(() => structuredClone(DEFAULT_GRADE_MINIMUMS.fit)),
  readiness: Minimums.default(() => structuredClone(DEFAULT_GRADE_MINIMUMS.readiness)),
  /** Industry names worth fit points, matched ignoring case; list them in each language the sources use. */
  targetIndustries: TargetIndustries.default(() => [...DEFAULT_TARGET_INDUSTRIES]),
});


/** A finer reason behind a verdict, e.g. "Not a fit: company too small". */
export const FeedbackReason = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/, 'reason code must be 1-40 lower-case letters, digits or underscores'),
  verdict: Verdict,
  /** The words the rep sees; empty for a built-in reason, which LeadLens words in the UI language. */
  label: z.string().trim().max(80).default(''),
});

export const Reminders = z.object({
  /** Off until the rep turns them on and grants notifications. */
  enabled: z.boolean().default(false),
  /** A notification this many minutes of wall-clock time before a first-contact deadline; 0 for none. */
  beforeMinutes: z.number().int().min(0).max(24 * 60).default(30),
  /** A notification when a deadline passes without contact. */
  atBreach: z.boolean().default(true),
});

/** The lead fields a Marketo instance may name its own way; lib/sources/marketo/map.ts has the defaults. */
export const MARKETO_FIELD_ROLES = ['mqlDate', 'ownerEmail', 'verdict', 'action', 'reason', 'note', 'actedAt', 'idempotencyKey'] as const;
export type MarketoFieldRole = (typeof MARKETO_FIELD_ROLES)[number];

// Marketo makes camelCase REST names from a field's display name (mqlDate); CRM-synced fields keep the
// CRM's (MQL_Date__c, new_mqldate). Adobe gives 255 characters as the limit of an API name. A blank name is
// checked as valid here and dropped below: it means "use the default".
const MarketoFieldName = z
  .string()
  .trim()
  .refine((name) => name === '' || /^[A-Za-z][A-Za-z0-9_]{0,254}$/.test(name), {
    error: 'must be a Marketo REST API field name: letters, digits and underscores, starting with a letter, at most 255 characters',
  })
  .optional();

export const MarketoFields = z
  .object(Object.fromEntries(MARKETO_FIELD_ROLES.map((role) => [role, MarketoFieldName])) as Record<MarketoFieldRole, typeof MarketoFieldName>)
  .transform((fields) => {
    const named = Object.entries(fields).filter(([, name]) => name);
    return named.length > 0 ? (Object.fromEntries(named) as Partial<Record<MarketoFieldRole, string>>) : undefined;
  })
  // Two roles under one name would write over each other's value on every write-back.
  .superRefine((fields, context) => {
    const roleOf = new Map<string, string>();
    for (const [role, name] of Object.entries(fields ?? {})) {
      const other = roleOf.get(name);
      if (other) context.addIssue({ code: 'custom', path: [role], message: `${name} is already the field for ${other}: each role needs a field of its own` });
      roleOf.set(name, role);
    }
  });

/** A HubSpot property's internal name (not its label): letters, digits and underscores. */
export const HubSpotPropertyName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'must be a HubSpot internal property name: letters, digits and underscores, starting with a letter')
  .optional();

/** Days of marketing activity that make a lead worth keeping locally. */
export const RecentActivityDays = z.number().int().min(1, 'at least 1 day').max(365, 'at most 365 days').optional();

/** Where the leads come from; the connection form's requests carry these fields too (lib/messaging/messages.ts). */
export const SourceSettings = z.object({
  kind: z.enum(SOURCE_KINDS),
  /** Origin and path of the API for http, Marketo's REST endpoint, HubSpot's API host if not the usual one. */
  baseUrl: WebUrl.optional(),
  /** Marketo's client ID (its secret is a credential, kept apart). */
  clientId: z.string().trim().min(1).max(200).optional(),
  /** Marketo: the custom activity type feedback is also logged as, when an admin created one. */
  activityTypeId: z.number().int().positive().optional(),
  /** Marketo: the instance's own names for the custom lead fields; a role left out keeps its default. */
  marketoFields: MarketoFields.optional(),
  /** HubSpot: the number property the score is read from; the legacy hubspotscore when left out. */
  hubspotScoreProperty: HubSpotPropertyName,
  /** HubSpot: the date or datetime property that holds when a contact became an MQL. */
  hubspotMqlDateProperty: HubSpotPropertyName,
  /** HubSpot and Marketo: leads with marketing activity in this many days are kept locally; 30 when left out. */
  recentActivityDays: RecentActivityDays,
  demoSeed: z.number().int().default(1),
});

export const Settings = z.object({
  repEmail: Email,
  source: SourceSettings,
  calendar: BusinessCalendar,
  slaPolicy: SlaPolicy,
  syncIntervalMinutes: z.number().int().min(1).max(1440).default(15),
  /** The optional sites (CRMs, mailto links) the user turned on, by adapter id. */
  sites: z.array(z.string()).default([]),
  language: z.enum(['auto', 'en', 'ja']).default('auto'),
  feedbackReasons: z
    .array(FeedbackReason)
    .max(40)
    .refine((reasons) => new Set(reasons.map((reason) => reason.code)).size === reasons.length, 'each reason code may be used once')
    .default(() => structuredClone(DEFAULT_FEEDBACK_REASONS)),
  reminders: Reminders.prefault({}),
  grading: Grading.prefault({}),
});

export type WorkingHours = z.infer<typeof WorkingHours>;
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;
export type SlaRule = z.infer<typeof SlaRule>;
export type SlaPolicy = z.infer<typeof SlaPolicy>;
export type GradeThresholds = z.infer<typeof GradeThresholds>;
export type Grading = z.infer<typeof Grading>;
export type FeedbackReason = z.infer<typeof FeedbackReason>;
export type Reminders = z.infer<typeof Reminders>;
export type Settings = z.infer<typeof Settings>;
