// HubSpot through its CRM v3 API: the sync cursor over contact search, lookup by email and delivery of
// the rep's writes as notes and lead statuses. The HTTP client (private app token, errors, rate limits)
// is in client.ts; what a contact means to LeadLens (lead, touches, handoff) is in map.ts.
import { z } from 'zod';
import { Email, Instant } from '../../domain/model';
import type { OutboxItem } from '../../domain/model';
import type { BusinessCalendar, Grading, SlaPolicy } from '../../domain/settings-schema';
import { createBusinessClock } from '../../time/sla';
import { createHubSpotClient, type HubSpotCall, type HubSpotClientOptions } from './client';
import { contactIdOfHandoff, HUBSPOT_SOURCE_ID, mapContacts, PROPERTIES, toInstant, type ContactRecords, type Portal } from './map';
import { SourceError, type ChangesPage, type LeadSource, type LookupResult, type RejectedRecord } from '../source';

export { HUBSPOT_SOURCE_ID };
export { SCOPES } from './client';
/** Documented maxima: 200 records per search page, 100 inputs per batch read. */
export const MAX_SEARCH_PAGE = 200;
export const MAX_BATCH_READ = 100;

// Envelopes are checked whole, the contacts inside them one by one.
const Paging = z.object({ next: z.object({ after: z.string().min(1) }).optional() }).optional();
const SearchBody = z.object({ total: z.number(), results: z.array(z.unknown()), paging: Paging });
const BatchBody = z.object({ status: z.string(), results: z.array(z.unknown()) });
const OwnersBody = z.object({ results: z.array(z.object({ id: z.string(), email: z.string().nullish() })), paging: Paging });
const AccountBody = z.object({ portalId: z.number().int(), uiDomain: z.string().regex(/^[a-z0-9.-]+$/i) });
const NotesBody = z.object({ results: z.array(z.object({ properties: z.object({ hs_note_body: z.string().nullish() }) })) });
const Written = z.object({ id: z.string() });
const Cursor = z.object({ since: Instant, seen: z.array(z.string()) });

export interface HubSpotSourceOptions extends HubSpotClientOptions {
  repEmail: string;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  /** The settings' grading; the built-in one when left out. */
  grading?: Grading;
}

export interface HubSpotSource extends LeadSource {
  lookup(emails: string[]): Promise<LookupResult>;
  deliver(item: OutboxItem): Promise<'delivered'>;
}

export function createHubSpotSource(options: HubSpotSourceOptions): HubSpotSource {
  const { call } = createHubSpotClient(options);
  const { policy, grading } = options;
  const repEmail = options.repEmail.trim().toLowerCase();
  const clock = createBusinessClock(options.calendar);
  const portalInfo = portalCache(call);

  /** Maps a page of raw contacts, asking for the portal only when there is a contact to map. */
  async function recordsOf(raws: unknown[], rejected: RejectedRecord[]): Promise<ContactRecords[]> {
    if (raws.length === 0) return [];
    return mapContacts(raws, { ...(await portalInfo()), repEmail, policy, clock, grading }, rejected);
  }

  return {
    id: HUBSPOT_SOURCE_ID,

    async changes(cursor, limit): Promise<ChangesPage> {
      const { since, seen } = readCursor(cursor);
      const { taken, hasMore } = await unseenSince(call, since, seen, Math.max(1, Math.min(limit, MAX_SEARCH_PAGE)));
      const nextCursor = cursorAfter(since, seen, taken);
      const rejected: RejectedRecord[] = [];
      const records = await recordsOf(taken, rejected);
      return {
        leads: records.map((record) => record.lead),
        touches: records.flatMap((record) => record.touches),
        handoffs: records.flatMap((record) => (record.handoff ? [record.handoff] : [])),
        deleted: [], // archived contacts drop out of search; HubSpot's search cannot list them
        rejected,
        nextCursor,
        hasMore,
      };
    },

    async lookup(emails) {
      const unique = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
      const result: LookupResult = { leads: [], rejected: [] };
      for (let from = 0; from < unique.length; from += MAX_BATCH_READ) {
        const body = await batchRead(call, unique.slice(from, from + MAX_BATCH_READ)); // 207 lists the addresses not found
        result.leads.push(...(await recordsOf(body.results, result.rejected)).map((record) => record.lead));
      }
      return result;
    },

    deliver: (item) => deliverItem(call, item),
  };
}

