// What Marketo's records mean to LeadLens: the schemas of its leads and activities, the custom field
// names an instance may rename, and the mapping of those records to Lead, Touch and Handoff.
// No I/O here: lib/sources/marketo.ts fetches the records and hands them to these functions.
import { z } from 'zod';
import { gradeFor } from '../../domain/grade';
import { Email, HANDOFF_ACTIONS, Instant, parse } from '../../domain/model';
import type { Handoff, HandoffAction, HandoffStatus, Lead, Stage, Touch, TouchType } from '../../domain/model';
import type { Grading, SlaPolicy } from '../../domain/settings-schema';
import { dueTimes, matchRule, type createBusinessClock } from '../../time/sla';
import type { RejectedRecord } from '../source';
import { ACCOUNT_ID_FIELD, CRM_ID_FIELDS, crmRecordsOf } from './records';

/** Lead fields Marketo has no standard for: custom fields, named as each instance's admin made them. */
export interface MarketoFieldNames {
  /** When the lead became an MQL: a custom datetime field ("MQL Date") in most instances. */
  mqlDate: string;
  /** The owner's address: "Lead Owner Email Address", filled by the CRM sync. */
  ownerEmail: string;
  /** What LeadLens writes back: the rep's verdict or handoff action, why, when, and the write's key. */
  verdict: string;
  action: string;
  reason: string;
  note: string;
  actedAt: string;
  idempotencyKey: string;
}

export const DEFAULT_FIELD_NAMES: MarketoFieldNames = {
  mqlDate: 'mqlDate',
  ownerEmail: 'leadOwnerEmailAddress',
  verdict: 'leadLensVerdict',
  action: 'leadLensAction',
  reason: 'leadLensReason',
  note: 'leadLensNote',
  actedAt: 'leadLensActedAt',
  idempotencyKey: 'leadLensKey',
};

/** API names of the custom activity type's secondary attributes; its primary one is the verdict or action. */
export const ACTIVITY_ATTRIBUTES = { reason: 'reasonCode', note: 'note', idempotencyKey: 'idempotencyKey' } as const;

// Standard activity type ids, by the convention of GET /rest/v1/activities/types.json. Marketo's Activities
// page confirms 13 only by example (a Get Lead Changes record with old and new field values); 3 Click Link,
// 12 New Lead and 22 Change Score were not found in its docs: check them against an instance's types.json.
/** Activities that are touches. Click Link is a link on a web page. */
export const TOUCH_ACTIVITIES: Record<number, TouchType> = { 1: 'page_view', 2: 'form_fill', 3: 'page_view', 10: 'email_open', 11: 'email_click' };
/** New Lead, Change Data Value, Change Score: the lead record itself changed. */
const LEAD_CHANGE_ACTIVITIES = [12, 13, 22];
/** What a sync asks for: 8 of the 10 activity types one call may name. */
export const SYNC_ACTIVITY_TYPES = [...Object.keys(TOUCH_ACTIVITIES).map(Number), ...LEAD_CHANGE_ACTIVITIES];

// Marketo writes offsets with or without a colon (+0000); date fields hold a bare date, read as UTC.
const MarketoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2}))?$/, 'must be an ISO-8601 time, e.g. 2026-11-16T09:00:00Z')
  .transform((text) => Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')))
  .pipe(Instant);
/** Marketo sends null or leaves a field out when it is empty; CRM-synced fields may be "". */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());
const Text = optional(z.string());

const Attribute = z.object({ name: z.string().optional(), apiName: z.string().optional(), value: z.unknown() });
export const WireActivity = z.object({
  id: z.number().optional(),
  marketoGUID: z.string().optional(),
  leadId: z.number().int().positive(),
  activityDate: MarketoTime,
  activityTypeId: z.number().int(),
  primaryAttributeValue: z.union([z.string(), z.number()]).nullish(),
  attributes: z.array(Attribute).default([]),
});
export type WireActivity = z.infer<typeof WireActivity>;

