// HubSpot through its CRM v3 API and a private app's access token (Bearer): the HTTP client and its
// errors, the sync cursor over contact search, lookup by email and delivery of the rep's writes as notes
// and lead statuses. What a contact means to LeadLens (lead, touches, handoff) is in hubspot-map.ts.
import { z } from 'zod';
import { Email, Instant, parse } from '../model';
import type { BusinessCalendar, OutboxItem, SlaPolicy } from '../model';
import { createBusinessClock } from '../sla';
import { contactIdOfHandoff, HUBSPOT_SOURCE_ID, mapContacts, PROPERTIES, toInstant, type ContactRecords, type Portal } from './hubspot-map';
import { parseRetryAfter } from './http';
import { DEFAULT_BASE_URLS, fetchText, SourceError, type ChangesPage, type LeadSource, type LookupResult, type RejectedRecord } from './source';

export { HUBSPOT_SOURCE_ID };
/** Documented maxima: 200 records per search page, 100 inputs per batch read. */
export const MAX_SEARCH_PAGE = 200;
export const MAX_BATCH_READ = 100;
export const SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read'];

// Envelopes are checked whole, the contacts inside them one by one.
const Paging = z.object({ next: z.object({ after: z.string().min(1) }).optional() }).optional();
const SearchBody = z.object({ total: z.number(), results: z.array(z.unknown()), paging: Paging });
const BatchBody = z.object({ status: z.string(), results: z.array(z.unknown()) });
const OwnersBody = z.object({ results: z.array(z.object({ id: z.string(), email: z.string().nullish() })), paging: Paging });
const AccountBody = z.object({ portalId: z.number().int(), uiDomain: z.string().regex(/^[a-z0-9.-]+$/i) });
const NotesBody = z.object({ results: z.array(z.object({ properties: z.object({ hs_note_body: z.string().nullish() }) })) });
const Written = z.object({ id: z.string() });
const ErrorBody = z.object({ message: z.string().optional(), category: z.string().optional(), policyName: z.string().optional() });
const Cursor = z.object({ since: Instant, seen: z.array(z.string()) });

/** Without Retry-After, wait out the window the 429's policyName names. */
const POLICY_WAIT_MS: Record<string, number> = { SECONDLY: 1000, TEN_SECONDLY_ROLLING: 10_000, DAILY: 3_600_000 };

