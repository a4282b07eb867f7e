// HubSpot's CRM v3 API on 127.0.0.1, for exactly the endpoints lib/sources/hubspot/* use, behaving as
// HubSpot's docs describe them (see the end of hubspot-api-store.ts), with faults on demand: a real
// HTTP server, so headers, time-outs and sockets are exercised for real. Tokens carry scopes, and a
// call a token's scopes do not cover is refused 403 MISSING_SCOPES; the per-app burst limit and the
// per-account search limit are kept on a clock a simulation can drive. Records are in the store.
import { createServer, type ServerResponse } from 'node:http';
import { mulberry32 } from '../../lib/sources/demo/source';
import { closeServer, listenOnLoopback, readBody } from './loopback';
import { REAL_CLOCK, RollingWindow, type FakeClock } from './rate-window';
import { createStore, DEFAULT_CONTACT_PROPERTIES, type Answer, type FakeContact, type FakeProperty } from './hubspot-api-store';

export type { FakeContact, FakeNote, FakeProperty } from './hubspot-api-store';

export const HUBSPOT_FAULTS = [
  'unauthorized', // 401 INVALID_AUTHENTICATION whatever the token (a revoked token)
  'missingScopes', // 403 MISSING_SCOPES naming crm.objects.contacts.read
  'rateLimited429', // 429 TEN_SECONDLY_ROLLING with Retry-After
  'rateLimitedNoHeader', // 429 TEN_SECONDLY_ROLLING without Retry-After, as HubSpot does not promise one
  'dailyLimit', // 429 DAILY without Retry-After
  'error500',
  'unavailable503',
  'slow', // takes effect, answers after slowMs
  'drop', // connection dropped before the request takes effect
  'dropAfterEffect', // takes effect, then the connection is dropped
  'badJson', // 200 with a truncated body
  'wrongShape', // 200 with JSON that is not the documented envelope
  'badRecord', // 200, one contact in the results broken (hubspotscore: "high")
] as const;
export type HubSpotFault = (typeof HUBSPOT_FAULTS)[number];

/** Every scope LeadLens asks for; a token gets them all unless `scopes` says otherwise. */
export const ALL_SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read'];

/** The scopes that open each route, any one of them (HubSpot's reference pages list "one of the following"). */
const ROUTE_SCOPES: Record<string, string[]> = {
  'POST /crm/v3/objects/contacts/search': ['crm.objects.contacts.read'],
  'POST /crm/v3/objects/contacts/batch/read': ['crm.objects.contacts.read'],
  'PATCH /crm/v3/objects/contacts/{id}': ['crm.objects.contacts.write'],
  'GET /crm/v3/owners': ['crm.objects.owners.read'],
  'GET /crm/v3/properties/contacts': ['crm.objects.contacts.read', 'crm.schemas.contacts.read'],
  'POST /crm/v3/objects/notes': ['crm.objects.contacts.write'],
  'POST /crm/v3/objects/notes/search': ['crm.objects.contacts.read'],
  'POST /crm/v3/objects/notes/batch/read': ['crm.objects.contacts.read'],
  'GET /crm/v3/objects/contacts/{id}/associations/notes': ['crm.objects.contacts.read'],
};

export interface FakeHubSpotOptions {
  token?: string;
  /** Scopes by token: the tokens this portal knows. The default is `token` with ALL_SCOPES. */
  scopes?: Record<string, readonly string[]>;
  contacts?: FakeContact[];
  /** Contact properties beyond HubSpot's defaults: custom score and date properties, say. */
  properties?: FakeProperty[];
  owners?: { id: string; email: string }[];
  portalId?: number;
  /** HubSpot's search stops at 10,000 results; a test may lower it to stay fast. */
  searchCap?: number;
  /** How long a new note takes to reach the search index (HubSpot: "a few seconds"). */
  noteIndexLagMs?: number;
  /** Per-app burst (100 or 190 per 10 s by tier) and per-account search (5 per second) limits; none when left out. */
  limits?: { burstPer10s?: number; searchPerSecond?: number };
  /** How long each accepted call takes, on `clock`. */
  serviceMs?: number;
  clock?: FakeClock;
  faultRate?: number;
  faults?: readonly HubSpotFault[];
  seed?: number;
  slowMs?: number;
  retryAfterSeconds?: number;
}

export type FakeHubSpotApi = Awaited<ReturnType<typeof startFakeHubSpotApi>>;

