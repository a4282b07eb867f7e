// HubSpot's CRM v3 API on 127.0.0.1, for exactly the endpoints lib/sources/hubspot/source.ts (and client.ts) use, behaving as
// HubSpot's docs describe them (see the end of the file), with faults on demand: a real HTTP server, so
// headers, time-outs and sockets are exercised for real. Notes and lead-status changes are stored, so a
// test can count effects.
import { createServer, type ServerResponse } from 'node:http';
import { mulberry32 } from '../../lib/sources/demo/source';
import { closeServer, listenOnLoopback, readBody } from './loopback';

export const HUBSPOT_FAULTS = [
  'unauthorized', // 401 INVALID_AUTHENTICATION whatever the token (a revoked token)
  'missingScopes', // 403 MISSING_SCOPES
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

export interface FakeContact {
  id: string;
  /** Property values as HubSpot sends them: strings (ISO-8601 datetimes), or null. */
  properties: Record<string, string | null>;
}

export interface FakeHubSpotOptions {
  token?: string;
  contacts?: FakeContact[];
  owners?: { id: string; email: string }[];
  portalId?: number;
  /** HubSpot's search stops at 10,000 results; a test may lower it to stay fast. */
  searchCap?: number;
  faultRate?: number;
  faults?: readonly HubSpotFault[];
  seed?: number;
  slowMs?: number;
  retryAfterSeconds?: number;
  /** The clock that stamps lastmodifieddate on a PATCH. */
  now?: () => number;
}

export interface FakeNote {
  id: string;
  properties: Record<string, string>;
  contactIds: string[];
}

type Answer = { status: number; body: unknown };
type Filter = { propertyName?: string; operator?: string; value?: string; values?: string[] };

const LEAD_STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'];
const DEFAULT_SEARCH_PROPERTIES = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];

export type FakeHubSpotApi = Awaited<ReturnType<typeof startFakeHubSpotApi>>;