const StandardLead = z.object({
  id: z.number().int().positive(),
  email: Email,
  firstName: Text,
  lastName: Text,
  company: Text,
  title: Text,
  industry: Text,
  numberOfEmployees: optional(z.number().int().nonnegative()),
  leadScore: optional(z.number()),
  leadStatus: Text,
  updatedAt: MarketoTime,
});
/** A lead as parsed: the standard fields, and the custom ones under the names this instance gave them. */
export type WireLead = z.infer<typeof StandardLead> & { [field: string]: unknown };

/** The lead schema for this instance's field names, and the fields to ask Marketo for. */
export function wireLeadSchema(names: MarketoFieldNames) {
  const custom = {
    [names.mqlDate]: optional(MarketoTime),
    [names.ownerEmail]: optional(Email),
    [names.action]: optional(z.enum(HANDOFF_ACTIONS)),
    [names.actedAt]: optional(MarketoTime),
  };
  // The CRM sync's fields are read when the instance has them (records.ts), so they are not in `fields`.
  const crm = Object.fromEntries([...Object.keys(CRM_ID_FIELDS), ACCOUNT_ID_FIELD].map((name) => [name, Text]));
  return { schema: StandardLead.extend({ ...crm, ...custom }) as unknown as z.ZodType<WireLead>, fields: [...Object.keys(StandardLead.shape), ...Object.keys(custom)] };
}

/** The activities that parse; the others go to rejected. */
export function parseActivities(raws: unknown[], rejected: RejectedRecord[]): WireActivity[] {
  return raws.flatMap((raw) => {
    const parsed = parse(WireActivity, 'Touch', raw);
    if (parsed.ok) return [parsed.value];
    rejected.push({ kind: 'touch', reason: parsed.error.message, raw });
    return [];
  });
}

/** An attribute's value: standard activities name their attributes, custom ones give API names. */
export const activityAttribute = (activity: WireActivity, name: string) =>
  activity.attributes.find((item) => item.apiName === name || item.name === name)?.value;