export async function startFakeHubSpotApi(options: FakeHubSpotOptions = {}) {
  const { token = 'pat-na1-test', faultRate = 0, faults = [], slowMs = 500, retryAfterSeconds = 1, clock = REAL_CLOCK } = options;
  const scopes = new Map(Object.entries(options.scopes ?? { [token]: ALL_SCOPES }));
  const random = mulberry32(options.seed ?? 1);
  const owners = options.owners ?? [];
  const stats = { requests: 0, limited: 0, byRoute: {} as Record<string, number> };
  const burst = new Map<string, RollingWindow>();
  const search = options.limits?.searchPerSecond ? new RollingWindow(options.limits.searchPerSecond, 1000) : null;
  let forced: { fault: HubSpotFault; route?: string } | null = null;
  let correlation = 0;

  const problem = (status: number, category: string, message: string, extra: object = {}): Answer => ({
    status,
    body: { status: 'error', message, correlationId: `c0ffee00-0000-4000-8000-${String(++correlation).padStart(12, '0')}`, category, ...extra },
  });
  const store = createStore({ contacts: options.contacts ?? [], properties: [...DEFAULT_CONTACT_PROPERTIES, ...(options.properties ?? [])], searchCap: options.searchCap ?? 10_000, noteIndexLagMs: options.noteIndexLagMs ?? 0, clock, problem });

  const server = createServer(async (request, response) => {
    stats.requests++;
    const text = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const route = routeOf(request.method ?? 'GET', url);
    const drawn = faults.length > 0 && random() < faultRate ? faults[Math.floor(random() * faults.length)]! : null;
    const fault = forced && (!forced.route || forced.route === route) ? forced.fault : drawn;
    const reply = (answer: Answer, headers: Record<string, string> = {}) => send(response, answer.status, answer.body, headers);
    if (fault === 'drop') return request.socket.destroy();
    const caller = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (fault === 'unauthorized' || !scopes.has(caller)) {
      return reply(problem(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'));
    }
    const needed = ROUTE_SCOPES[route];
    if (fault === 'missingScopes') return reply(missingScopes(problem, ['crm.objects.contacts.read']));
    if (needed && !needed.some((scope) => scopes.get(caller)!.includes(scope))) return reply(missingScopes(problem, needed));
    const limited = rateLimit(route, caller);
    if (limited) return reply(limited);
    if (fault === 'rateLimited429' || fault === 'rateLimitedNoHeader') {
      return reply(tenSecondly(), fault === 'rateLimited429' ? { 'retry-after': String(retryAfterSeconds) } : {});
    }
    if (fault === 'dailyLimit') return reply({ status: 429, body: { status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', correlationId: 'daily', policyName: 'DAILY' } });
    if (fault === 'error500') return reply(problem(500, 'INTERNAL_ERROR', 'Internal error.'));
    if (fault === 'unavailable503') return reply(problem(503, 'SERVICE_UNAVAILABLE', 'Service unavailable.'), { 'retry-after': String(retryAfterSeconds) });
    if (fault === 'badJson') return response.writeHead(200, { 'content-type': 'application/json' }).end('{"results": [{"id": "1');
    if (fault === 'wrongShape') return send(response, 200, { contacts: [], hasMore: false });

    let body: Record<string, unknown> = {};
    if (text) {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return reply(problem(400, 'VALIDATION_ERROR', 'Invalid input JSON.'));
      }
    }
    await clock.serve(options.serviceMs ?? 0);
    const answer = answerFor(route, url, body);
    if (fault === 'badRecord') breakFirstContact(answer.body);
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
    if (fault === 'dropAfterEffect') return request.socket.destroy();
    if (!response.destroyed) reply(answer);
  });

  const tenSecondly = (): Answer => ({ status: 429, body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: 'rate', policyName: 'TEN_SECONDLY_ROLLING' } });

  /** A refusal when the call is over a limit; a call within them is counted. Refused calls are not. */
  function rateLimit(route: string, caller: string): Answer | null {
    const now = clock.now();
    const isSearch = route.endsWith('/search');
    const perSecond = isSearch && search && !search.take(now);
    const perApp = !perSecond && options.limits?.burstPer10s ? !windowOf(caller).take(now) : false;
    if (!perSecond && !perApp) return null;
    stats.limited++;
    return perSecond
      ? { status: 429, body: { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', correlationId: 'search', policyName: 'SECONDLY' } }
      : tenSecondly();
  }
  const windowOf = (caller: string) => burst.get(caller) ?? burst.set(caller, new RollingWindow(options.limits!.burstPer10s!, 10_000)).get(caller)!;

  function answerFor(key: string, url: URL, body: Record<string, unknown>): Answer {
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    const id = url.pathname.split('/').find((part) => /^\d+$/.test(part)) ?? '';
    switch (key) {
      case 'POST /crm/v3/objects/contacts/search':
        return store.searchContacts(body);
      case 'POST /crm/v3/objects/contacts/batch/read':
        return store.batchRead(body);
      case 'PATCH /crm/v3/objects/contacts/{id}':
        return store.patchContact(id, body);
      case 'GET /crm/v3/properties/contacts':
        return store.listProperties();
      case 'GET /crm/v3/owners':
        return listOwners(url);
      case 'GET /account-info/v3/details':
        return { status: 200, body: { portalId: options.portalId ?? 2_519_445, accountType: 'STANDARD', timeZone: 'Asia/Tokyo', companyCurrency: 'JPY', additionalCurrencies: [], utcOffset: '+09:00', utcOffsetMilliseconds: 32_400_000, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' } };
      case 'POST /oauth/v2/private-apps/get/access-token-info':
        return tokenInfo(body);
      case 'POST /crm/v3/objects/notes':
        return store.createNote(body);
      case 'POST /crm/v3/objects/notes/search':
        return store.searchNotes(body);
      case 'POST /crm/v3/objects/notes/batch/read':
        return store.readNotes(body);
      case 'GET /crm/v3/objects/contacts/{id}/associations/notes':
        return store.contactNotes(id, url);
      default:
        return problem(404, 'OBJECT_NOT_FOUND', `No route ${key}.`);
    }
  }

  function listOwners(url: URL): Answer {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('after') ?? 0);
    const page = owners.slice(offset, offset + limit).map((owner, n) => ({ ...owner, type: 'PERSON', firstName: `Owner`, lastName: String(n), userId: 9_000 + n, archived: false }));
    const next = offset + limit < owners.length ? { paging: { next: { after: String(offset + limit) } } } : {};
    return { status: 200, body: { results: page, ...next } };
  }

  function tokenInfo(body: Record<string, unknown>): Answer {
    const granted = scopes.get(String(body.tokenKey ?? ''));
    if (!granted) return problem(400, 'VALIDATION_ERROR', 'Invalid token key.');
    return { status: 200, body: { userId: 9_000, hubId: options.portalId ?? 2_519_445, appId: 7_001, scopes: [...granted] } };
  }

  const baseUrl = await listenOnLoopback(server);
  return {
    baseUrl,
    token,
    contacts: store.contacts,
    notes: store.notes,
    patches: store.patches,
    stats: Object.assign(stats, { searches: store.searches }),
    /** Every request (or only those to `route`, e.g. 'POST /crm/v3/objects/notes') meets this fault until cleared with null. */
    force(fault: HubSpotFault | null, route?: string) {
      forced = fault ? { fault, route } : null;
    },
    close: () => closeServer(server),
  };
}

/** HubSpot's 403 for a token without the scope a call needs, naming the scopes that would open it. */
function missingScopes(problem: (status: number, category: string, message: string, extra?: object) => Answer, needed: string[]): Answer {
  const errors = [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: needed } }];
  return problem(403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", { errors, links: { scopes: 'https://developers.hubspot.com/scopes' } });
}

/** "PATCH /crm/v3/objects/contacts/{id}": the method and the path with its record ids generalised. */
function routeOf(method: string, url: URL): string {
  return `${method} ${url.pathname.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}

function breakFirstContact(body: unknown) {
  const results = (body as { results?: { properties: Record<string, unknown> }[] } | null)?.results;
  if (results && results.length > 0) results[0] = { ...results[0]!, properties: { ...results[0]!.properties, hubspotscore: 'high' } };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers }).end(JSON.stringify(body));
}

// Built from HubSpot's documentation as cited at the end of lib/sources/hubspot/*.ts: private app
// tokens and their scopes (POST /oauth/v2/private-apps/get/access-token-info), the 403 MISSING_SCOPES
// body (errors[].context.requiredGranularScopes), 429 with policyName (TEN_SECONDLY_ROLLING per app:
// 100 per 10 s, 190 for Professional and Enterprise; the CRM search limit of 5 per second per account,
// answered "You have reached your secondly limit."), GET /crm/v3/owners, GET /account-info/v3/details.
// Whether a refused call counts toward a limit is not documented; this fake does not count it.
