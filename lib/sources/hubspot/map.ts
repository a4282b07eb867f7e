// What a HubSpot contact means to LeadLens: the properties asked for, the zod schema a contact must
// pass, and how it becomes a lead, touches from its latest-activity properties and, for an MQL the rep
// owns, a handoff with SLA deadlines. The score and the MQL date come from the properties the settings
// name. No HTTP here: source.ts fetches, this file reads what came back.
import { z } from 'zod';
import { gradeFor } from '../../domain/grade';
import { Email, Instant, Lead, parse, WebUrl } from '../../domain/model';
import type { Handoff, HandoffStatus, Stage, Touch } from '../../domain/model';
import type { Grading, SlaPolicy } from '../../domain/settings-schema';
import { dueTimes, matchRule, type BusinessClock } from '../../time/sla';
import type { RejectedRecord } from '../source';
import { crmRecordsOf, SALESFORCE_PROPERTIES } from './records';

export const HUBSPOT_SOURCE_ID = 'hubspot';

/** The contact properties a portal chooses: where the score and the MQL date are kept. */
export interface HubSpotProperties {
  score: string;
  mqlDate: string;
}

/**
 * Today's defaults. hubspotscore is the legacy HubSpot Score, which HubSpot stopped updating at the end
 * of August 2025; portals on the lead scoring tool name their own score property in the settings.
 */
export const DEFAULT_PROPERTIES: HubSpotProperties = { score: 'hubspotscore', mqlDate: 'hs_lifecyclestage_marketingqualifiedlead_date' };
export const LEGACY_SCORE = 'hubspotscore';

/** The latest of each activity: the v3 contact carries no history, so at most one touch per property. */
const ACTIVITY = [
  ['hs_email_last_open_date', 'email_open'],
  ['hs_email_last_click_date', 'email_click'],
  ['hs_analytics_last_visit_timestamp', 'page_view'],
  ['recent_conversion_date', 'form_fill'],
  ['first_conversion_date', 'form_fill'],
] as const;
const TEXTS = [
  'firstname', 'lastname', 'company', 'jobtitle', 'industry', 'numemployees',
  'lifecyclestage', 'hs_lead_status', 'hubspot_owner_id', 'associatedcompanyid',
  'hs_email_last_email_name', 'hs_analytics_last_url', 'recent_conversion_event_name', 'first_conversion_event_name',
  SALESFORCE_PROPERTIES.Lead, SALESFORCE_PROPERTIES.Contact,
] as const;
const TIMES = ACTIVITY.map(([property]) => property);

/** Every property the mapping reads, for the `properties` of a search or batch read. */
export function propertiesToRead(chosen: HubSpotProperties): string[] {
  return [...new Set(['email', 'lastmodifieddate', chosen.score, chosen.mqlDate, ...TEXTS, ...TIMES])];
}

const present = (text: string | null | undefined) => (text?.trim() ? text.trim() : undefined);
/** HubSpot sends datetimes as ISO-8601 text, some as epoch-ms text, and date properties as YYYY-MM-DD. */
export function toInstant(text: string): number | undefined {
  const at = /^\d+$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isSafeInteger(at) && at >= 0 ? at : undefined;
}
const Text = z.string().nullish().transform(present);
const NumberText = Text.refine((text) => text === undefined || Number.isFinite(Number(text)), 'must be a number') //
  .transform((text) => (text === undefined ? undefined : Number(text)));
const TimeText = Text.refine((text) => text === undefined || toInstant(text) !== undefined, 'must be a date-time') //
  .transform((text) => (text === undefined ? undefined : toInstant(text)));

type Texts = Record<(typeof TEXTS)[number], string | undefined>;
type Times = Record<(typeof TIMES)[number], number | undefined>;
/** A contact as parsed, with the chosen score and MQL date lifted out of its properties. */
interface Contact {
  id: string;
  properties: Texts & Times & { email: string; lastmodifieddate: number };
  score: number | undefined;
  mqlAt: number | undefined;
}

/** The schema for a portal's chosen properties: a score that is not a number is refused under its own name. */
export function contactSchema(chosen: HubSpotProperties): z.ZodType<Contact> {
  const properties = z.object({
    ...Object.fromEntries(TEXTS.map((name) => [name, Text])),
    ...Object.fromEntries(TIMES.map((name) => [name, TimeText])),
    [chosen.mqlDate]: TimeText,
    [chosen.score]: NumberText,
    email: Email,
    lastmodifieddate: TimeText.pipe(Instant),
  });
  return z
    .object({ id: z.string().regex(/^\d+$/, 'must be a HubSpot record id'), properties })
    .transform(({ id, properties: p }) => ({ id, properties: p, score: p[chosen.score], mqlAt: p[chosen.mqlDate] })) as unknown as z.ZodType<Contact>;
}

