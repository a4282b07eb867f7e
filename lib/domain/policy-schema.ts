// What a policy may set, and how one is read. Two policies sit over the rep's own settings: the
// organisation's, which IT pushes through the browser's enterprise policies (storage.managed), and
// the marketing system's, the team's agreement, answered by the Lead Context API's GET /v1/policy.
// A policy has Settings' own shape, field by field; each field is parsed on its own, so that one bad
// field is reported and left out while the rest apply. Chrome's policy schema language has no null,
// so a day off in calendar.week may also be written {} and no public holidays "none".
import { z } from 'zod';
import { parse, WebUrl } from './model';
import { BusinessCalendar, Grading, Settings, SlaPolicy } from './settings-schema';
import { SOURCE_KINDS } from './vocabulary';

/** The settings a policy may set: public/managed-schema.json declares the same, for Chrome. */
export const POLICY_FIELDS = ['source', 'calendar', 'slaPolicy', 'grading', 'feedbackReasons', 'sites', 'language'] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

/**
 * What the marketing system's policy may set: the agreement between marketing and sales. Where
 * LeadLens connects, which sites it reads and its language are IT's to decide, not the API's.
 */
export const AGREEMENT_FIELDS = ['calendar', 'slaPolicy', 'grading', 'feedbackReasons'] as const satisfies readonly PolicyField[];

/** Who set a policy: IT through the browser, or the marketing system. */
export type PolicyAuthor = 'organisation' | 'marketing';

/**
 * The connection. A token may come with it for the Lead Context API only: that is the company's own
 * middleware, which can issue a team token of least privilege. A HubSpot private app's token or a
 * Marketo client secret opens the whole portal, and a policy is readable on every managed machine
 * (chrome://policy, the registry, /etc): those stay with each rep.
 */
const SourcePolicy = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    baseUrl: WebUrl.optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
    token: z.string().trim().min(1).max(4096).optional(),
  })
  .superRefine((source, context) => {
    if (source.token !== undefined && source.kind !== 'http') {
      context.addIssue({ code: 'custom', path: ['token'], message: 'only a Lead Context API token may be set by policy; HubSpot and Marketo credentials stay with each rep' });
    }
    if (!source.baseUrl && (source.kind === 'http' || source.kind === 'marketo')) {
      context.addIssue({ code: 'custom', path: ['baseUrl'], message: `a ${source.kind === 'http' ? 'Lead Context API' : 'Marketo'} connection needs its baseUrl` });
    }
  });
export type SourcePolicy = z.infer<typeof SourcePolicy>;

const isEmptyObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

/** The calendar as Chrome's schema lets it be written, turned into Settings' shape before it is checked. */
const CalendarPolicy = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null) return raw;
  const calendar = { ...(raw as Record<string, unknown>) };
  if (Array.isArray(calendar.week)) calendar.week = calendar.week.map((day) => (isEmptyObject(day) ? null : day));
  if (calendar.holidayCountry === 'none') calendar.holidayCountry = null;
  return calendar;
}, BusinessCalendar);

const FIELD_SCHEMAS = {
  source: SourcePolicy,
  calendar: CalendarPolicy,
  slaPolicy: SlaPolicy,
  grading: Grading,
  feedbackReasons: Settings.shape.feedbackReasons.unwrap(),
  // Site ids are checked where the sites are known (lib/pages/sites.ts); an unknown one turns nothing on.
  sites: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'a site is an id like "salesforce"')).max(20),
  /** The display language for reps who left theirs on the browser's. */
  language: z.enum(['en', 'ja']),
} satisfies Record<PolicyField, z.ZodType>;

export type Policy = { [F in PolicyField]?: z.output<(typeof FIELD_SCHEMAS)[F]> };

export interface ReadPolicy {
  /** The fields that parsed. */
  policy: Policy;
  /** What was left out and why, one line each, naming the policy and the field. */
  problems: string[];
}

const LABELS: Record<PolicyAuthor, string> = { organisation: "Your organisation's policy", marketing: "The marketing system's policy" };

/** Reads a policy as it came (managed storage, or the body of GET /v1/policy). A field that is null or absent is not set. */
export function readPolicy(raw: unknown, author: PolicyAuthor): ReadPolicy {
  const label = LABELS[author];
  if (raw === null || raw === undefined) return { policy: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy: {}, problems: [`${label} is not a JSON object: none of it applies.`] };
  const allowed: readonly string[] = author === 'organisation' ? POLICY_FIELDS : AGREEMENT_FIELDS;
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [field, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (!(POLICY_FIELDS as readonly string[]).includes(field)) {
      problems.push(`${label} sets "${field}", which LeadLens does not know: it is ignored.`);
    } else if (!allowed.includes(field)) {
      problems.push(`${label} sets "${field}", which only your organisation's IT may set: it is ignored.`);
    } else {
      const parsed = parse(FIELD_SCHEMAS[field as PolicyField], `${label}, ${field}`, value);
      if (parsed.ok) policy[field] = parsed.value;
      else problems.push(`${parsed.error.message}. The rest of the policy applies; ${field} stays as it was.`);
    }
  }
  return { policy: policy as Policy, problems };
}
