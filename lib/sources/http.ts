// The Lead Context API: the generic HTTP source for marketing systems LeadLens has no adapter for.
// Bearer token, JSON, ISO-8601 times on the wire and epoch ms inside. Every record is parsed on its
// own, so one bad record is quarantined with its reason and the rest of the page is kept.
import { z } from 'zod';
import { crmRecordKey, type CrmRecordRef } from '../domain/crm-record';
import { Email, Handoff, Instant, Lead, parse, Touch, type OutboxItem } from '../domain/model';
import { fetchText, SourceError, type ChangesPage, type LeadSource, type LookupResult, type RejectedRecord } from './source';

const IsoTime = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 time, e.g. 2026-11-16T09:00:00Z' })
  .transform((text) => Date.parse(text))
  .pipe(Instant);

const WireLead = Lead.extend({ qualifiedAt: IsoTime.optional(), updatedAt: IsoTime, scoreRaw: z.number().optional() }).transform(
  // The raw score is optional on the wire: a source whose scale is 0-100 already may leave it out.
  (lead) => ({ ...lead, scoreRaw: lead.scoreRaw ?? lead.score }),
);
const WireTouch = Touch.extend({ at: IsoTime });
const WireHandoff = Handoff.extend({
  handedOffAt: IsoTime,
  firstContactDueAt: IsoTime,
  followUpDueAts: z.array(IsoTime).default([]),
  acceptedAt: IsoTime.optional(),
  respondedAt: IsoTime.optional(),
  updatedAt: IsoTime,
});

// The envelopes are checked as a whole; the records inside them one by one.
const Records = z.array(z.unknown()).default([]);
const ChangesBody = z.object({ leads: Records, touches: Records, handoffs: Records, deleted: Records, nextCursor: z.string().min(1), hasMore: z.boolean() });
const LeadsBody = z.object({ leads: z.array(z.unknown()) });
const PolicyBody = z.record(z.string(), z.unknown());
const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Addresses or records per GET /v1/leads; a longer lookup is sent in batches of this size. */
export const MAX_LOOKUP = 100;

export interface HttpSourceOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface HttpSource extends LeadSource {
  lookup(emails: string[]): Promise<LookupResult>;
  policy(): Promise<Record<string, unknown> | null>;
  lookupRecords(records: CrmRecordRef[]): Promise<LookupResult>;
  deliver(item: OutboxItem): Promise<'delivered'>;
}