/** lifecyclestage's internal values; evangelist is a customer who promotes, other is anyone else. */
const STAGES: Record<string, Stage> = {
  subscriber: 'subscriber',
  lead: 'lead',
  marketingqualifiedlead: 'mql',
  salesqualifiedlead: 'sql',
  opportunity: 'opportunity',
  customer: 'customer',
  evangelist: 'customer',
  other: 'lead',
};
/** The lifecycle values a LeadLens stage stands for, for a search filter. */
export function lifecycleValuesOf(stages: readonly Stage[]): string[] {
  return Object.entries(STAGES).filter(([value, stage]) => stages.includes(stage) && value !== 'other').map(([value]) => value);
}
/** hs_lead_status's default options, as the handoff's progress. */
const STATUSES: Record<string, HandoffStatus> = {
  NEW: 'pending',
  OPEN: 'accepted',
  IN_PROGRESS: 'accepted',
  ATTEMPTED_TO_CONTACT: 'contacted',
  CONNECTED: 'contacted',
  OPEN_DEAL: 'contacted',
  UNQUALIFIED: 'rejected',
  BAD_TIMING: 'rejected',
};

/** What the account tells about itself: owner ids to owner emails, and where a contact's record opens. */
export interface Portal {
  owners: Map<string, string>;
  recordUrl: (contactId: string) => string;
}

/** Everything the mapping needs besides the contact: the portal, whose handoffs under which SLA, how to grade. */
export interface MappingContext extends Portal {
  repEmail: string;
  /** contactSchema of the portal's chosen properties. */
  schema: z.ZodType<Contact>;
  policy: SlaPolicy;
  clock: BusinessClock;
  /** HubSpot's score is engagement only: LeadLens grades the contact itself, on the settings' grading. */
  grading?: Grading;
}

export type ContactRecords = { lead: Lead; touches: Touch[]; handoff?: Handoff };

/** Parses each contact on its own; what fails goes to `rejected` with a reason naming the field. */
export function mapContacts(raws: unknown[], context: MappingContext, rejected: RejectedRecord[]): ContactRecords[] {
  const kept: ContactRecords[] = [];
  for (const raw of raws) {
    const contact = parse(context.schema, 'HubSpot contact', raw);
    if (!contact.ok) {
      rejected.push({ kind: 'lead', reason: contact.error.message, raw });
      continue;
    }
    const records = toRecords(contact.value, context);
    const lead = parse(Lead, 'Lead', records.lead); // what the mapping made must hold too
    if (lead.ok) kept.push({ ...records, lead: lead.value });
    else rejected.push({ kind: 'lead', reason: lead.error.message, raw });
  }
  return kept;
}

/** The contact a handoff's id names; undefined when the handoff did not come from HubSpot. */
export function contactIdOfHandoff(handoffId: string): string | undefined {
  return /^hubspot:(\d+):\d+$/.exec(handoffId)?.[1];
}

