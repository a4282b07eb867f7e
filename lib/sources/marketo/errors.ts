// Marketo's answers that are not results, as SourceErrors of the kind the retry logic needs, in words
// that say what to do: 603 names the permission the call needs, 1006 the field to create, 606 and 607
// carry their waits. Marketo answers most errors with HTTP 200 and success: false.
import { z } from 'zod';
import { parseRetryAfter } from '../http';
import { SourceError, type SourceErrorKind } from '../source';

/** Marketo allows 100 calls per 20 s and sends no Retry-After: the window is the wait. */
export const RATE_WINDOW_MS = 20_000;
const DAY = 86_400_000;

/** The calls LeadLens makes, each with the time-out Adobe documents for it. */
export const MARKETO_TIMEOUTS = {
  identity: 30_000, // not documented; the REST default
  pagingToken: 300_000,
  activities: 30_000,
  activityTypes: 30_000,
  customActivities: 90_000,
  leadsByFilter: 60_000,
  syncLeads: 90_000,
  describe: 30_000,
};
export type MarketoEndpoint = keyof typeof MARKETO_TIMEOUTS;

/** The role permission each call needs, the least of those Adobe lists for it. */
const PERMISSION: Record<MarketoEndpoint, string | undefined> = {
  identity: undefined,
  pagingToken: 'Read-Only Activity',
  activities: 'Read-Only Activity',
  activityTypes: 'Read-Only Activity',
  customActivities: 'Read-Write Activity',
  leadsByFilter: 'Read-Only Lead',
  syncLeads: 'Read-Write Lead',
  describe: 'Read-Only Lead',
};

export function endpointOf(method: string, path: string): MarketoEndpoint {
  const [pathname = '', query = ''] = path.split('?');
  if (pathname.startsWith('/identity/')) return 'identity';
  const byPath: Record<string, MarketoEndpoint> = {
    '/rest/v1/activities/pagingtoken.json': 'pagingToken',
    '/rest/v1/activities.json': 'activities',
    '/rest/v1/activities/types.json': 'activityTypes',
    '/rest/v1/activities/external.json': 'customActivities',
    '/rest/v1/leads/describe2.json': 'describe',
  };
  if (pathname === '/rest/v1/leads.json') return method === 'GET' || new URLSearchParams(query).get('_method') === 'GET' ? 'leadsByFilter' : 'syncLeads';
  return byPath[pathname] ?? 'describe';
}

/** A SourceError that keeps Marketo's code, and the permission the call needed. */
export class MarketoApiError extends SourceError {
  constructor(message: string, kind: SourceErrorKind, retryAfterMs: number | undefined, readonly code: string, readonly permission?: string) {
    super(message, kind, retryAfterMs);
  }
}

const AUTH_HINT = 'Check the Marketo client ID and secret in LeadLens options.';

export function apiError(code: string, message: string, now: number, endpoint: MarketoEndpoint): MarketoApiError {
  const said = `${code} ${message}`.trim();
  const error = (text: string, kind: SourceErrorKind, retryAfterMs?: number) => new MarketoApiError(text, kind, retryAfterMs, code, PERMISSION[endpoint]);
  switch (code) {
    case '601':
    case '602':
      return error(`Marketo refused LeadLens's access token twice (${said}). ${AUTH_HINT}`, 'auth');
    case '603':
      return error(`Marketo denied access (${said}): the API user's role needs the ${PERMISSION[endpoint] ?? 'right'} permission (Admin > Users & Roles > Roles), or the instance's IP allowlist for API access leaves this browser out.`, 'auth');
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
      return error(missingField(said, message), 'rejected');
    default:
      return error(`Marketo refused the request (${said}).`, 'rejected');
  }
}

/** 1006 "Field '%s' not found", with what to do about it. */
export function missingField(said: string, message: string): string {
  const field = /Field '([^']+)'/.exec(message)?.[1];
  const what = field ? `no lead field ${field}` : 'a field LeadLens asked for';
  return `Marketo has ${what} (${said}). Create it, or name the field you use in LeadLens options (Field names); Test connection lists every field LeadLens needs.`;
}

/** The daily quota resets at 00:00 US Central time; the wait is measured on that wall clock. */
export function msUntilQuotaReset(now: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  return DAY - (((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + (now % 1000));
}

const IdentityError = z.object({ error: z.string(), error_description: z.string().optional() });

export function httpError(status: number, retryAfter: string | null, text: string, endpoint: string): SourceError {
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

// Written against Adobe's Marketo Engage developer documentation (experienceleague.adobe.com/en/docs/
// marketo-developer/marketo/rest/..., source in github.com/AdobeDocs/marketo-developer.en):
// - Error Codes: 6xx/7xx response-level errors come with HTTP 200 and success: false; 601 token
//   invalid, 602 expired, 603 access denied ("Additional permissions may need to be assigned to the
//   user role, or Allowlist for IP-Based API Access may be enabled"), 604 time-out, 606 rate (100 calls
//   / 20 s), 607 daily quota (resets 12:00AM CST), 608 unavailable, 611 system error, 615 concurrency
//   (10); record-level 1004 lead not found, 1006 "Field '%s' not found"; identity 401 on bad client
//   credentials. Codes that refuse a call do not count toward the quota or the rate limit.
// - Custom Services, Permission List (Read-Only Activity: retrieve lead activities; Read-Write
//   Activity: retrieve and create them; Read-Only Lead; Read-Write Lead: retrieve, create, update),
//   and the API reference's "Required Permissions" for each endpoint (help/rest-api/assets/swagger-mapi.json).
// - Time-outs: Activities endpoints 30 s, Get Paging Token 300 s, Add Custom Activity 90 s (activities.md,
//   "Timeouts"); Leads endpoints 30 s, Sync Leads 90 s, Get Leads by Filter Type 60 s (leads.md, "Timeouts").