// One closure scope shares the token, the base URL and the fetch; each method is a few lines, the
// request building and response parsing are the module's functions below.
export function createHttpSource(options: HttpSourceOptions): HttpSource {
  const { token, fetch: send = globalThis.fetch, timeoutMs = 15_000 } = options;
  const base = options.baseUrl.replace(/\/+$/, '');

  /** The answer as it came, whatever its status. */
  function exchange(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<{ response: Response; text: string }> {
    return fetchText(send, `${base}${path}`, requestInit(token, method, body, idempotencyKey), timeoutMs, `the Lead Context API at ${base}`);
  }

  /** The body of a 2xx answer; anything else becomes a SourceError that says what to do. */
  async function request(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<string> {
    const { response, text } = await exchange(method, path, body, idempotencyKey);
    if (!response.ok) throw errorFor(response.status, response.headers.get('retry-after'), text);
    return text;
  }

  async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    return parseJson(path, schema, await request('GET', path));
  }

  /** GET /v1/leads with each value once as `param`, in batches of MAX_LOOKUP. */
  async function lookUpBy(param: 'email' | 'crmRecord', values: string[]): Promise<LookupResult> {
    const unique = [...new Set(values)];
    const result: LookupResult = { leads: [], rejected: [] };
    for (let from = 0; from < unique.length; from += MAX_LOOKUP) {
      const query = new URLSearchParams(unique.slice(from, from + MAX_LOOKUP).map((value) => [param, value]));
      const body = await getJson(`/v1/leads?${query}`, LeadsBody);
      result.leads.push(...keep(body.leads, WireLead, 'lead', result.rejected));
    }
    return result;
  }

  return {
    id: `http:${base}`,

    async changes(cursor, limit): Promise<ChangesPage> {
      const query = new URLSearchParams({ ...(cursor === null ? {} : { cursor }), limit: String(limit) });
      return changesPage(await getJson(`/v1/changes?${query}`, ChangesBody));
    },

    lookup: (emails) => lookUpBy('email', emails.map((email) => email.trim().toLowerCase())),

    // Each record by its key (crmRecordKey): the same for an 18- and a 15-character Salesforce id.
    lookupRecords: (records) => lookUpBy('crmRecord', records.map(crmRecordKey).filter((key): key is string => key !== null)),

    // The team's agreement, read field by field later (lib/domain/policy-schema.ts); 404 is "no policy".
    async policy() {
      const { response, text } = await exchange('GET', '/v1/policy');
      if (response.status === 404) return null;
      if (!response.ok) throw errorFor(response.status, response.headers.get('retry-after'), text);
      return parseJson('/v1/policy', PolicyBody, text);
    },

    async deliver(item) {
      const { path, body } = deliveryOf(item);
      await request('POST', path, body, item.idempotencyKey);
      return 'delivered'; // 201, or 200 when the key was seen before: landed either way
    },
  };
}

/** What a request carries: the token, JSON both ways, and the key that makes a retried write land once. */
function requestInit(token: string, method: 'GET' | 'POST', body?: unknown, idempotencyKey?: string): RequestInit {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  return { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
}

/** An answer's body as the schema has it; not JSON, or not as documented, is a bad_response naming the path. */
function parseJson<S extends z.ZodType>(path: string, schema: S, text: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SourceError(`The Lead Context API answered ${path.split('?')[0]} with something that is not JSON.`, 'bad_response');
  }
  const parsed = parse(schema, `Answer to ${path.split('?')[0]}`, json);
  if (!parsed.ok) throw new SourceError(`The Lead Context API's answer was not as documented: ${parsed.error.message}`, 'bad_response');
  return parsed.value;
}

/** A page of changes, each record kept or quarantined on its own. */
function changesPage(body: z.infer<typeof ChangesBody>): ChangesPage {
  const rejected: RejectedRecord[] = [];
  return {
    leads: keep(body.leads, WireLead, 'lead', rejected),
    touches: keep(body.touches, WireTouch, 'touch', rejected),
    handoffs: keep(body.handoffs, WireHandoff, 'handoff', rejected),
    deleted: keep(body.deleted, Email, 'deleted', rejected),
    rejected,
    nextCursor: body.nextCursor,
    hasMore: body.hasMore,
  };
}

/** Where an outbox item is posted, and what with. */
function deliveryOf(item: OutboxItem): { path: string; body: unknown } {
  const { payload } = item;
  const at = new Date(item.createdAt).toISOString(); // when the rep clicked, not when it got through
  if (payload.kind === 'feedback') {
    const { kind: _kind, ...feedback } = payload;
    return { path: '/v1/feedback', body: { ...feedback, at } };
  }
  const path = `/v1/handoffs/${encodeURIComponent(payload.handoffId)}/${payload.action}`;
  return { path, body: { reasonCode: payload.reasonCode, note: payload.note, at } };
}

const LABELS = { lead: 'Lead', touch: 'Touch', handoff: 'Handoff', deleted: 'Deleted lead' } as const;

function keep<S extends z.ZodType>(raws: unknown[], schema: S, kind: RejectedRecord['kind'], rejected: RejectedRecord[]): z.infer<S>[] {
  const kept: z.infer<S>[] = [];
  for (const raw of raws) {
    const parsed = parse(schema, LABELS[kind], raw);
    if (parsed.ok) kept.push(parsed.value);
    else rejected.push({ kind, reason: parsed.error.message, raw });
  }
  return kept;
}

function errorFor(status: number, retryAfter: string | null, text: string): SourceError {
  let said = '';
  try {
    const body = ErrorBody.safeParse(JSON.parse(text));
    if (body.success) said = ` ${body.data.error.code}: ${body.data.error.message}`;
  } catch {
    // Not JSON (a proxy's error page, say): the status says enough.
  }
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (status === 401 || status === 403) {
    return new SourceError(`The API token was refused by the Lead Context API (${status}${said}). Check the API token in LeadLens options.`, 'auth');
  }
  if (status === 429) return new SourceError(`The Lead Context API asked LeadLens to slow down (429${said}).`, 'rate_limited', retryAfterMs);
  // 408 and 409 (the same key still being processed) pass, like a 5xx.
  if (status >= 500 || status === 408 || status === 409) {
    return new SourceError(`The Lead Context API is unavailable for now (${status}${said}).`, 'unavailable', retryAfterMs);
  }
  return new SourceError(`The Lead Context API refused the request (${status}${said}).`, 'rejected');
}

/** Retry-After as delay-seconds or as an HTTP date (RFC 9110, 10.2.3), in ms from `now`. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

// Written against the Lead Context API contract in DESIGN.md, "The Lead Context API", documented for
// integrators in README.md ("Connecting a marketing system: the Lead Context API"): GET /v1/leads?email=…
// or ?crmRecord=<crm>:<objectType>:<id>…, GET /v1/changes?cursor=&limit=, GET /v1/policy (404: none), POST /v1/feedback and
// /v1/handoffs/{id}/accept|contacted|reject with Idempotency-Key (201 new, 200 seen before); errors
// { error: { code, message } }; 429/503 Retry-After.
