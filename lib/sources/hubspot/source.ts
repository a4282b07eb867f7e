// HubSpot through its CRM v3 API: the rep's scope of the portal read by contact search with a cursor
// (scope.ts), lookup by email, delivery of the rep's writes (deliver.ts) and Test connection
// (check.ts). The HTTP client (token, errors, rate limits) is in client.ts; what a contact means to
// LeadLens (lead, touches, handoff) is in map.ts.
import { z } from 'zod';
import { Email } from '../../domain/model';
import type { OutboxItem } from '../../domain/model';
import type { BusinessCalendar, Grading, SlaPolicy } from '../../domain/settings-schema';
import { createBusinessClock } from '../../time/sla';
import { BRIEF_WAITS, SYNC_WAITS, type WaitPolicy } from '../rate-waits';
import { checkHubSpot, listContactProperties, type PropertyChoice } from './check';
import { createHubSpotClient, type HubSpotCall, type HubSpotClientOptions } from './client';
import { batchReadContacts, deliverItem } from './deliver';
import { contactSchema, DEFAULT_PROPERTIES, HUBSPOT_SOURCE_ID, mapContacts, propertiesToRead, type ContactRecords, type HubSpotProperties, type Portal } from './map';
import { cursorAfter, filterGroups, MAX_SEARCH_PAGE, readCursor, syncScope, unseenSince, type Cursor } from './scope';
import { contactsForRecords, knownPropertiesOnce } from './records';
import type { CrmRecordRef } from '../../domain/crm-record';
import type { ChangesPage, ConnectionCheck, LeadSource, LookupResult, RejectedRecord } from '../source';

export { HUBSPOT_SOURCE_ID, DEFAULT_PROPERTIES, type HubSpotProperties, type PropertyChoice };
export { SCOPES } from './client';
export { MAX_SEARCH_PAGE };
/** Documented maximum: 100 inputs per batch read. */
export const MAX_BATCH_READ = 100;

const Paging = z.object({ next: z.object({ after: z.string().min(1) }).optional() }).optional();
const OwnersBody = z.object({ results: z.array(z.object({ id: z.string(), email: z.string().nullish() })), paging: Paging });
const SCOPE_START: Cursor = { v: 2, phase: 'scope', since: 0, seen: [] };
const AccountBody = z.object({ portalId: z.number().int(), uiDomain: z.string().regex(/^[a-z0-9.-]+$/i) });

export interface HubSpotSourceOptions extends HubSpotClientOptions {
  repEmail: string;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  /** The settings' grading; the built-in one when left out. */
  grading?: Grading;
  /** Where the portal keeps the score and the MQL date; today's properties for any left out. */
  properties?: Partial<HubSpotProperties>;
  /** Contacts with marketing activity in this many days are kept locally; 30 when left out. */
  recentDays?: number;
  /** 'rep' (the default): the rep's scope of the portal; 'portal': every contact, as before scopes. */
  scope?: 'rep' | 'portal';
  /** How much of a sync run may go on waiting out rate limits; SYNC_WAITS unless given. */
  waits?: WaitPolicy;
  now?: () => number;
}

export interface HubSpotSource extends LeadSource {
  lookup(emails: string[]): Promise<LookupResult>;
  lookupRecords(records: CrmRecordRef[]): Promise<LookupResult>;
  deliver(item: OutboxItem): Promise<'delivered'>;
  check(): Promise<ConnectionCheck>;
  /** The contact properties the options page offers for the score (numbers) and the MQL date (dates). */
  listProperties(): Promise<{ numbers: PropertyChoice[]; dates: PropertyChoice[] }>;
}

