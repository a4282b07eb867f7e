// Marketo Engage as a source: delta sync by a date-based paging token over lead activities, lookup in
// the REST lead database, and delivery of the rep's writes as lead field updates and custom activities.
// The REST client (access token, envelope, error codes) is in client.ts; what the records mean
// (schemas, field names, activity types, mapping to leads, touches and handoffs) is in map.ts.
import { z } from 'zod';
import { parse } from '../../domain/model';
import type { Handoff, Lead, OutboxItem, Touch } from '../../domain/model';
import type { BusinessCalendar, Grading, SlaPolicy } from '../../domain/settings-schema';
import { createBusinessClock } from '../../time/sla';
import { createMarketoClient, MarketoApiError, recordResult, type MarketoClientOptions } from './client';
import {
  ACTIVITY_ATTRIBUTES,
  activityAttribute,
  DEFAULT_FIELD_NAMES,
  leadIdOf,
  parseActivities,
  SYNC_ACTIVITY_TYPES,
  toHandoff,
  toLead,
  TOUCH_ACTIVITIES,
  toTouch,
  WireActivity,
  wireLeadSchema,
  type MarketoFieldNames,
} from './map';
import { SourceError, type ChangesPage, type LeadSource, type LookupResult, type RejectedRecord } from '../source';

export { ACTIVITY_ATTRIBUTES, DEFAULT_FIELD_NAMES, SYNC_ACTIVITY_TYPES, type MarketoFieldNames } from './map';
export { MarketoApiError, msUntilQuotaReset, RATE_WINDOW_MS } from './client';

/** Records per lead database call, and filter values per Get Leads by Filter Type. */
export const MAX_BATCH = 300;
const DAY = 86_400_000;
/** A longer query goes as POST with _method=GET: Marketo answers 414 above 8 KB. */
const MAX_QUERY = 7_000;

export interface MarketoSourceOptions extends MarketoClientOptions {
  repEmail: string;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  /** The settings' grading; the built-in one when left out. */
  grading?: Grading;
  fields?: Partial<MarketoFieldNames>;
  /** A custom activity type an admin created: feedback is also recorded as one of these activities. */
  activityTypeId?: number;
  /** How far back the first sync reads activities. */
  lookbackDays?: number;
}

export interface MarketoSource extends LeadSource {
  lookup(emails: string[]): Promise<LookupResult>;
  deliver(item: OutboxItem): Promise<'delivered'>;
}

interface Cursor {
  /** The next paging token, and the latest activity date seen: a refused token restarts there. */
  token: string;
  since: string;
}
const CursorBody = z.object({ v: z.literal(1), token: z.string().min(1), since: z.string().min(1) });