function toRecords(contact: Contact, context: MappingContext): ContactRecords {
  const { id, properties: p, mqlAt } = contact;
  const name = [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email;
  const scoreRaw = contact.score ?? 0;
  const score = Math.round(Math.min(100, Math.max(0, scoreRaw)));
  const companySize = employees(p.numemployees);
  const graded = gradeFor({ companySize, industry: p.industry, title: p.jobtitle }, score, context.grading);
  const ownerEmail = p.hubspot_owner_id ? context.owners.get(p.hubspot_owner_id) : undefined;
  const lead: Lead = {
    email: p.email,
    name,
    company: p.company ?? '',
    title: p.jobtitle ?? '',
    ...(p.industry && { industry: p.industry }),
    ...(companySize !== undefined && { companySize }),
    stage: stageOf(p.lifecyclestage, p.hs_lead_status),
    score,
    scoreRaw,
    scoreFactors: [], // HubSpot's API gives the score, not the rules that made it
    ...graded,
    ...(mqlAt !== undefined && { qualifiedAt: mqlAt, qualifiedBy: p.recent_conversion_event_name ?? 'HubSpot: lifecycle stage became MQL' }),
    ...(ownerEmail && { ownerEmail }),
    crmUrl: context.recordUrl(id),
    crmRecords: crmRecordsOf(id, p),
    // The primary associated company: the contact's account (account.ts), named by its company property.
    ...(p.associatedcompanyid && { accountId: p.associatedcompanyid }),
    updatedAt: p.lastmodifieddate,
  };
  const handoff = mqlAt !== undefined && ownerEmail === context.repEmail ? handoffOf(id, lead, mqlAt, p.hs_lead_status, context) : undefined;
  return { lead, touches: touchesOf(contact), ...(handoff && { handoff }) };
}

function handoffOf(contactId: string, lead: Lead, handedOffAt: number, leadStatus: string | undefined, context: MappingContext): Handoff {
  // As the demo does: the rule that applied when marketing handed the lead over, as an MQL.
  const rule = matchRule(context.policy, { stage: 'mql', score: lead.score, grade: lead.grade, source: HUBSPOT_SOURCE_ID });
  const status = STATUSES[leadStatus ?? 'NEW'] ?? 'pending';
  // HubSpot keeps no time of the status change in these properties: the last modification bounds it.
  const at = lead.updatedAt;
  return {
    id: `hubspot:${contactId}:${handedOffAt}`, // read back by contactIdOfHandoff
    email: lead.email,
    assigneeEmail: context.repEmail,
    handedOffAt,
    rule: rule.name,
    source: HUBSPOT_SOURCE_ID,
    status,
    ...dueTimes(context.clock, rule, handedOffAt),
    ...(status === 'accepted' && { acceptedAt: at }),
    ...((status === 'contacted' || status === 'rejected') && { respondedAt: at }),
    updatedAt: at,
  };
}

/** HubSpot has no recycled or disqualified stage; the lead status says so instead. */
function stageOf(lifecycle: string | undefined, leadStatus: string | undefined): Stage {
  if (leadStatus === 'UNQUALIFIED') return 'disqualified';
  if (leadStatus === 'BAD_TIMING') return 'recycled';
  return STAGES[lifecycle ?? 'lead'] ?? 'lead'; // a custom stage's internal id reads as lead
}

function touchesOf({ id, properties: p }: Contact): Touch[] {
  const email = p.email;
  const titles = {
    hs_email_last_open_date: `Opened email: ${p.hs_email_last_email_name ?? 'a marketing email'}`,
    hs_email_last_click_date: `Clicked in email: ${p.hs_email_last_email_name ?? 'a marketing email'}`,
    hs_analytics_last_visit_timestamp: 'Visited the website',
    recent_conversion_date: p.recent_conversion_event_name ?? 'Filled in a form',
    first_conversion_date: p.first_conversion_event_name ?? 'Filled in a form',
  };
  const url = WebUrl.safeParse(p.hs_analytics_last_url);
  const touches = ACTIVITY.flatMap(([property, type]): Touch[] => {
    const at = p[property];
    if (at === undefined) return [];
    const link = type === 'page_view' && url.success ? { url: url.data } : {};
    return [{ id: `hubspot:${id}:${property}:${at}`, email, type, at, title: titles[property], ...link }];
  });
  // A contact that converted once has the same first and recent conversion: one touch, not two.
  const same = p.first_conversion_date === p.recent_conversion_date;
  return same ? touches.filter((touch) => !touch.id.includes(':first_conversion_date:')) : touches;
}

/** numemployees is a number or one of HubSpot's bands ("25-50", "1000+"): a band counts as its lower end. */
function employees(text: string | undefined): number | undefined {
  const lower = text && /^(\d+)(?:\s*[-+].*)?$/.exec(text.replace(/,/g, ''));
  return lower ? Number(lower[1]) : undefined;
}

// Written against HubSpot's documentation of the contact properties it reads:
// - Default contact properties (lifecyclestage, hs_lead_status, hubspot_owner_id, associatedcompanyid
//   "Primary Associated Company ID", numemployees, the
//   "Became a ... date", last email, last visit and conversion properties):
//   https://knowledge.hubspot.com/properties/hubspots-default-contact-properties
// - Property types (date vs datetime, enumeration internal values): https://developers.hubspot.com/docs/api/crm/properties
//   and https://developers.hubspot.com/docs/faq/how-should-timestamps-be-formatted-for-hubspots-apis
// - Custom lifecycle stages (2022-09-30; a custom stage's value is an internal id):
//   https://developers.hubspot.com/changelog/upcoming-customized-lifecycle-stages-for-contacts-and-companies
