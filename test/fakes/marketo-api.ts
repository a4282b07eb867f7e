// Marketo Engage's REST API on 127.0.0.1, as Adobe documents it, for exactly the endpoints LeadLens
// uses: identity (client credentials), the lead database (marketo-api-leads.ts) and the activity log
// (marketo-api-activities.ts). Errors come as HTTP 200 with success: false, like Marketo's: 603 for a
// call the API user's role has no permission for, and, on a clock a simulation can drive, 606 past
// 100 calls in 20 s, 615 past 10 at once and 607 past the daily quota. Faults on demand.
import { createServer, type ServerResponse } from 'node:http';
import { mulberry32 } from '../../lib/sources/demo/source';
import { closeServer, listenOnLoopback, readBody } from './loopback';
import { createActivityLog } from './marketo-api-activities';
import { createLeadDatabase, defaultFields, failed, type FakeField } from './marketo-api-leads';
import { REAL_CLOCK, RollingWindow, type FakeClock } from './rate-window';

export { LEADLENS_FIELDS, STANDARD_FIELDS, type FakeField } from './marketo-api-leads';

export const MARKETO_FAULTS = [
  'invalidToken601', // 601 whatever the token (a revoked custom service)
  'accessDenied603', // 603: the API user's role lacks a permission
  'rateLimited606', // 606 Max rate limit exceeded
  'dailyQuota607',
  'concurrency615', // 615 Concurrent access limit reached
  'timeout604',
  'unavailable608',
  'systemError611',
  'http429', // HTTP 429, as a proxy in front of Marketo might answer
  'http502', // HTTP 502 Bad Gateway with an HTML page
  'slow', // the request takes effect, the answer comes after slowMs: beyond a short client time-out
  'drop', // the connection is dropped before the request takes effect
  'dropAfterEffect', // the request takes effect, then the connection is dropped
  'badJson', // 200 with a truncated JSON body
  'wrongEnvelope', // 200 with JSON that is not Marketo's envelope
  'badRecord', // 200, the documented envelope, the first lead in it broken (leadScore "high")
] as const;
export type MarketoFault = (typeof MARKETO_FAULTS)[number];

const CODES: Partial<Record<MarketoFault, [string, string]>> = {
  invalidToken601: ['601', 'Access token invalid'],
  accessDenied603: ['603', 'Access denied'],
  rateLimited606: ['606', "Max rate limit '100' exceeded with in '20' secs"],
  dailyQuota607: ['607', 'Daily quota reached'],
  concurrency615: ['615', 'Concurrent access limit reached'],
  timeout604: ['604', 'Request timed out'],
  unavailable608: ['608', 'API Temporarily Unavailable'],
  systemError611: ['611', 'System error'],
};

/** The role permissions that open each call, any one of them (Adobe's reference, "Required Permissions"). */
const LEAD_READ = ['Read-Only Lead', 'Read-Write Lead'];
const ACTIVITY_READ = ['Read-Only Activity', 'Read-Write Activity'];
const PERMISSIONS: Record<string, string[]> = {
  'GET /rest/v1/leads.json': LEAD_READ,
  'GET /rest/v1/leads/describe2.json': LEAD_READ,
  'POST /rest/v1/leads.json': ['Read-Write Lead'],
  'GET /rest/v1/activities/pagingtoken.json': ACTIVITY_READ,
  'GET /rest/v1/activities.json': ACTIVITY_READ,
  'GET /rest/v1/activities/types.json': ACTIVITY_READ,
  'POST /rest/v1/activities/external.json': ['Read-Write Activity'],
};
export const ALL_PERMISSIONS = ['Read-Write Lead', 'Read-Write Activity'];