export function createMarketoSource(options: MarketoSourceOptions): MarketoSource {
  const { now, activityTypeId, lookbackDays = 30 } = options;
  const { base, call } = createMarketoClient(options);
  const names: MarketoFieldNames = { ...DEFAULT_FIELD_NAMES, ...options.fields };
  const repEmail = options.repEmail.trim().toLowerCase();
  const clock = createBusinessClock(options.calendar);
  const { schema: WireLead, fields } = wireLeadSchema(names);
  const leadFields = fields.join(',');

  async function pagingToken(since: string): Promise<string> {
    const body = await call('GET', `/rest/v1/activities/pagingtoken.json?${new URLSearchParams({ sinceDatetime: since })}`);
    if (!body.nextPageToken) throw new SourceError('Marketo gave no paging token for /rest/v1/activities/pagingtoken.json.', 'bad_response');
    return body.nextPageToken;
  }

  async function activities(token: string, query: Record<string, string>) {
    const body = await call('GET', `/rest/v1/activities.json?${new URLSearchParams({ nextPageToken: token, ...query })}`);
    if (!body.nextPageToken || body.moreResult === undefined) {
      throw new SourceError("Marketo's answer to /rest/v1/activities.json had no nextPageToken or moreResult.", 'bad_response');
    }
    return { result: body.result, nextPageToken: body.nextPageToken, moreResult: body.moreResult };
  }

  /** Get Leads by Filter Type, every page of it; a query over 8 KB goes as POST with _method=GET. */
  async function leadRecords(filterType: 'id' | 'email', values: (string | number)[]): Promise<unknown[]> {
    const records: unknown[] = [];
    let pageToken: string | undefined;
    do {
      const query = new URLSearchParams({ filterType, filterValues: values.join(','), fields: leadFields, batchSize: String(MAX_BATCH) });
      if (pageToken) query.set('nextPageToken', pageToken);
      const long = String(query).length > MAX_QUERY;
      const body = long ? await call('POST', '/rest/v1/leads.json?_method=GET', { form: query }) : await call('GET', `/rest/v1/leads.json?${query}`);
      records.push(...body.result);
      pageToken = body.moreResult ? body.nextPageToken : undefined;
    } while (pageToken);
    return records;
  }

  /** Leads in batches of MAX_BATCH, one per address (the latest when Marketo holds duplicates). */
  async function fetchLeads(filterType: 'id' | 'email', values: (string | number)[], rejected: RejectedRecord[]) {
    const byEmail = new Map<string, { lead: Lead; handoff: Handoff | null }>();
    const emailById = new Map<number, string>();
    for (let from = 0; from < values.length; from += MAX_BATCH) {
      for (const raw of await leadRecords(filterType, values.slice(from, from + MAX_BATCH))) {
        const parsed = parse(WireLead, 'Lead', raw);
        if (!parsed.ok) {
          rejected.push({ kind: 'lead', reason: parsed.error.message, raw });
          continue;
        }
        const wire = parsed.value;
        emailById.set(wire.id, wire.email);
        const lead = toLead(wire, names, options.grading);
        const known = byEmail.get(lead.email);
        if (!known || known.lead.updatedAt <= lead.updatedAt) byEmail.set(lead.email, { lead, handoff: toHandoff(lead, wire, names, { repEmail, policy: options.policy, clock }) });
      }
    }
    const leads = [...byEmail.values()];
    return { leads: leads.map((entry) => entry.lead), handoffs: leads.flatMap((entry) => (entry.handoff ? [entry.handoff] : [])), emailById };
  }

  async function activitiesPage(cursor: Cursor | null, limit: number) {
    const query = { activityTypeIds: SYNC_ACTIVITY_TYPES.join(','), batchSize: String(Math.max(1, Math.min(limit, MAX_BATCH))) };
    const since = cursor?.since ?? new Date(now() - lookbackDays * DAY).toISOString();
    try {
      return { since, ...(await activities(cursor?.token ?? (await pagingToken(since)), query)) };
    } catch (error) {
      // Marketo does not document how long a paging token lives, nor the code for a stale one.
      // Restart a second before the latest activity seen: one at the same second may not have been read.
      if (!cursor || !(error instanceof MarketoApiError) || !error.refusesPagingToken) throw error;
      const overlap = new Date(Date.parse(since) - 1000).toISOString();
      return { since, ...(await activities(await pagingToken(overlap), query)) };
    }
  }

  /** Whether the custom activity for this write is in Marketo already: it may have landed unanswered. */
  async function activityRecorded(leadId: number, item: OutboxItem): Promise<boolean> {
    let token = await pagingToken(new Date(item.createdAt - 60_000).toISOString());
    for (let page = 0; page < 10; page++) {
      const body = await activities(token, { activityTypeIds: String(activityTypeId), leadIds: String(leadId) });
      const found = body.result.some((raw) => {
        const activity = WireActivity.safeParse(raw);
        return activity.success && activityAttribute(activity.data, ACTIVITY_ATTRIBUTES.idempotencyKey) === item.idempotencyKey;
      });
      if (found) return true;
      if (!body.moreResult) return false;
      token = body.nextPageToken;
    }
    return false;
  }

  return {
    id: `marketo:${new URL(base).origin}`,

    async changes(cursorText, limit): Promise<ChangesPage> {
      const page = await activitiesPage(readCursor(cursorText), limit);
      const rejected: RejectedRecord[] = [];
      const activityList = parseActivities(page.result, rejected);
      const leadIds = [...new Set(activityList.map((activity) => activity.leadId))];
      const { leads, handoffs, emailById } = await fetchLeads('id', leadIds, rejected);
      const touches: Touch[] = [];
      for (const activity of activityList) {
        const type = TOUCH_ACTIVITIES[activity.activityTypeId];
        const email = emailById.get(activity.leadId);
        if (type && email) touches.push(toTouch(activity, type, email));
        else if (type) rejected.push({ kind: 'touch', reason: `Touch: leadId: lead ${activity.leadId} was not found or was rejected`, raw: activity });
      }
      const latest = Math.max(Date.parse(page.since), ...activityList.map((activity) => activity.activityDate));
      return {
        leads,
        touches,
        handoffs,
        deleted: [], // Get Deleted Leads names lead ids only, and a deleted lead's email can no longer be read
        rejected,
        nextCursor: JSON.stringify({ v: 1, token: page.nextPageToken, since: new Date(latest).toISOString() }),
        hasMore: page.moreResult,
      };
    },

    async lookup(emails) {
      const unique = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
      const rejected: RejectedRecord[] = [];
      const { leads } = await fetchLeads('email', unique, rejected);
      return { leads, rejected };
    },

    async deliver(item) {
      const { payload, idempotencyKey } = item;
      const leadId = payload.handoffId === undefined ? undefined : leadIdOf(payload.handoffId);
      if (payload.kind === 'handoff_action' && leadId === undefined) {
        throw new SourceError(`The handoff ${payload.handoffId} did not come from Marketo.`, 'rejected');
      }
      // A field update is idempotent by nature: sent twice, it sets the same values.
      const written = payload.kind === 'feedback' ? { [names.verdict]: payload.verdict } : { [names.action]: payload.action };
      const actedAt = new Date(item.createdAt).toISOString(); // when the rep clicked, not when it got through
      const input: Record<string, string | number> = {
        ...(leadId === undefined ? { email: payload.kind === 'feedback' ? payload.email : '' } : { id: leadId }),
        ...written,
        [names.reason]: payload.reasonCode ?? '',
        [names.note]: payload.note ?? '',
        [names.actedAt]: actedAt,
        [names.idempotencyKey]: idempotencyKey,
      };
      const body = await call('POST', '/rest/v1/leads.json', { json: { action: 'updateOnly', lookupField: leadId === undefined ? 'email' : 'id', input: [input] } });
      const updated = recordResult(body, 'update the lead');
      if (activityTypeId === undefined) return 'delivered';
      // Custom activities are write-once and Marketo takes no idempotency key: look for this key first.
      // A first attempt still in flight when the second looks can land twice; Marketo offers no lock.
      const id = updated.id ?? leadId;
      if (id === undefined) throw new SourceError('Marketo updated the lead but did not say its id.', 'bad_response');
      if (await activityRecorded(id, item)) return 'delivered';
      const attributes = [
        { apiName: ACTIVITY_ATTRIBUTES.reason, value: payload.reasonCode ?? '' },
        { apiName: ACTIVITY_ATTRIBUTES.note, value: payload.note ?? '' },
        { apiName: ACTIVITY_ATTRIBUTES.idempotencyKey, value: idempotencyKey },
      ];
      const activity = { leadId: id, activityDate: actedAt, activityTypeId, primaryAttributeValue: Object.values(written)[0], attributes };
      recordResult(await call('POST', '/rest/v1/activities/external.json', { json: { input: [activity] } }), 'add the LeadLens activity');
      return 'delivered';
    },
  };
}