export async function startFakeHubSpotApi(options: FakeHubSpotOptions = {}) {
  const { token = 'pat-na1-test', faultRate = 0, faults = [], slowMs = 500, retryAfterSeconds = 1, searchCap = 10_000, now = Date.now } = options;
  const random = mulberry32(options.seed ?? 1);
  const contacts = new Map((options.contacts ?? []).map((contact) => [contact.id, structuredClone(contact)]));
  const owners = options.owners ?? [];
  const notes: FakeNote[] = [];
  const patches: { contactId: string; properties: Record<string, string> }[] = [];
  const stats = { requests: 0, byRoute: {} as Record<string, number>, searches: [] as { limit: number; after: number }[] };
  let forced: { fault: HubSpotFault; route?: string } | null = null;
  let correlation = 0;

  const problem = (status: number, category: string, message: string, extra: object = {}): Answer => ({
    status,
    body: { status: 'error', message, correlationId: `c0ffee00-0000-4000-8000-${String(++correlation).padStart(12, '0')}`, category, ...extra },
  });

  const server = createServer(async (request, response) => {
    stats.requests++;
    const text = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const route = routeOf(request.method ?? 'GET', url);
    const drawn = faults.length > 0 && random() < faultRate ? faults[Math.floor(random() * faults.length)]! : null;
    const fault = forced && (!forced.route || forced.route === route) ? forced.fault : drawn;
    const reply = (answer: Answer, headers: Record<string, string> = {}) => send(response, answer.status, answer.body, headers);
    if (fault === 'drop') return request.socket.destroy();
    if (fault === 'unauthorized' || request.headers.authorization !== `Bearer ${token}`) {
      return reply(problem(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'));
    }
    if (fault === 'missingScopes') {
      return reply(problem(403, 'MISSING_SCOPES', 'This app hasn\'t been granted all required scopes to make this call.', { errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.objects.contacts.read'] } }] }));
    }
    if (fault === 'rateLimited429' || fault === 'rateLimitedNoHeader') {
      const limited = { status: 429, body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: 'rate', policyName: 'TEN_SECONDLY_ROLLING' } };
      return reply(limited, fault === 'rateLimited429' ? { 'retry-after': String(retryAfterSeconds) } : {});
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
    const answer = answerFor(route, url, body);
    if (fault === 'badRecord') breakFirstContact(answer.body);
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
    if (fault === 'dropAfterEffect') return request.socket.destroy();
    if (!response.destroyed) reply(answer);
  });

  function answerFor(key: string, url: URL, body: Record<string, unknown>): Answer {
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    switch (key) {
      case 'POST /crm/v3/objects/contacts/search':
        return searchContacts(body);
      case 'POST /crm/v3/objects/contacts/batch/read':
        return batchRead(body);
      case 'GET /crm/v3/owners':
        return listOwners(url);
      case 'GET /account-info/v3/details':
        return { status: 200, body: { portalId: options.portalId ?? 2_519_445, accountType: 'STANDARD', timeZone: 'Asia/Tokyo', companyCurrency: 'JPY', additionalCurrencies: [], utcOffset: '+09:00', utcOffsetMilliseconds: 32_400_000, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' } };
      case 'POST /crm/v3/objects/notes':
        return createNote(body);
      case 'POST /crm/v3/objects/notes/search':
        return searchNotes(body);
      case 'PATCH /crm/v3/objects/contacts/{id}':
        return patchContact(url.pathname.split('/').at(-1)!, body);
      default:
        return problem(404, 'OBJECT_NOT_FOUND', `No route ${key}.`);
    }
  }

  function searchContacts(body: Record<string, unknown>): Answer {
    const limit = Number(body.limit ?? 10);
    const offset = Number(body.after ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return problem(400, 'VALIDATION_ERROR', 'limit must be between 1 and 200.');
    // HubSpot answers a page at or beyond the cap with a 400.
    if (!Number.isInteger(offset) || offset < 0 || offset >= searchCap) return problem(400, 'VALIDATION_ERROR', `Search results are limited to ${searchCap} records.`);
    stats.searches.push({ limit, after: offset });
    const sorts = (body.sorts as { propertyName: string; direction?: string }[] | undefined) ?? [];
    if (sorts.length > 1) return problem(400, 'VALIDATION_ERROR', 'Only one sort is allowed.');
    let matching = [...contacts.values()].filter((contact) => matchesGroups(contact.properties, body.filterGroups));
    const sort = sorts[0];
    // Ties keep the record id order: HubSpot promises no tie order, and the client must not rely on one.
    matching.sort((a, b) => Number(a.id) - Number(b.id));
    if (sort) matching = matching.sort((a, b) => compare(a.properties[sort.propertyName], b.properties[sort.propertyName]) * (sort.direction === 'DESCENDING' ? -1 : 1));
    const page = matching.slice(offset, offset + limit);
    const next = offset + limit < matching.length ? { paging: { next: { after: String(offset + limit), link: `?after=${offset + limit}` } } } : {};
    return { status: 200, body: { total: matching.length, results: page.map((contact) => wire(contact, body.properties)), ...next } };
  }

  function batchRead(body: Record<string, unknown>): Answer {
    const inputs = (body.inputs as { id: string }[] | undefined) ?? [];
    if (inputs.length > 100) return problem(400, 'VALIDATION_ERROR', 'Batch read accepts at most 100 inputs.');
    if (body.idProperty !== 'email') return problem(400, 'VALIDATION_ERROR', 'This fake reads contacts by email only.');
    const found = inputs.map(({ id }) => [id, [...contacts.values()].find((contact) => contact.properties.email?.toLowerCase() === id.toLowerCase())] as const);
    const missing = found.filter(([, contact]) => !contact).map(([id]) => id);
    const results = found.flatMap(([, contact]) => (contact ? [wire(contact, body.properties)] : []));
    const times = { startedAt: new Date().toISOString(), completedAt: new Date().toISOString() };
    if (missing.length === 0) return { status: 200, body: { status: 'COMPLETE', results, ...times } };
    const errors = [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.', context: { ids: missing } }];
    return { status: 207, body: { status: 'COMPLETE', results, numErrors: 1, errors, ...times } };
  }

  function listOwners(url: URL): Answer {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('after') ?? 0);
    const page = owners.slice(offset, offset + limit).map((owner, n) => ({ ...owner, type: 'PERSON', firstName: `Owner`, lastName: String(n), userId: 9_000 + n, archived: false }));
    const next = offset + limit < owners.length ? { paging: { next: { after: String(offset + limit) } } } : {};
    return { status: 200, body: { results: page, ...next } };
  }

  function createNote(body: Record<string, unknown>): Answer {
    const properties = (body.properties as Record<string, string> | undefined) ?? {};
    if (!properties.hs_timestamp) return problem(400, 'VALIDATION_ERROR', 'Property values were not valid: hs_timestamp is required.');
    const associations = (body.associations as { to: { id: string }; types: { associationCategory: string; associationTypeId: number }[] }[] | undefined) ?? [];
    const toContacts = associations.filter((association) => association.types.some((type) => type.associationCategory === 'HUBSPOT_DEFINED' && type.associationTypeId === 202));
    const unknown = toContacts.find((association) => !contacts.has(association.to.id));
    if (unknown) return problem(400, 'VALIDATION_ERROR', `No contact ${unknown.to.id} to associate the note with.`);
    const note = { id: String(80_000 + notes.length), properties, contactIds: toContacts.map((association) => association.to.id) };
    notes.push(note);
    return { status: 201, body: { id: note.id, properties, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), archived: false } };
  }

  function searchNotes(body: Record<string, unknown>): Answer {
    const matching = notes.filter((note) => matchesGroups(note.properties, body.filterGroups));
    const results = matching.slice(0, Number(body.limit ?? 10)).map((note) => ({ id: note.id, properties: note.properties, archived: false }));
    return { status: 200, body: { total: matching.length, results } };
  }

  function patchContact(id: string, body: Record<string, unknown>): Answer {
    const contact = contacts.get(id);
    if (!contact) return problem(404, 'OBJECT_NOT_FOUND', 'resource not found');
    const properties = (body.properties as Record<string, string> | undefined) ?? {};
    const status = properties.hs_lead_status;
    if (status !== undefined && !LEAD_STATUSES.includes(status)) {
      return problem(400, 'VALIDATION_ERROR', `Property values were not valid: ${status} was not one of the allowed options for hs_lead_status.`);
    }
    patches.push({ contactId: id, properties });
    Object.assign(contact.properties, properties, { lastmodifieddate: new Date(now()).toISOString() });
    return { status: 200, body: wire(contact, undefined) };
  }

  function wire(contact: FakeContact, asked: unknown) {
    const names = Array.isArray(asked) ? (asked as string[]) : DEFAULT_SEARCH_PROPERTIES;
    const properties = Object.fromEntries(names.map((name) => [name, name === 'hs_object_id' ? contact.id : (contact.properties[name] ?? null)]));
    return { id: contact.id, properties, createdAt: contact.properties.createdate ?? '2026-01-01T00:00:00.000Z', updatedAt: contact.properties.lastmodifieddate, archived: false };
  }

  const baseUrl = await listenOnLoopback(server);
  return {
    baseUrl,
    token,
    contacts,
    notes,
    patches,
    stats,
    /** Every request (or only those to `route`, e.g. 'POST /crm/v3/objects/notes') meets this fault until cleared with null. */
    force(fault: HubSpotFault | null, route?: string) {
      forced = fault ? { fault, route } : null;
    },
    close: () => closeServer(server),
  };
}

/** "PATCH /crm/v3/objects/contacts/{id}": the method and the path with its record id generalised. */
function routeOf(method: string, url: URL): string {
  return `${method} ${url.pathname.replace(/\/\d+$/, '/{id}')}`;
}

/** Filter groups OR'd, filters in a group AND'd, with the operators the client uses. */
function matchesGroups(properties: Record<string, string | null | undefined>, groups: unknown): boolean {
  const list = (groups as { filters: Filter[] }[] | undefined) ?? [];
  if (list.length === 0) return true;
  return list.some((group) => group.filters.every((filter) => matches(properties[filter.propertyName ?? ''], filter)));
}

function matches(value: string | null | undefined, filter: Filter): boolean {
  switch (filter.operator) {
    case 'EQ':
      return value != null && compare(value, filter.value) === 0;
    case 'GTE':
      return value != null && compare(value, filter.value) >= 0;
    case 'IN':
      return value != null && (filter.values ?? []).some((candidate) => candidate.toLowerCase() === value.toLowerCase());
    case 'CONTAINS_TOKEN': {
      // Whole words, not substrings: the body's text split on white space, tags removed.
      const tokens = (value ?? '').replace(/<[^>]*>/g, ' ').toLowerCase().split(/\s+/);
      return tokens.includes((filter.value ?? '').toLowerCase());
    }
    default:
      return false;
  }
}

/** Dates compare as instants (ISO-8601 or epoch-ms text), numbers as numbers, the rest as text. */
function compare(a: string | null | undefined, b: string | null | undefined): number {
  const asNumber = (text: string | null | undefined) => (text == null ? Number.NaN : /^\d+$/.test(text) ? Number(text) : Date.parse(text));
  const [x, y] = [asNumber(a), asNumber(b)];
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

function breakFirstContact(body: unknown) {
  const results = (body as { results?: { properties: Record<string, unknown> }[] } | null)?.results;
  if (results && results.length > 0) results[0] = { ...results[0]!, properties: { ...results[0]!.properties, hubspotscore: 'high' } };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers }).end(JSON.stringify(body));
}

// Built from HubSpot's documentation as cited at the end of lib/sources/hubspot/source.ts and client.ts: the CRM search guide
// (limit <= 200, `after` paging, 10,000-result cap answered with 400, one sort, default properties), batch
// read by idProperty with 207 + OBJECT_NOT_FOUND errors, GET /crm/v3/owners, GET /account-info/v3/details,
// notes create (hs_timestamp required, association type 202) and search, the error body shape and 429's
// policyName body as reported in HubSpot's client libraries' issue threads.
