// Marketo Engage as a source: OAuth client credentials, the REST lead database, and delta sync by a
// date-based paging token over lead activities. Marketo answers most errors with HTTP 200 and
// success: false; those codes become SourceErrors of the kind the retry logic needs. What the records
// mean (schemas, field names, activity types, mapping to leads, touches and handoffs) is in marketo-map.ts.
import { z } from 'zod';
import { parse } from '../model';
import type { BusinessCalendar, Handoff, Lead, OutboxItem, SlaPolicy, Touch } from '../model';
import { createBusinessClock } from '../sla';
import { parseRetryAfter } from './http';
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
} from './marketo-map';
import { SourceError, type ChangesPage, type LeadSource, type LookupResult, type RejectedRecord, type SourceErrorKind } from './source';

export { ACTIVITY_ATTRIBUTES, DEFAULT_FIELD_NAMES, SYNC_ACTIVITY_TYPES, type MarketoFieldNames } from './marketo-map';

/** Records per lead database call, and filter values per Get Leads by Filter Type. */
export const MAX_BATCH = 300;
/** Marketo allows 100 calls per 20 s and sends no Retry-After: the window is the wait. */
export const RATE_WINDOW_MS = 20_000;
const DAY = 86_400_000;
/** A token is renewed this long before Marketo says it expires. */
const TOKEN_MARGIN_MS = 60_000;
/** A longer query goes as POST with _method=GET: Marketo answers 414 above 8 KB. */
const MAX_QUERY = 7_000;

export interface MarketoSourceOptions {
  /** The REST endpoint, e.g. https://123-ABC-456.mktorest.com; the identity service is at {baseUrl}/identity. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  repEmail: string;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  now: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
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

const ApiError = z.object({ code: z.union([z.string(), z.number()]).transform(String), message: z.string().default('') });
const Envelope = z.discriminatedUnion('success', [
  z.object({ success: z.literal(true), result: z.array(z.unknown()).default([]), moreResult: z.boolean().optional(), nextPageToken: z.string().optional() }),
  z.object({ success: z.literal(false), errors: z.array(ApiError).min(1) }),
]);
type Success = Extract<z.infer<typeof Envelope>, { success: true }>;
const TokenBody = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().nonnegative() });
const IdentityError = z.object({ error: z.string(), error_description: z.string().optional() });
const RecordResult = z.object({ id: z.number().optional(), status: z.string(), reasons: z.array(ApiError).optional(), errors: z.array(ApiError).optional() });

interface Cursor {
  /** The next paging token, and the latest activity date seen: a refused token restarts there. */
  token: string;
  since: string;
}
const CursorBody = z.object({ v: z.literal(1), token: z.string().min(1), since: z.string().min(1) });

export function createMarketoSource(options: MarketoSourceOptions): MarketoSource {
  const { now, fetch: send = globalThis.fetch, timeoutMs = 30_000, activityTypeId, lookbackDays = 30 } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const names: MarketoFieldNames = { ...DEFAULT_FIELD_NAMES, ...options.fields };
  const repEmail = options.repEmail.trim().toLowerCase();
  const clock = createBusinessClock(options.calendar);
  const { schema: WireLead, fields } = wireLeadSchema(names);
  const leadFields = fields.join(',');

  /** One exchange over HTTP: the parsed envelope of a 200, a SourceError for anything else. */
  async function exchange(method: 'GET' | 'POST', path: string, init: { body?: string; contentType?: string; token?: string }): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.contentType) headers['content-type'] = init.contentType;
    let response: Response;
    let text: string;
    try {
      response = await send(`${base}${path}`, { method, headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text(); // under the same time-out: a connection dropped mid-body is a network failure
    } catch (error) {
      throw networkError(error, base, timeoutMs);
    }
    const endpoint = path.split('?')[0]!;
    if (response.status !== 200) throw httpError(response.status, response.headers.get('retry-after'), text, endpoint);
    try {
      return JSON.parse(text);
    } catch {
      throw new SourceError(`Marketo answered ${endpoint} with something that is not JSON.`, 'bad_response');
    }
  }

  const tokens = tokenCache(async () => {
    const query = new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret });
    const body = parse(TokenBody, 'Answer to /identity/oauth/token', await exchange('GET', `/identity/oauth/token?${query}`, {}));
    if (!body.ok) throw new SourceError(`Marketo's identity service did not answer as documented: ${body.error.message}`, 'bad_response');
    return body.value;
  }, now);

  /** A REST call with the shared token; on 601/602 the token is renewed once and the call sent again. */
  async function call(method: 'GET' | 'POST', path: string, body?: { json?: unknown; form?: URLSearchParams }): Promise<Success> {
    const init = body?.json !== undefined ? { body: JSON.stringify(body.json), contentType: 'application/json' }
      : body?.form ? { body: String(body.form), contentType: 'application/x-www-form-urlencoded' } : {};
    for (let attempt = 0; ; attempt++) {
      const token = await tokens.get();
      const parsed = parse(Envelope, `Answer to ${path.split('?')[0]}`, await exchange(method, path, { ...init, token }));
      if (!parsed.ok) throw new SourceError(`Marketo's answer was not as documented: ${parsed.error.message}`, 'bad_response');
      if (parsed.value.success) return parsed.value;
      const [first] = parsed.value.errors;
      if ((first!.code === '601' || first!.code === '602') && attempt === 0) {
        tokens.invalidate(token);
        continue;
      }
      throw apiError(first!.code, first!.message, now());
    }
  }

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
        const lead = toLead(wire, names);
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