export interface FakeMarketoOptions {
  clientId?: string;
  clientSecret?: string;
  /** The life of a new access token, in seconds (Marketo's is 3600). */
  tokenLifetimeSeconds?: number;
  /** Lead records in Marketo's wire form, each with its numeric id. */
  leads?: Record<string, unknown>[];
  /** The instance's lead schema; by default the standard fields, LeadLens's and any the leads carry. */
  fields?: FakeField[];
  /** Activities in wire form; ids and marketoGUIDs are given where missing. Kept in date order. */
  activities?: Record<string, unknown>[];
  customActivityTypes?: { id: number; name: string }[];
  /** The API user's role; ALL_PERMISSIONS by default. */
  permissions?: string[];
  /** The answer to a paging token no longer honoured (Adobe documents none). */
  stalePagingToken?: [string, string];
  /** 100 calls per 20 s, 10 at once and the daily quota (50,000 for most subscriptions); none when left out. */
  limits?: { callsPer20s?: number; concurrent?: number; dailyQuota?: number };
  /** How long each accepted call takes, on `clock`. */
  serviceMs?: number;
  clock?: FakeClock;
  faultRate?: number;
  faults?: readonly MarketoFault[];
  seed?: number;
  slowMs?: number;
}

export type FakeMarketoApi = Awaited<ReturnType<typeof startFakeMarketoApi>>;

