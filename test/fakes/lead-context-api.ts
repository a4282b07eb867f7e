// A Lead Context API on 127.0.0.1, as DESIGN.md's "The Lead Context API" states it and README.md's
// "Connecting a marketing system: the Lead Context API" spells it out, with faults on demand: a real
// HTTP server, so the client's headers, time-outs and socket handling are exercised for real. Writes
// take effect once per Idempotency-Key and are counted, so a test can check exactly-once delivery.
// Lead records are served as given: a lead may carry the optional accountId and accountName the
// README documents (the middleware's account for the lead), and /v1/leads answers them unchanged.
import { createServer, type ServerResponse } from 'node:http';
import { crmRecordKey, CRMS, type Crm } from '../../lib/domain/crm-record';
import { mulberry32 } from '../../lib/sources/demo/source';
import { closeServer, listenOnLoopback, readBody } from './loopback';

export const FAULTS = [
  'unauthorized', // 401 whatever the token (a revoked token)
  'rateLimited429', // 429 with Retry-After
  'unavailable503', // 503 with Retry-After
  'error500',
  'slow', // the request takes effect, the answer comes after slowMs: beyond a short client time-out
  'drop', // the connection is dropped before the request takes effect
  'dropAfterEffect', // the request takes effect, then the connection is dropped: the client cannot know
  'badJson', // 200 with a truncated JSON body
  'wrongShape', // 200 with JSON that is not the documented envelope
  'badRecord', // 200, the documented envelope, one record in it broken
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FakeOptions {
  token?: string;
  /** Records served by /v1/changes and /v1/leads in wire form (ISO times), good or bad. */
  records?: { leads?: unknown[]; touches?: unknown[]; handoffs?: unknown[]; deleted?: unknown[] };
  /** Leads /v1/leads knows but /v1/changes has not brought yet: created since the last sync. */
  unsynced?: unknown[];
  /** What GET /v1/policy answers; without it the API has no policy and answers 404. */
  policy?: unknown;
  /** The share of requests that meet a fault, and which faults; drawn from a generator seeded with `seed`. */
  faultRate?: number;
  faults?: readonly Fault[];
  seed?: number;
  /** How long a "slow" answer takes. */
  slowMs?: number;
  retryAfterSeconds?: number;
  /** Send Retry-After as an HTTP date instead of seconds. */
  retryAfterAsDate?: boolean;
}

/** A write that took effect: one per idempotency key, however often it was sent. */
export interface Effect {
  key: string;
  path: string;
  body: Record<string, unknown>;
}

/** A request as it arrived, whatever became of it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  /** The query string, without its `?`: empty when there is none. */
  query: string;
  idempotencyKey?: string;
}

type Answer = { status: number; body: unknown };
type Kind = 'leads' | 'touches' | 'handoffs' | 'deleted';
const KINDS: Kind[] = ['leads', 'touches', 'handoffs', 'deleted'];

export type FakeLeadContextApi = Awaited<ReturnType<typeof startFakeLeadContextApi>>;