/** Owners (id -> email) and the record URL, fetched once per source; a failure is retried next time. */
function portalCache(call: HubSpotCall): () => Promise<Portal> {
  let portal: Promise<Portal> | undefined;
  return () => {
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

const searchContacts = (call: HubSpotCall, since: number, limit: number, after?: string) =>
  call('POST', '/crm/v3/objects/contacts/search', SearchBody, {
    filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(since) }] }],
    sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
    properties: PROPERTIES,
    limit,
    ...(after && { after }),
  });

const batchRead = (call: HubSpotCall, emails: string[]) =>
  call('POST', '/crm/v3/objects/contacts/batch/read', BatchBody, { idProperty: 'email', inputs: emails.map((id) => ({ id })), properties: PROPERTIES });

/** Up to `size` raw contacts modified at or after `since`, oldest first, leaving out those in `seen`. */
async function unseenSince(call: HubSpotCall, since: number, seen: string[], size: number): Promise<{ taken: unknown[]; hasMore: boolean }> {
  const skip = new Set(seen);
  // Every page is a new search from `since`, so the 10,000-result cap is never reached; `after` only
  // steps past contacts already delivered at exactly `since`, within this one call (more than 10,000
  // of those in one millisecond would still hit it). A contact the search index takes longer to show
  // than the sync interval, with an older lastmodifieddate than `since`, waits for its next change.
  let taken: unknown[] = [];
  let hasMore = false;
  for (let after: string | undefined; ; ) {
    const page = await searchContacts(call, since, Math.min(MAX_SEARCH_PAGE, size + skip.size), after);
    const unseen = page.results.filter((raw) => !skip.has(idOf(raw)));
    taken = unseen.slice(0, size);
    after = page.paging?.next?.after;
    hasMore = unseen.length > size || after !== undefined;
    if (taken.length > 0 || !after) break;
  }
  return { taken, hasMore };
}

/** The cursor past `taken`: the latest lastmodifieddate reached, and the contacts seen at exactly that instant. */
function cursorAfter(since: number, seen: string[], taken: unknown[]): string {
  let position = since;
  let atPosition = [...seen];
  for (const raw of taken) {
    const at = Math.max(position, modifiedAt(raw) ?? position);
    if (at > position) [position, atPosition] = [at, []];
    atPosition.push(idOf(raw));
  }
  return JSON.stringify({ since: position, seen: atPosition });
}

function readCursor(cursor: string | null): z.infer<typeof Cursor> {
  if (cursor === null) return { since: 0, seen: [] };
  try {
    return Cursor.parse(JSON.parse(cursor));
  } catch {
    return { since: 0, seen: [] }; // a cursor not of ours: syncing again from the start loses nothing
  }
}

/** A rep's write as a note on the contact (feedback and rejections) and a lead status. */
async function deliverItem(call: HubSpotCall, item: OutboxItem): Promise<'delivered'> {
  const { payload } = item;
  const contactId = await contactIdFor(call, payload);
  const note = payload.note ? [`Note: ${payload.note}`] : [];
  let leadStatus: string | undefined;
  if (payload.kind === 'feedback') {
    await noteOnce(call, contactId, item, [`LeadLens feedback: ${payload.verdict.replace(/_/g, ' ')} (reason: ${payload.reasonCode})`, ...note]);
    // A good lead says nothing about how far sales got, so it leaves the lead status alone.
    leadStatus = { good_lead: undefined, not_a_fit: 'UNQUALIFIED', wrong_contact: 'UNQUALIFIED', bad_timing: 'BAD_TIMING' }[payload.verdict];
  } else if (payload.action === 'reject') {
    await noteOnce(call, contactId, item, [`LeadLens: handoff rejected (reason: ${payload.reasonCode ?? 'none given'})`, ...note]);
    leadStatus = payload.reasonCode === 'bad_timing' ? 'BAD_TIMING' : 'UNQUALIFIED';
  } else {
    leadStatus = payload.action === 'accept' ? 'IN_PROGRESS' : 'ATTEMPTED_TO_CONTACT';
  }
  // Setting a property to a value is idempotent: sending it again changes nothing.
  if (leadStatus) await call('PATCH', `/crm/v3/objects/contacts/${contactId}`, Written, { properties: { hs_lead_status: leadStatus } });
  return 'delivered';
}