// One closure scope shares the client, the portal's cache and the properties to read; the mapping and
// paging it calls live in their own modules, and each method composes them.
export function createHubSpotSource(options: HubSpotSourceOptions): HubSpotSource {
  const client = createHubSpotClient(options);
  const { policy, grading, now = Date.now } = options;
  // Settings hand on the names they have, undefined for the others.
  const properties: HubSpotProperties = { score: options.properties?.score ?? DEFAULT_PROPERTIES.score, mqlDate: options.properties?.mqlDate ?? DEFAULT_PROPERTIES.mqlDate };
  const toRead = propertiesToRead(properties);
  const schema = contactSchema(properties);
  const repEmail = options.repEmail.trim().toLowerCase();
  const clock = createBusinessClock(options.calendar);
  const portalInfo = portalCache();
  const knownProperties = knownPropertiesOnce(() => client.waiting(BRIEF_WAITS));

  async function recordsOf(raws: unknown[], portal: Portal, rejected: RejectedRecord[]): Promise<ContactRecords[]> {
    return raws.length === 0 ? [] : mapContacts(raws, { ...portal, repEmail, schema, policy, clock, grading }, rejected);
  }

  return {
    id: HUBSPOT_SOURCE_ID,

    async changes(cursorText, limit): Promise<ChangesPage> {
      const call = client.waiting(options.waits ?? SYNC_WAITS);
      const portal = await portalInfo(call);
      const whole = options.scope === 'portal';
      const ownerId = whole ? undefined : [...portal.owners].find(([, email]) => email === repEmail)?.[0];
      const scope = whole ? 'portal' : syncScope(ownerId, policy, now(), options.recentDays);
      const size = Math.max(1, Math.min(limit, MAX_SEARCH_PAGE));
      const read = (at: Cursor) => unseenSince(call, { groups: filterGroups(scope, at.phase, at.since), properties: toRead }, at, size);
      let cursor = readCursor(cursorText, ownerId);
      let { taken, hasMore } = await read(cursor);
      if (cursor.phase === 'own' && taken.length === 0 && !hasMore) {
        cursor = SCOPE_START; // nothing (more) of the rep's own: on to the whole scope in this same call
        ({ taken, hasMore } = await read(cursor));
      }
      // The rep's own contacts done, the whole scope follows, from the start.
      const ownDone = cursor.phase === 'own' && !hasMore;
      const next = ownDone ? SCOPE_START : cursorAfter(cursor, taken);
      const rejected: RejectedRecord[] = [];
      const records = await recordsOf(taken, portal, rejected);
      return {
        leads: records.map((record) => record.lead),
        touches: records.flatMap((record) => record.touches),
        handoffs: records.flatMap((record) => (record.handoff ? [record.handoff] : [])),
        deleted: [], // archived contacts drop out of search; HubSpot's search cannot list them
        rejected,
        nextCursor: JSON.stringify(next),
        hasMore: hasMore || ownDone,
      };
    },

    async lookup(emails) {
      const call = client.waiting(BRIEF_WAITS);
      const unique = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
      const result: LookupResult = { leads: [], rejected: [] };
      for (let from = 0; from < unique.length; from += MAX_BATCH_READ) {
        const body = await batchReadContacts(call, unique.slice(from, from + MAX_BATCH_READ), toRead); // 207 lists the addresses not found
        if (body.results.length === 0) continue;
        result.leads.push(...(await recordsOf(body.results, await portalInfo(call), result.rejected)).map((record) => record.lead));
      }
      return result;
    },

    async lookupRecords(refs) {
      const call = client.waiting(BRIEF_WAITS);
      const raws = await contactsForRecords(call, refs, toRead, knownProperties);
      const unique = [...new Map(raws.map((raw) => [String((raw as { id?: unknown }).id), raw])).values()]; // a contact found by two of its records
      const result: LookupResult = { leads: [], rejected: [] };
      if (unique.length > 0) result.leads = (await recordsOf(unique, await portalInfo(call), result.rejected)).map((record) => record.lead);
      return result;
    },

    deliver: (item) => deliverItem(client.call, item, toRead),
    check: () => checkHubSpot({ call: client.waiting(BRIEF_WAITS), token: client.token, properties }),
    listProperties: () => listContactProperties(client.waiting(BRIEF_WAITS)),
  };
}

/** Owners (id -> email) and the record URL, fetched once per source; a failure is retried next time. */
function portalCache(): (call: HubSpotCall) => Promise<Portal> {
  let portal: Promise<Portal> | undefined;
  return (call) => {
    portal ??= fetchPortal(call).catch((error: unknown) => {
      portal = undefined;
      throw error;
    });
    return portal;
  };
}

async function fetchPortal(call: HubSpotCall): Promise<Portal> {
  const owners = new Map<string, string>();
  let after: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
    const page = await call('GET', `/crm/v3/owners?${query}`, OwnersBody);
    for (const owner of page.results) {
      const email = Email.safeParse(owner.email);
      if (email.success) owners.set(owner.id, email.data);
    }
    after = page.paging?.next?.after;
  } while (after);
  const { uiDomain, portalId } = await call('GET', '/account-info/v3/details', AccountBody);
  return { owners, recordUrl: (id: string) => `https://${uiDomain}/contacts/${portalId}/record/0-1/${id}` };
}

// Written against HubSpot's developer documentation:
// - Private app authentication, errors and rate limits: cited in client.ts, which handles them.
// - CRM search and the sync scope: cited in scope.ts; notes and their idempotency: in deliver.ts; Test
//   connection and the properties API: in check.ts.
// - Contacts, batch read by idProperty=email (100 inputs, 207 with errors for the missing):
//   https://developers.hubspot.com/docs/api/crm/contacts,
//   https://developers.hubspot.com/docs/api-reference/latest/crm/objects/objects/batch/get-objects
// - Owners, GET /crm/v3/owners (id vs userId; crm.objects.owners.read): https://developers.hubspot.com/docs/api/crm/owners
// - Account details, GET /account-info/v3/details (portalId, uiDomain):
//   https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