export async function startFakeMarketoApi(options: FakeMarketoOptions = {}) {
  const { clientId = 'client-id', clientSecret = 'client-secret', tokenLifetimeSeconds = 3600, faultRate = 0, faults = [], slowMs = 500, clock = REAL_CLOCK } = options;
  const random = mulberry32(options.seed ?? 1);
  const permissions = options.permissions ?? ALL_PERMISSIONS;
  const db = createLeadDatabase(options.leads ?? [], options.fields ?? defaultFields(options.leads ?? []), () => clock.now());
  const log = createActivityLog({ activities: options.activities ?? [], customTypes: options.customActivityTypes ?? [], hasLead: (id) => db.leads.has(id), stalePagingToken: options.stalePagingToken ?? ['1003', 'Invalid nextPageToken'] });
  const tokens = new Map<string, number>(); // access token -> expiry (ms, on the clock)
  const limits = options.limits ?? {};
  const rate = limits.callsPer20s ? new RollingWindow(limits.callsPer20s, 20_000) : null;
  const usage = { today: 0, running: 0 };
  let forced: { fault: MarketoFault; path?: string } | null = null;
  const stats = { requests: 0, identity: 0, faults: 0, limited: 0, byPath: {} as Record<string, number>, byFault: {} as Partial<Record<MarketoFault, number>>, byCode: {} as Record<string, number> };

  const server = createServer(async (request, response) => {
    stats.requests++;
    const url = new URL(request.url ?? '/', 'http://fake');
    stats.byPath[url.pathname] = (stats.byPath[url.pathname] ?? 0) + 1;
    const text = await readBody(request);
    if (url.pathname === '/identity/oauth/token') return identity(url, response);

    const fault = forced && (!forced.path || forced.path === url.pathname) ? forced.fault : faults.length > 0 && random() < faultRate ? faults[Math.floor(random() * faults.length)]! : null;
    if (fault) {
      stats.faults++;
      stats.byFault[fault] = (stats.byFault[fault] ?? 0) + 1;
    }
    if (fault === 'drop') return request.socket.destroy();
    if (fault === 'http429') return send(response, 429, { error: 'Too Many Requests' });
    if (fault === 'http502') return response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
    if (fault === 'badJson') return response.writeHead(200, { 'content-type': 'application/json' }).end('{"requestId":"1#2","success":true,"result":[{"id"');
    if (fault === 'wrongEnvelope') return send(response, 200, { items: [], ok: true });
    const code = fault ? CODES[fault] : undefined;
    if (code) return reply(response, failed(...code));

    const method = request.method === 'POST' && url.searchParams.get('_method') === 'GET' ? 'GET' : (request.method ?? 'GET');
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    if (expiresAt === undefined) return reply(response, failed('601', 'Access token invalid'));
    if (clock.now() >= expiresAt) return reply(response, failed('602', 'Access token expired'));
    const needed = PERMISSIONS[`${method} ${url.pathname}`];
    if (needed && !needed.some((permission) => permissions.includes(permission))) return reply(response, failed('603', 'Access denied'));
    const limited = overLimit();
    if (limited) return reply(response, limited);
    usage.running++;
    await clock.serve(options.serviceMs ?? 0);
    usage.running--;
    const answer = route(method, url, method === 'GET' && request.method === 'POST' ? new URLSearchParams(text) : url.searchParams, text, fault === 'badRecord');
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
    if (fault === 'dropAfterEffect') return request.socket.destroy();
    if (!response.destroyed) reply(response, answer);
  });

  /** 607, 606 or 615 when the call is over a limit; a refused call counts toward none (Adobe: "not counted"). */
  function overLimit(): Record<string, unknown> | null {
    const refusal = limits.dailyQuota !== undefined && usage.today >= limits.dailyQuota ? failed('607', 'Daily quota reached')
      : limits.concurrent !== undefined && usage.running >= limits.concurrent ? failed('615', 'Concurrent access limit reached')
      : rate && !rate.take(clock.now()) ? failed('606', `Max rate limit '${rate.limit}' exceeded with in '20' secs`) : null;
    if (refusal) stats.limited++;
    else usage.today++;
    return refusal;
  }

  /** Like Marketo: while a token lives, asking again returns it with its remaining life. */
  function identity(url: URL, response: ServerResponse) {
    stats.identity++;
    const query = url.searchParams;
    if (query.get('grant_type') !== 'client_credentials' || query.get('client_id') !== clientId || query.get('client_secret') !== clientSecret) {
      return send(response, 401, { error: 'unauthorized', error_description: 'Bad client credentials' });
    }
    const live = [...tokens].find(([, expiresAt]) => expiresAt > clock.now());
    const [token, expiresAt] = live ?? [`token-${tokens.size + 1}:ab`, clock.now() + tokenLifetimeSeconds * 1000];
    tokens.set(token, expiresAt);
    send(response, 200, { access_token: token, token_type: 'bearer', expires_in: Math.round((expiresAt - clock.now()) / 1000), scope: 'leadlens@example.com' });
  }

  function route(method: string, url: URL, query: URLSearchParams, text: string, breakOne: boolean) {
    switch (`${method} ${url.pathname}`) {
      case 'GET /rest/v1/leads.json':
        return db.getLeads(query, breakOne);
      case 'POST /rest/v1/leads.json':
        return db.updateLeads(JSON.parse(text) as Record<string, unknown>);
      case 'GET /rest/v1/leads/describe2.json':
        return db.describe2();
      case 'GET /rest/v1/activities/pagingtoken.json':
        return log.pagingToken(query);
      case 'GET /rest/v1/activities.json':
        return log.getActivities(query);
      case 'GET /rest/v1/activities/types.json':
        return log.activityTypes();
      case 'POST /rest/v1/activities/external.json':
        return log.addCustomActivities(JSON.parse(text) as Record<string, unknown>);
      default:
        return failed('610', 'Requested resource not found');
    }
  }

  function reply(response: ServerResponse, body: Record<string, unknown>) {
    const code = (body.errors as { code: string }[] | undefined)?.[0]?.code;
    if (code) stats.byCode[code] = (stats.byCode[code] ?? 0) + 1;
    send(response, 200, body);
  }

  const baseUrl = await listenOnLoopback(server);
  return {
    baseUrl,
    clientId,
    clientSecret,
    stats,
    updates: db.updates,
    customActivities: log.customActivities,
    fieldsAsked: db.fieldsAsked,
    lead: (id: number) => db.leads.get(id),
    addActivities: log.addActivities,
    /** Every access token issued so far expires now: the next call meets 602. */
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    expirePagingTokens: log.expirePagingTokens,
    /** Every REST request (or those to `path`) meets this fault until cleared with null. */
    force(fault: MarketoFault | null, path?: string) {
      forced = fault ? { fault, path } : null;
    },
    close: () => closeServer(server),
  };
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// Built from Adobe's Marketo Engage REST docs (Authentication, Error Codes, Custom Services' permission
// list, the API reference's "Required Permissions", Marketo Integration Best Practices' limits): 601/602
// tokens, 603 "Access denied" for a permission the role lacks, 606 past 100 calls in 20 s, 615 past 10
// concurrent calls, 607 past the daily quota, none of which count toward the limits.
