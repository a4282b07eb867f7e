// Marketo Engage's REST API on 127.0.0.1, as Adobe documents it, for exactly the endpoints LeadLens
// uses: identity (client credentials), leads by filter type, lead updates, paging tokens, activities
// and custom activities. Errors come as HTTP 200 with success: false, like Marketo's. Faults on demand
// (a forced one, or drawn with a seeded generator) exercise the client's error mapping for real.
import { createServer, type ServerResponse } from 'node:http';
import { mulberry32 } from '../../lib/sources/demo/source';
import { closeServer, listenOnLoopback, readBody } from './loopback';

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

export interface FakeMarketoOptions {
  clientId?: string;
  clientSecret?: string;
  /** The life of a new access token, in seconds (Marketo's is 3600). */
  tokenLifetimeSeconds?: number;
  /** Lead records in Marketo's wire form, each with its numeric id. */
  leads?: Record<string, unknown>[];
  /** Activities in wire form; ids and marketoGUIDs are given where missing. Kept in date order. */
  activities?: Record<string, unknown>[];
  faultRate?: number;
  faults?: readonly MarketoFault[];
  seed?: number;
  slowMs?: number;
}

type Body = Record<string, unknown>;
const ok = (extra: Body): Body => ({ requestId: `${Math.floor(Math.random() * 1e6)}#fake`, success: true, ...extra });
const failed = (code: string, message: string): Body => ({ requestId: 'e42b#fake', success: false, errors: [{ code, message }] });

export type FakeMarketoApi = Awaited<ReturnType<typeof startFakeMarketoApi>>;

