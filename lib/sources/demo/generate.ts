// The demo's data: a believable book of leads, deterministic from a seed and laid out relative to
// "now", so that a fresh install shows overdue, due-soon and on-track handoffs straight away. The leads
// and their touches are made in leads.ts, the handoffs in handoffs.ts; this ties them together.
import type { Handoff, Instant, Lead, Touch } from '../../domain/model';
import type { BusinessCalendar, Grading, SlaPolicy } from '../../domain/settings-schema';
import { createBusinessClock } from '../../time/sla';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../domain/default-settings';
import { demoAccountLeads } from './accounts';
import { addCrmRecords } from './crm-records';
import { demoHandoffs } from './handoffs';
import { demoLead } from './leads';
import { DAY, lag, streamsFor, type Streams } from './random';

/** The book's leads; the small accounts and free-mail leads (accounts.ts) come after them. */
export const LEAD_COUNT = 320;

export interface DemoOptions {
  seed: number;
  now: Instant;
  repEmail: string;
  calendar?: BusinessCalendar;
  policy?: SlaPolicy;
  /** The settings' grading; the built-in one when left out. */
  grading?: Grading;
}

export interface DemoData {
  leads: Lead[];
  touches: Touch[];
  handoffs: Handoff[];
}

export function generateDemo(options: DemoOptions): DemoData {
  const { seed, now, calendar = DEFAULT_CALENDAR, policy = DEFAULT_SLA_POLICY } = options;
  const streams = streamsFor(seed, now);
  const emails = new Set<string>();
  const leads: Lead[] = [];
  const touches: Touch[] = [];
  const demoRequests = new Map<string, Touch>();
  for (let n = 0; n < LEAD_COUNT; n++) {
    const made = demoLead(n, streams, emails, options.grading);
    leads.push(made.lead);
    touches.push(...made.touches);
    if (made.demoRequest) demoRequests.set(made.lead.email, made.demoRequest);
  }
  const clock = createBusinessClock(calendar);
  const repEmail = options.repEmail.trim().toLowerCase();
  const handoffs = demoHandoffs(leads, { ...streams, repEmail, policy, clock });
  addCrmRecords(leads, seed);
  // After the book and its handoffs, from their own stream: the book stays as it was for each seed.
  const accounts = demoAccountLeads(seed, now, LEAD_COUNT, emails, options.grading);
  leads.push(...accounts.leads);
  touches.push(...accounts.touches);
  settle(leads, touches, handoffs, demoRequests, streams);
  return { leads, touches, handoffs };
}

/** Ties leads to their handoffs: owner, qualified just before the handoff, and the last change. */
function settle(leads: Lead[], touches: Touch[], handoffs: Handoff[], demoRequests: Map<string, Touch>, { now, detail }: Streams) {
  const byEmail = new Map(leads.map((lead) => [lead.email, lead]));
  for (const handoff of handoffs) {
    const lead = byEmail.get(handoff.email)!;
    lead.ownerEmail = handoff.assigneeEmail;
    lead.qualifiedAt = handoff.handedOffAt - lag(detail);
    const demoRequest = demoRequests.get(lead.email);
    if (demoRequest) demoRequest.at = lead.qualifiedAt - lag(detail);
  }
  const latest = new Map<string, Instant>();
  for (const touch of touches) latest.set(touch.email, Math.max(latest.get(touch.email) ?? 0, touch.at));
  for (const handoff of handoffs) latest.set(handoff.email, Math.max(latest.get(handoff.email) ?? 0, handoff.updatedAt));
  for (const lead of leads) {
    const last = Math.max(latest.get(lead.email) ?? 0, lead.qualifiedAt ?? 0);
    lead.updatedAt = last > 0 ? last : now - (1 + Math.floor(detail() * 90)) * DAY;
  }
}