export async function startFakeLeadContextApi(options: FakeOptions = {}) {
  const { token = 'test-token', faultRate = 0, faults = [], slowMs = 500, retryAfterSeconds = 1 } = options;
  const random = mulberry32(options.seed ?? 1);
  // One stream in a fixed order: the cursor is an offset into it.
  const stream = KINDS.flatMap((kind) => (options.records?.[kind] ?? []).map((record) => ({ kind, record })));
  const effects: Effect[] = [];
  const received: ReceivedRequest[] = [];
  /** What each idempotency key was first answered, to answer a repeat the same way. */
  const answered = new Map<string, unknown>();
  const stats = { requests: 0, faults: 0, byFault: {} as Partial<Record<Fault, number>>, replays: 0 };
  let forced: Fault | null = null;
  /** A status every write (POST) is answered with, reads going on as usual; null when writes work. */
  let failingWrites: number | null = null;
  let policy = options.policy;

  const server = createServer(async (request, response) => {
    stats.requests++;
    const text = await readBody(request);
    const fault = forced ?? (faults.length > 0 && random() < faultRate ? faults[Math.floor(random() * faults.length)]! : null);
    if (fault) {
      stats.faults++;
      stats.byFault[fault] = (stats.byFault[fault] ?? 0) + 1;
    }
    const url = new URL(request.url ?? '/', 'http://fake');
    const key = request.headers['idempotency-key'];
    received.push({ method: request.method ?? 'GET', path: url.pathname, query: url.search.slice(1), ...(typeof key === 'string' ? { idempotencyKey: key } : {}) });
    const error = (status: number, code: string, message: string, retry = false) =>
      send(response, status, { error: { code, message } }, retry ? retryAfterHeader() : undefined);

    if (fault === 'drop') return request.socket.destroy();
    if (fault === 'unauthorized' || request.headers.authorization !== `Bearer ${token}`) {
      return error(401, 'unauthorized', 'The token is not valid for this API.');
    }
    if (fault === 'rateLimited429') return error(429, 'rate_limited', 'Too many requests.', true);
    if (fault === 'unavailable503') return error(503, 'unavailable', 'Down for maintenance.', true);
    if (fault === 'error500') return error(500, 'internal', 'Something broke.');
    if (failingWrites !== null && request.method === 'POST') return error(failingWrites, 'internal', 'Writes are failing.', failingWrites === 429 || failingWrites === 503);
    if (fault === 'badJson') return response.writeHead(200, { 'content-type': 'application/json' }).end('{"leads": [{"email": "a');
    if (fault === 'wrongShape') return send(response, 200, { items: [], next: null });

    const answer = route(request.method ?? 'GET', url, text, key, fault === 'badRecord');
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
    if (fault === 'dropAfterEffect') return request.socket.destroy();
    if (!response.destroyed) send(response, answer.status, answer.body);
  });

  function route(method: string, url: URL, text: string, key: string | string[] | undefined, breakOne: boolean): Answer {
    const problem = (status: number, code: string, message: string): Answer => ({ status, body: { error: { code, message } } });
    if (method === 'GET' && url.pathname === '/v1/changes') {
      const cursor = url.searchParams.get('cursor') ?? 'c0';
      if (!/^c\d+$/.test(cursor)) return problem(400, 'bad_cursor', `Unknown cursor ${cursor}.`);
      const offset = Number(cursor.slice(1));
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 1000);
      const page = stream.slice(offset, offset + limit);
      const next = offset + page.length;
      const body: Record<string, unknown> = { nextCursor: `c${next}`, hasMore: next < stream.length };
      for (const kind of KINDS) body[kind] = page.filter((entry) => entry.kind === kind).map((entry) => entry.record);
      if (breakOne) breakFirstRecord(body);
      return { status: 200, body };
    }
    if (method === 'GET' && url.pathname === '/v1/policy') {
      return policy === undefined ? problem(404, 'not_found', 'This API has no policy.') : { status: 200, body: policy };
    }
    if (method === 'GET' && url.pathname === '/v1/leads') {
      const emails = url.searchParams.getAll('email');
      const records = url.searchParams.getAll('crmRecord');
      const asked = emails.length + records.length;
      if (asked === 0 || asked > 100) return problem(400, 'bad_request', 'Give 1 to 100 email or crmRecord parameters.');
      const keys = records.map(recordKeyOf);
      if (keys.includes(null)) return problem(400, 'bad_request', 'A crmRecord is <crm>:<objectType>:<id>, with an id that CRM uses.');
      const known = [...(options.records?.leads ?? []), ...(options.unsynced ?? [])];
      const body = { leads: known.filter((lead) => emails.includes(emailOf(lead)) || keysOf(lead).some((key) => keys.includes(key))) };
      if (breakOne) breakFirstRecord(body);
      return { status: 200, body };
    }
    const write = /^\/v1\/(feedback|handoffs\/[^/]+\/(accept|contacted|reject))$/.exec(url.pathname);
    if (method !== 'POST' || !write) return problem(404, 'not_found', `No route ${method} ${url.pathname}.`);
    if (typeof key !== 'string' || !key) return problem(400, 'idempotency_key_missing', 'Send an Idempotency-Key header.');
    if (answered.has(key)) {
      stats.replays++;
      return { status: 200, body: answered.get(key) };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return problem(400, 'bad_json', 'The body is not JSON.');
    }
    const invalid = invalidWrite(url.pathname, body);
    if (invalid) return problem(422, 'invalid', invalid);
    effects.push({ key, path: url.pathname, body: body as Record<string, unknown> });
    answered.set(key, { id: `${write[2] ? 'ha' : 'fb'}-${effects.length}` });
    return { status: 201, body: answered.get(key) };
  }

  function retryAfterHeader(): string {
    return options.retryAfterAsDate ? new Date(Date.now() + retryAfterSeconds * 1000).toUTCString() : String(retryAfterSeconds);
  }

  const baseUrl = await listenOnLoopback(server);
  return {
    baseUrl,
    token,
    /** Writes that took effect, in order; a key sent again is counted in stats.replays instead. */
    effects,
    /** Every request, in order of arrival, faulted or not: to count what a client sent. */
    received,
    stats,
    /** Every request meets this fault until cleared with null. */
    force(fault: Fault | null) {
      forced = fault;
    },
    /** Every write (POST) is answered `status` until cleared with null; reads are served as usual. */
    failWrites(status: number | null) {
      failingWrites = status;
    },
    /** A record changed on marketing's side: /v1/changes brings it again, after what it served so far. Returns its offset in the stream. */
    change(kind: Kind, record: unknown): number {
      return stream.push({ kind, record }) - 1;
    },
    /** What GET /v1/policy answers from now on; undefined for 404, no policy. */
    setPolicy(body: unknown) {
      policy = body;
    },
    close: () => closeServer(server),
  };
}