export async function startFakeMarketoApi(options: FakeMarketoOptions = {}) {
  const { clientId = 'client-id', clientSecret = 'client-secret', tokenLifetimeSeconds = 3600, faultRate = 0, faults = [], slowMs = 500 } = options;
  const random = mulberry32(options.seed ?? 1);
  const leads = new Map<number, Body>((options.leads ?? []).map((lead) => [Number(lead.id), { ...lead }]));
  const activities: Body[] = [];
  const tokens = new Map<string, number>(); // access token -> expiry (ms, real clock)
  let pagingGeneration = 1;
  let forced: MarketoFault | null = null;
  const stats = { requests: 0, identity: 0, faults: 0, byPath: {} as Record<string, number>, byFault: {} as Partial<Record<MarketoFault, number>> };
  /** Lead updates that took effect, in order, and the custom activities added. */
  const updates: Body[] = [];
  const customActivities: Body[] = [];
  /** The fields parameter of each lead query, in order: what the client asked Marketo for. */
  const fieldsAsked: string[][] = [];

  function addActivities(list: Body[]): Body[] {
    const added = list.map((activity, n) => {
      const id = activities.length + n + 1000;
      return { id, marketoGUID: String(id), attributes: [], ...activity };
    });
    activities.push(...added);
    activities.sort((a, b) => Date.parse(String(a.activityDate)) - Date.parse(String(b.activityDate)));
    return added;
  }
  addActivities(options.activities ?? []);

  const server = createServer(async (request, response) => {
    stats.requests++;
    const url = new URL(request.url ?? '/', 'http://fake');
    stats.byPath[url.pathname] = (stats.byPath[url.pathname] ?? 0) + 1;
    const text = await readBody(request);
    if (url.pathname === '/identity/oauth/token') return identity(url, response);

    const fault = forced ?? (faults.length > 0 && random() < faultRate ? faults[Math.floor(random() * faults.length)]! : null);
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
    if (code) return send(response, 200, failed(...code));

    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    let answer: Body;
    if (expiresAt === undefined) answer = failed('601', 'Access token invalid');
    else if (Date.now() >= expiresAt) answer = failed('602', 'Access token expired');
    else answer = route(request.method ?? 'GET', url, text, fault === 'badRecord');
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
    if (fault === 'dropAfterEffect') return request.socket.destroy();
    if (!response.destroyed) send(response, 200, answer);
  });

  /** Like Marketo: while a token lives, asking again returns it with its remaining life. */
  function identity(url: URL, response: ServerResponse) {
    stats.identity++;
    const query = url.searchParams;
    if (query.get('grant_type') !== 'client_credentials' || query.get('client_id') !== clientId || query.get('client_secret') !== clientSecret) {
      return send(response, 401, { error: 'unauthorized', error_description: 'Bad client credentials' });
    }
    const live = [...tokens].find(([, expiresAt]) => expiresAt > Date.now());
    const [token, expiresAt] = live ?? [`token-${tokens.size + 1}:ab`, Date.now() + tokenLifetimeSeconds * 1000];
    tokens.set(token, expiresAt);
    send(response, 200, { access_token: token, token_type: 'bearer', expires_in: Math.round((expiresAt - Date.now()) / 1000), scope: 'leadlens@example.com' });
  }

  function route(method: string, url: URL, text: string, breakOne: boolean): Body {
    const path = url.pathname;
    if (path === '/rest/v1/leads.json' && (method === 'GET' || url.searchParams.get('_method') === 'GET')) {
      const query = method === 'GET' ? url.searchParams : new URLSearchParams(text);
      return getLeads(query, breakOne);
    }
    if (method === 'POST' && path === '/rest/v1/leads.json') return updateLeads(JSON.parse(text) as Body);
    if (method === 'GET' && path === '/rest/v1/activities/pagingtoken.json') {
      const since = Date.parse(url.searchParams.get('sinceDatetime') ?? '');
      if (Number.isNaN(since)) return failed('1001', "Invalid value for 'sinceDatetime'");
      const position = activities.findIndex((activity) => Date.parse(String(activity.activityDate)) > since);
      return ok({ nextPageToken: pagingToken(position === -1 ? activities.length : position) });
    }
    if (method === 'GET' && path === '/rest/v1/activities.json') return getActivities(url.searchParams);
    if (method === 'POST' && path === '/rest/v1/activities/external.json') return addCustomActivities(JSON.parse(text) as Body);
    return failed('610', 'Requested resource not found');
  }

  function getLeads(query: URLSearchParams, breakOne: boolean): Body {
    const filterType = query.get('filterType');
    const values = (query.get('filterValues') ?? '').split(',').filter(Boolean);
    if (filterType !== 'id' && filterType !== 'email') return failed('1003', `Invalid filterType '${filterType}'`);
    if (values.length === 0 || values.length > 300) return failed('1003', 'filterValues must hold 1 to 300 values');
    const fields = (query.get('fields') ?? 'id,email,updatedAt,createdAt,firstName,lastName').split(',');
    fieldsAsked.push(fields);
    const matches = [...leads.values()].filter((lead) => values.includes(String(filterType === 'id' ? lead.id : lead.email).toLowerCase()));
    const offset = Number(query.get('nextPageToken')?.slice(1) ?? 0);
    const batchSize = Math.min(Number(query.get('batchSize') ?? 300), 300);
    const page = matches.slice(offset, offset + batchSize).map((lead) => Object.fromEntries(['id', ...fields].filter((field) => field in lead).map((field) => [field, lead[field]])));
    if (breakOne && page[0]) page[0] = { ...page[0], leadScore: 'high' };
    const more = offset + batchSize < matches.length;
    return ok({ result: page, ...(more ? { moreResult: true, nextPageToken: `L${offset + batchSize}` } : {}) });
  }

  function updateLeads(body: Body): Body {
    if (body.action !== 'updateOnly') return failed('1003', 'LeadLens only updates');
    const lookupField = String(body.lookupField ?? 'email');
    const result = (body.input as Body[]).map((input) => {
      const lead = [...leads.values()].find((candidate) => String(candidate[lookupField]).toLowerCase() === String(input[lookupField]).toLowerCase());
      if (!lead) return { status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] };
      const { [lookupField]: _key, ...fields } = input;
      Object.assign(lead, fields, { updatedAt: new Date().toISOString() });
      updates.push({ id: lead.id, ...fields });
      return { id: lead.id, status: 'updated' };
    });
    return ok({ result });
  }

  function getActivities(query: URLSearchParams): Body {
    const position = readPagingToken(query.get('nextPageToken') ?? '');
    if (position === null) return failed('1003', 'Invalid nextPageToken');
    const types = (query.get('activityTypeIds') ?? '').split(',').filter(Boolean).map(Number);
    if (types.length === 0 || types.length > 10) return failed('1003', 'activityTypeIds must hold 1 to 10 ids');
    const leadIds = query.get('leadIds')?.split(',').map(Number);
    const batchSize = Math.min(Number(query.get('batchSize') ?? 300), 300);
    const result: Body[] = [];
    let next = position;
    for (; next < activities.length && result.length < batchSize; next++) {
      const activity = activities[next]!;
      if (types.includes(Number(activity.activityTypeId)) && (!leadIds || leadIds.includes(Number(activity.leadId)))) result.push(activity);
    }
    return ok({ result, nextPageToken: pagingToken(next), moreResult: next < activities.length });
  }

  function addCustomActivities(body: Body): Body {
    const result = (body.input as Body[]).map((input) => {
      if (!leads.has(Number(input.leadId))) return { status: 'skipped', errors: [{ code: '1004', message: 'Lead not found' }] };
      const [added] = addActivities([input]);
      customActivities.push(added!);
      return { id: added!.id, marketoGUID: added!.marketoGUID, status: 'added' };
    });
    return ok({ result });
  }

  const pagingToken = (position: number) => Buffer.from(`${pagingGeneration}:${position}`).toString('base64url');
  function readPagingToken(token: string): number | null {
    const [generation, position] = Buffer.from(token, 'base64url').toString().split(':').map(Number);
    return generation === pagingGeneration && Number.isInteger(position) ? position! : null;
  }

  const baseUrl = await listenOnLoopback(server);
  return {
    baseUrl,
    clientId,
    clientSecret,
    stats,
    updates,
    customActivities,
    fieldsAsked,
    lead: (id: number) => leads.get(id),
    addActivities,
    /** Every access token issued so far expires now: the next call meets 602. */
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    /** Every paging token issued so far is refused from now on, as a stale one would be. */
    expirePagingTokens() {
      pagingGeneration++;
    },
    /** Every REST request meets this fault until cleared with null. */
    force(fault: MarketoFault | null) {
      forced = fault;
    },
    close: () => closeServer(server),
  };
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// Built from Adobe's Marketo Engage REST docs (Authentication, Error Codes, Paging Tokens, Activities,
// Leads): the endpoints and answers lib/sources/marketo/source.ts cites. A stale paging token's answer is not
// documented; this fake answers 1003 "Invalid nextPageToken".