export interface HubSpotSourceOptions {
  token: string;
  /** https://api.hubapi.com unless a test points it at a fake. */
  baseUrl?: string;
  repEmail: string;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface HubSpotSource extends LeadSource {
  lookup(emails: string[]): Promise<LookupResult>;
  deliver(item: OutboxItem): Promise<'delivered'>;
}

export function createHubSpotSource(options: HubSpotSourceOptions): HubSpotSource {
  const { token, policy, fetch: send = globalThis.fetch, timeoutMs = 15_000 } = options;
  const base = (options.baseUrl ?? DEFAULT_BASE_URLS.hubspot!).replace(/\/+$/, '');
  const repEmail = options.repEmail.trim().toLowerCase();
  const clock = createBusinessClock(options.calendar);
  let portal: Promise<Portal> | undefined;

  async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
    const { response, text } = await fetchText(send, `${base}${path}`, init, timeoutMs, 'HubSpot');
    if (!response.ok) throw errorFor(response.status, response.headers.get('retry-after'), text);
    const endpoint = `${method} ${path.split('?')[0]}`;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SourceError(`HubSpot answered ${endpoint} with something that is not JSON.`, 'bad_response');
    }
    const parsed = parse(schema, `Answer to ${endpoint}`, json);
    if (!parsed.ok) throw new SourceError(`HubSpot's answer was not as documented: ${parsed.error.message}`, 'bad_response');
    return parsed.value;
  }

  /** Owners (id -> email) and the record URL, fetched once per source; a failure is retried next time. */
  function portalInfo(): Promise<Portal> {
    portal ??= (async () => {
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
    })().catch((error: unknown) => {
      portal = undefined;
      throw error;
    });
    return portal;
  }

  /** Maps a page of raw contacts, asking for the portal only when there is a contact to map. */
  async function recordsOf(raws: unknown[], rejected: RejectedRecord[]): Promise<ContactRecords[]> {
    if (raws.length === 0) return [];
    return mapContacts(raws, { ...(await portalInfo()), repEmail, policy, clock }, rejected);
  }

  const search = (since: number, limit: number, after?: string) =>
    call('POST', '/crm/v3/objects/contacts/search', SearchBody, {
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(since) }] }],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: PROPERTIES,
      limit,
      ...(after && { after }),
    });

  const batchRead = (emails: string[]) =>
    call('POST', '/crm/v3/objects/contacts/batch/read', BatchBody, { idProperty: 'email', inputs: emails.map((id) => ({ id })), properties: PROPERTIES });

  async function contactIdFor(payload: OutboxItem['payload']): Promise<string> {
    if (payload.handoffId) {
      const contactId = contactIdOfHandoff(payload.handoffId);
      if (!contactId) throw new SourceError(`Handoff ${payload.handoffId} did not come from HubSpot.`, 'rejected');
      return contactId;
    }
    const email = payload.kind === 'feedback' ? payload.email : '';
    const id = (await batchRead([email])).results.map(idOf).find(Boolean);
    if (!id) throw new SourceError(`HubSpot has no contact with the address ${email}.`, 'rejected');
    return id;
  }

  /**
   * HubSpot takes no idempotency key: the key is written into the note and searched for first. Search
   * indexes a new note after a few seconds, so a retry inside that window can still write a second one.
   */
  async function noteOnce(contactId: string, item: OutboxItem, lines: string[]) {
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

  return {
    id: HUBSPOT_SOURCE_ID,

    async changes(cursor, limit): Promise<ChangesPage> {
      const { since, seen } = readCursor(cursor);
      const size = Math.max(1, Math.min(limit, MAX_SEARCH_PAGE));
      const skip = new Set(seen);
      // Every page is a new search from `since`, so the 10,000-result cap is never reached; `after` only
      // steps past contacts already delivered at exactly `since`, within this one call (more than 10,000
      // of those in one millisecond would still hit it). A contact the search index takes longer to show
      // than the sync interval, with an older lastmodifieddate than `since`, waits for its next change.
      let taken: unknown[] = [];
      let hasMore = false;
      for (let after: string | undefined; ; ) {
        const page = await search(since, Math.min(MAX_SEARCH_PAGE, size + skip.size), after);
        const unseen = page.results.filter((raw) => !skip.has(idOf(raw)));
        taken = unseen.slice(0, size);
        after = page.paging?.next?.after;
        hasMore = unseen.length > size || after !== undefined;
        if (taken.length > 0 || !after) break;
      }
      let position = since;
      let atPosition = [...seen];
      for (const raw of taken) {
        const at = Math.max(position, modifiedAt(raw) ?? position);
        if (at > position) [position, atPosition] = [at, []];
        atPosition.push(idOf(raw));
      }
      const rejected: RejectedRecord[] = [];
      const records = await recordsOf(taken, rejected);
      return {
        leads: records.map((record) => record.lead),
        touches: records.flatMap((record) => record.touches),
        handoffs: records.flatMap((record) => (record.handoff ? [record.handoff] : [])),
        deleted: [], // archived contacts drop out of search; HubSpot's search cannot list them
        rejected,
        nextCursor: JSON.stringify({ since: position, seen: atPosition }),
        hasMore,
      };
    },

    async lookup(emails) {
      const unique = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
      const result: LookupResult = { leads: [], rejected: [] };
      for (let from = 0; from < unique.length; from += MAX_BATCH_READ) {
        const body = await batchRead(unique.slice(from, from + MAX_BATCH_READ)); // 207 lists the addresses not found
        result.leads.push(...(await recordsOf(body.results, result.rejected)).map((record) => record.lead));
      }
      return result;
    },

    async deliver(item) {
      const { payload } = item;
      const contactId = await contactIdFor(payload);
      const note = payload.note ? [`Note: ${payload.note}`] : [];
      let leadStatus: string | undefined;
      if (payload.kind === 'feedback') {
        await noteOnce(contactId, item, [`LeadLens feedback: ${payload.verdict.replace(/_/g, ' ')} (reason: ${payload.reasonCode})`, ...note]);
        // A good lead says nothing about how far sales got, so it leaves the lead status alone.
        leadStatus = { good_lead: undefined, not_a_fit: 'UNQUALIFIED', wrong_contact: 'UNQUALIFIED', bad_timing: 'BAD_TIMING' }[payload.verdict];
      } else if (payload.action === 'reject') {
        await noteOnce(contactId, item, [`LeadLens: handoff rejected (reason: ${payload.reasonCode ?? 'none given'})`, ...note]);
        leadStatus = payload.reasonCode === 'bad_timing' ? 'BAD_TIMING' : 'UNQUALIFIED';
      } else {
        leadStatus = payload.action === 'accept' ? 'IN_PROGRESS' : 'ATTEMPTED_TO_CONTACT';
      }
      // Setting a property to a value is idempotent: sending it again changes nothing.
      if (leadStatus) await call('PATCH', `/crm/v3/objects/contacts/${contactId}`, Written, { properties: { hs_lead_status: leadStatus } });
      return 'delivered';
    },
  };
}