async function contactIdFor(call: HubSpotCall, payload: OutboxItem['payload']): Promise<string> {
  if (payload.handoffId) {
    const contactId = contactIdOfHandoff(payload.handoffId);
    if (!contactId) throw new SourceError(`Handoff ${payload.handoffId} did not come from HubSpot.`, 'rejected');
    return contactId;
  }
  const email = payload.kind === 'feedback' ? payload.email : '';
  const id = (await batchRead(call, [email])).results.map(idOf).find(Boolean);
  if (!id) throw new SourceError(`HubSpot has no contact with the address ${email}.`, 'rejected');
  return id;
}

/**
 * HubSpot takes no idempotency key: the key is written into the note and searched for first. Search
 * indexes a new note after a few seconds, so a retry inside that window can still write a second one.
 */
async function noteOnce(call: HubSpotCall, contactId: string, item: OutboxItem, lines: string[]) {
  const mark = `LeadLens key: ${item.idempotencyKey}`;
  const filters = [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: item.idempotencyKey }];
  const found = await call('POST', '/crm/v3/objects/notes/search', NotesBody, { filterGroups: [{ filters }], properties: ['hs_note_body'], limit: 10 });
  if (found.results.some((note) => note.properties.hs_note_body?.includes(escapeHtml(mark)))) return;
  const body = [...lines, `Clicked: ${new Date(item.createdAt).toISOString()}`, mark].map(escapeHtml).join('<br>');
  const to = { id: contactId };
  const types = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }]; // note to contact
  const properties = { hs_timestamp: new Date(item.createdAt).toISOString(), hs_note_body: body };
  await call('POST', '/crm/v3/objects/notes', Written, { properties, associations: [{ to, types }] });
}

const idOf = (raw: unknown): string => String((raw as { id?: unknown } | null)?.id ?? '');
const modifiedAt = (raw: unknown) => {
  const text = (raw as { properties?: { lastmodifieddate?: unknown } } | null)?.properties?.lastmodifieddate;
  return typeof text === 'string' ? toInstant(text) : undefined;
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Written against HubSpot's developer documentation:
// - Private app authentication, errors and rate limits: cited in client.ts, which handles them.
// - CRM search (filterGroups, GTE/IN/CONTAINS_TOKEN, one sort, limit <= 200, `after` paging, 10,000-result
//   cap with a 400 beyond it, search rate limit, index lag): https://developers.hubspot.com/docs/api/crm/search
//   and changelog "CRM Search API Rate Limit Increase"; "Expanded Filtering Capabilities" (2024-08-26)
// - Contacts, batch read by idProperty=email (100 inputs, 207 with errors for the missing):
//   https://developers.hubspot.com/docs/api/crm/contacts,
//   https://developers.hubspot.com/docs/api-reference/latest/crm/objects/objects/batch/get-objects
// - Owners, GET /crm/v3/owners (id vs userId; crm.objects.owners.read): https://developers.hubspot.com/docs/api/crm/owners
// - Account details, GET /account-info/v3/details (portalId, uiDomain):
//   https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
// - Notes, POST /crm/v3/objects/notes (hs_timestamp required, hs_note_body, HUBSPOT_DEFINED 202 note to contact):
//   https://developers.hubspot.com/docs/api-reference/crm-notes-v3/guide