/** The access token, fetched on first use, shared by concurrent callers, renewed before it expires. */
function tokenCache(fetchToken: () => Promise<z.infer<typeof TokenBody>>, now: () => number) {
  let cached: { value: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return {
    get(): Promise<string> {
      if (cached && now() < cached.expiresAt) return Promise.resolve(cached.value);
      pending ??= fetchToken()
        .then((body) => {
          // Identity returns the live token with its remaining life: one near its end is used to the end.
          const life = body.expires_in * 1000;
          cached = { value: body.access_token, expiresAt: now() + Math.max(life - TOKEN_MARGIN_MS, life / 2) };
          return body.access_token;
        })
        .finally(() => (pending = null));
      return pending;
    },
    /** Drops the token Marketo refused, unless another caller has renewed it already. */
    invalidate(value: string) {
      if (cached?.value === value) cached = null;
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

/** The one record of a write: skipped (1004 lead not found, say) will be skipped again. */
function recordResult(body: Success, what: string): z.infer<typeof RecordResult> {
  const parsed = parse(RecordResult, 'Record result', body.result[0]);
  if (!parsed.ok) throw new SourceError(`Marketo's answer was not as documented: ${parsed.error.message}`, 'bad_response');
  if (parsed.value.status !== 'skipped') return parsed.value;
  const reasons = [...(parsed.value.reasons ?? []), ...(parsed.value.errors ?? [])].map(({ code, message }) => `${code} ${message}`);
  throw new MarketoApiError(`Marketo would not ${what} (${reasons.join('; ') || 'skipped'}).`, 'rejected', undefined, reasons[0]?.split(' ')[0] ?? '');
}

/** A SourceError that keeps Marketo's code. */
export class MarketoApiError extends SourceError {
  constructor(message: string, kind: SourceErrorKind, retryAfterMs: number | undefined, readonly code: string) {
    super(message, kind, retryAfterMs);
  }

  /** A stale or unknown paging token: a refusal of the request (1xxx or 7xx) that names the token. */
  get refusesPagingToken(): boolean {
    return this.kind === 'rejected' && /^[17]/.test(this.code) && /token/i.test(this.message);
  }
}

const AUTH_HINT = 'Check the Marketo client ID and secret in LeadLens options.';

function apiError(code: string, message: string, now: number): MarketoApiError {
  const said = `${code} ${message}`.trim();
  const error = (text: string, kind: SourceErrorKind, retryAfterMs?: number) => new MarketoApiError(text, kind, retryAfterMs, code);
  switch (code) {
    case '601':
    case '602':
      return error(`Marketo refused LeadLens's access token twice (${said}). ${AUTH_HINT}`, 'auth');
    case '603':
      return error(`Marketo denied access (${said}): the API user's role needs Read-Write Lead permission, or its IP is not allowed.`, 'auth');
    case '606':
      return error(`Marketo's rate limit of 100 calls in 20 s was reached (${said}).`, 'rate_limited', RATE_WINDOW_MS);
    case '607':
      return error(`Marketo's daily API quota is used up (${said}); it resets at midnight US Central time.`, 'rate_limited', msUntilQuotaReset(now));
    case '615':
      return error(`Marketo is already running 10 calls for this instance (${said}).`, 'rate_limited');
    case '604':
    case '608':
    case '611':
    case '614':
    case '713':
      return error(`Marketo is unavailable for now (${said}).`, 'unavailable');
    case '1006':
      return error(`Marketo does not know a field LeadLens asked for (${said}). Check the Marketo field names in LeadLens options.`, 'rejected');
    default:
      return error(`Marketo refused the request (${said}).`, 'rejected');
  }
}

/** The daily quota resets at 00:00 US Central time; the wait is measured on that wall clock. */
export function msUntilQuotaReset(now: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  return DAY - (((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + (now % 1000));
}

function httpError(status: number, retryAfter: string | null, text: string, endpoint: string): SourceError {
  let said = '';
  try {
    const body = IdentityError.safeParse(JSON.parse(text));
    if (body.success) said = ` ${body.data.error}${body.data.error_description ? `: ${body.data.error_description}` : ''}`;
  } catch {
    // Not JSON (a proxy's error page, say): the status says enough.
  }
  // Identity answers 401 to a wrong client ID or secret; any other refusal of it is about them too.
  const identity = endpoint.startsWith('/identity') && status >= 400 && status < 500 && status !== 429;
  if (identity || status === 401 || status === 403) {
    const who = identity ? 'the Marketo client ID and secret' : "LeadLens's access token";
    return new SourceError(`Marketo refused ${who} (${status}${said}). ${AUTH_HINT}`, 'auth');
  }
  if (status === 429) return new SourceError(`Marketo asked LeadLens to slow down (429${said}).`, 'rate_limited', parseRetryAfter(retryAfter) ?? RATE_WINDOW_MS);
  if (status >= 500 || status === 408) return new SourceError(`Marketo is unavailable for now (${status}${said}).`, 'unavailable', parseRetryAfter(retryAfter));
  return new SourceError(`Marketo refused ${endpoint} (${status}${said}).`, 'rejected');
}

function networkError(error: unknown, base: string, timeoutMs: number): SourceError {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new SourceError(`Marketo at ${base} did not answer within ${timeoutMs / 1000} s.`, 'network');
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const why = String(cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : error));
  return new SourceError(`Could not reach Marketo at ${base} (${why}).`, 'network');
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
// - Standard Fields and activity types: cited in marketo-map.ts, which reads them.
// - Marketo Integration Best Practices: API limits (daily quota, 100 calls / 20 s, 10 concurrent,
//   300-record batches).