function readCursor(cursor: string | null): z.infer<typeof Cursor> {
  if (cursor === null) return { since: 0, seen: [] };
  try {
    return Cursor.parse(JSON.parse(cursor));
  } catch {
    return { since: 0, seen: [] }; // a cursor not of ours: syncing again from the start loses nothing
  }
}

const idOf = (raw: unknown): string => String((raw as { id?: unknown } | null)?.id ?? '');
const modifiedAt = (raw: unknown) => {
  const text = (raw as { properties?: { lastmodifieddate?: unknown } } | null)?.properties?.lastmodifieddate;
  return typeof text === 'string' ? toInstant(text) : undefined;
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function errorFor(status: number, retryAfter: string | null, text: string): SourceError {
  let body: z.infer<typeof ErrorBody> = {};
  try {
    body = ErrorBody.parse(JSON.parse(text));
  } catch {
    // Not HubSpot's error shape (a proxy's page, say): the status says enough.
  }
  const said = `${status}${body.category ? ` ${body.category}` : ''}${body.message ? `: ${body.message}` : ''}`;
  if (status === 401) {
    return new SourceError(`HubSpot refused the private app access token (${said}). Check the HubSpot token in LeadLens options.`, 'auth');
  }
  if (status === 403) {
    const scopes = SCOPES.join(', ');
    return new SourceError(`HubSpot's private app token lacks a permission (${said}). Give the private app the scopes ${scopes}, then save its token in LeadLens options.`, 'auth');
  }
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (status === 429) {
    const wait = retryAfterMs ?? POLICY_WAIT_MS[body.policyName ?? ''] ?? POLICY_WAIT_MS.SECONDLY;
    const policy = body.policyName ? ` ${body.policyName}` : '';
    return new SourceError(`HubSpot asked LeadLens to slow down (429${policy}${body.message ? `: ${body.message}` : ''}).`, 'rate_limited', wait);
  }
  if (status >= 500 || status === 408) return new SourceError(`HubSpot is unavailable for now (${said}).`, 'unavailable', retryAfterMs);
  return new SourceError(`HubSpot refused the request (${said}).`, 'rejected');
}

// Written against HubSpot's developer documentation:
// - Authentication, private apps (Bearer access token): https://developers.hubspot.com/docs/api/private-apps
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
// - Errors { status, message, correlationId, category, errors }, 401/403/429:
//   https://developers.hubspot.com/docs/api-reference/error-handling
// - Limits (burst per 10 s, daily; 429 with policyName, e.g. TEN_SECONDLY_ROLLING, DAILY; Retry-After is not
//   promised): https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