const emailOf = (lead: unknown) => (lead as { email?: string } | null)?.email ?? '';

/** The keys of the records a stored lead says it is, whatever spelling of the id it was stored with. */
function keysOf(lead: unknown): string[] {
  const records = (lead as { crmRecords?: { crm: Crm; objectType: string; id: string }[] } | null)?.crmRecords ?? [];
  return records.map(crmRecordKey).filter((key): key is string => key !== null);
}

/** A crmRecord parameter's key, as a middleware would match it: the same from the 15- or 18-character Salesforce id. */
function recordKeyOf(param: string): string | null {
  const [crm, objectType, ...id] = param.split(':');
  if (!(CRMS as readonly string[]).includes(crm ?? '') || !objectType || id.length === 0) return null;
  return crmRecordKey({ crm: crm as Crm, objectType, id: id.join(':') });
}

/** Why a write is refused (422), or null: the fields marketing cannot do without. */
function invalidWrite(path: string, body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'The body must be a JSON object.';
  const fields = body as Record<string, unknown>;
  const required = path === '/v1/feedback' ? ['email', 'verdict', 'reasonCode', 'at'] : ['at'];
  const missing = required.filter((field) => typeof fields[field] !== 'string' || fields[field] === '');
  return missing.length > 0 ? `Missing ${missing.join(', ')}.` : null;
}

/** Replaces the first record of the page with a copy broken in a field the client must check. */
function breakFirstRecord(body: Record<string, unknown>) {
  const breakers: Record<string, (record: unknown) => unknown> = {
    leads: (record) => ({ ...(record as object), score: 'high' }),
    touches: (record) => ({ ...(record as object), at: 'yesterday' }),
    handoffs: (record) => ({ ...(record as object), status: 'lost' }),
    deleted: () => 'not-an-email',
  };
  for (const [kind, broken] of Object.entries(breakers)) {
    const records = body[kind] as unknown[] | undefined;
    if (records && records.length > 0) {
      records[0] = broken(records[0]);
      return;
    }
  }
}

function send(response: ServerResponse, status: number, body: unknown, retryAfter?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  response.writeHead(status, headers).end(JSON.stringify(body));
}

// Built from the contract in DESIGN.md, "The Lead Context API", as README.md writes it out for
// integrators in "Connecting a marketing system: the Lead Context API".