export function toTouch(activity: WireActivity, type: TouchType, email: string): Touch {
  const campaign = activityAttribute(activity, 'Campaign') ?? utmCampaign(activityAttribute(activity, 'Query Parameters'));
  const link = activityAttribute(activity, 'Link');
  return {
    id: `marketo:${activity.marketoGUID ?? activity.id}`,
    email,
    type,
    at: activity.activityDate,
    title: String(activity.primaryAttributeValue ?? ''),
    ...(typeof campaign === 'string' && campaign ? { campaign } : {}),
    ...(typeof link === 'string' && /^https?:\/\//i.test(link) ? { url: link } : {}),
  };
}

function utmCampaign(query: unknown): string | undefined {
  return typeof query === 'string' ? (new URLSearchParams(query).get('utm_campaign') ?? undefined) : undefined;
}

/** Lead Status is a picklist each company words its own way; these are the usual words for each stage. */
const STAGE_WORDS: [RegExp, Stage][] = [
  [/disqualif|unqualif|junk|invalid/, 'disqualified'],
  [/recycl|nurtur/, 'recycled'],
  [/customer|closed won|won/, 'customer'],
  [/opportunit/, 'opportunity'],
  [/\bsql\b|\bsal\b|sales (qualified|accepted)/, 'sql'],
  [/\bmql\b|marketing qualified/, 'mql'],
  [/subscrib/, 'subscriber'],
];

/** Marketo's lead score is engagement only: LeadLens grades the lead itself, on the settings' grading. */
export function toLead(wire: WireLead, names: MarketoFieldNames, grading?: Grading): Lead {
  const scoreRaw = wire.leadScore ?? 0;
  const score = Math.min(100, Math.max(0, Math.round(scoreRaw))); // a Marketo score has no upper bound
  const qualifiedAt = wire[names.mqlDate] as number | undefined;
  const status = wire.leadStatus?.toLowerCase() ?? '';
  const stage = STAGE_WORDS.find(([words]) => words.test(status))?.[1] ?? (qualifiedAt === undefined ? 'lead' : 'mql');
  const firmographics = { companySize: wire.numberOfEmployees, industry: wire.industry, title: wire.title };
  const crmRecords = crmRecordsOf(wire);
  // The Salesforce account id where the sync gives one; else the company field names the lead's
  // company only, and account.ts groups by the email domain.
  const accountId = wire[ACCOUNT_ID_FIELD] as string | undefined;
  return {
    email: wire.email,
    name: [wire.firstName, wire.lastName].filter(Boolean).join(' ') || wire.email,
    company: wire.company ?? '',
    title: wire.title ?? '',
    industry: wire.industry,
    companySize: wire.numberOfEmployees,
    stage,
    score,
    scoreRaw,
    // Marketo keeps only the total; what moved it is in Change Score activities, one lead at a time.
    scoreFactors: [],
    ...gradeFor(firmographics, score, grading),
    qualifiedAt,
    ownerEmail: wire[names.ownerEmail] as string | undefined,
    ...(crmRecords.length > 0 && { crmRecords }),
    ...(accountId?.trim() && { accountId: accountId.trim() }),
    updatedAt: wire.updatedAt,
  };
}

const STATUS_AFTER: Record<HandoffAction, HandoffStatus> = { accept: 'accepted', contacted: 'contacted', reject: 'rejected' };

export interface HandoffContext {
  repEmail: string;
  policy: SlaPolicy;
  clock: ReturnType<typeof createBusinessClock>;
}

/** A handoff is an MQL owned by this rep; its status is the last action LeadLens wrote since then. */
export function toHandoff(lead: Lead, wire: WireLead, names: MarketoFieldNames, { repEmail, policy, clock }: HandoffContext): Handoff | null {
  const handedOffAt = lead.qualifiedAt;
  if (handedOffAt === undefined || lead.ownerEmail !== repEmail) return null;
  const rule = matchRule(policy, { stage: 'mql', score: lead.score, grade: lead.grade, source: 'marketo' });
  const actedAt = wire[names.actedAt] as number | undefined;
  // An action written before this MQL date answered an earlier handoff.
  const action = actedAt !== undefined && actedAt >= handedOffAt ? (wire[names.action] as HandoffAction | undefined) : undefined;
  return {
    id: `marketo:${wire.id}:${handedOffAt}`,
    email: lead.email,
    assigneeEmail: repEmail,
    handedOffAt,
    rule: rule.name,
    source: 'marketo',
    status: action ? STATUS_AFTER[action] : 'pending',
    ...dueTimes(clock, rule, handedOffAt),
    acceptedAt: action === 'accept' ? actedAt : undefined,
    respondedAt: action === 'contacted' || action === 'reject' ? actedAt : undefined,
    updatedAt: Math.max(lead.updatedAt, action ? actedAt! : 0),
  };
}

/** The Marketo lead id inside a handoff id made by toHandoff; undefined for another source's handoff. */
export function leadIdOf(handoffId: string): number | undefined {
  const match = /^marketo:(\d+):\d+$/.exec(handoffId);
  return match ? Number(match[1]) : undefined;
}

// Written against Adobe's Marketo Engage developer documentation (experienceleague.adobe.com/en/docs/
// marketo-developer/marketo/rest/..., source in github.com/AdobeDocs/marketo-developer.en):
// - Standard Fields: email, firstName, lastName, company, title, industry, numberOfEmployees,
//   leadScore, leadStatus, updatedAt. "Lead Owner Email Address" is leadOwnerEmailAddress in the
//   Marketo docs' field examples; there is no standard MQL date field.
// - Activities: Get Activity Types (GET /rest/v1/activities/types.json, ids vary by subscription);
//   activity records (leadId, activityDate, activityTypeId, primaryAttributeValue, attributes by name);
//   the Get Lead Changes example, an activityTypeId 13 record with old and new field values.