function readCursor(text: string | null): Cursor | null {
  if (text === null) return null;
  try {
    const parsed = CursorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not ours (another version's cursor): start afresh rather than fail every sync
  }
}

// Written against Adobe's Marketo Engage developer documentation (experienceleague.adobe.com/en/docs/
// marketo-developer/marketo/rest/..., source in github.com/AdobeDocs/marketo-developer.en):
// - Authentication: GET {Identity URL}/oauth/token?grant_type=client_credentials&client_id=&client_secret=
//   -> access_token, token_type, expires_in (remaining life, 3600 s when new), scope; send it as
//   "Authorization: Bearer" (the access_token query parameter is being removed).
// - Error Codes: 6xx/7xx response-level errors come with HTTP 200 and success: false; 601 token
//   invalid, 602 expired, 603 access denied, 604 time-out, 606 rate (100 calls / 20 s), 607 daily quota
//   (resets 12:00AM CST), 608 unavailable, 611 system error, 615 concurrency (10); record-level status
//   "skipped" with reasons (1004 lead not found, 1006 field not found); identity 401 on bad client
//   credentials; 414 above 8 KB of URI (retry as POST with _method=GET).
// - Paging Tokens: date-based tokens from GET /rest/v1/activities/pagingtoken.json?sinceDatetime=.
// - Activities: GET /rest/v1/activities.json?nextPageToken=&activityTypeIds= (at most 10 ids, 300 per
//   page, always a nextPageToken, moreResult); Get Lead Changes; Get Deleted Leads; custom activities by
//   POST /rest/v1/activities/external.json (write-once, leadId, activityDate, activityTypeId,
//   primaryAttributeValue, attributes; result "added" or "skipped" with errors).
// - Leads: GET /rest/v1/leads.json?filterType=&filterValues= (300 values, 300 per page, moreResult and
//   nextPageToken) and POST /rest/v1/leads.json { action: 'updateOnly', lookupField, input }.
// - Standard Fields and activity types: cited in map.ts, which reads them.
// - Marketo Integration Best Practices: API limits (daily quota, 100 calls / 20 s, 10 concurrent,
//   300-record batches).
