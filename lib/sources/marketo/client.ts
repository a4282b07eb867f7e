// The Marketo Engage REST client: the OAuth client-credentials access token (cached, shared, renewed),
// one call that unwraps Marketo's { success, result | errors } envelope, and the mapping of error codes,
// HTTP statuses and network failures to SourceErrors of the kind the retry logic needs. Marketo answers
// most errors with HTTP 200 and success: false. What the calls are for: sync.ts, leads.ts, write-back.ts.
import { z } from 'zod';
import { parse } from '../../domain/model';
import { parseRetryAfter } from '../http';
import { fetchText, SourceError, type SourceErrorKind } from '../source';

/** Marketo allows 100 calls per 20 s and sends no Retry-After: the window is the wait. */
export const RATE_WINDOW_MS = 20_000;
const DAY = 86_400_000;
/** A token is renewed this long before Marketo says it expires. */
const TOKEN_MARGIN_MS = 60_000;

export interface MarketoClientOptions {
  /** The REST endpoint, e.g. https://123-ABC-456.mktorest.com; the identity service is at {baseUrl}/identity. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  now: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
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

export function createMarketoClient(options: MarketoClientOptions) {
  const { now, fetch: send = globalThis.fetch, timeoutMs = 30_000 } = options;
  const base = options.baseUrl.replace(/\/+$/, '');

  /** One exchange over HTTP: the parsed envelope of a 200, a SourceError for anything else. */
  async function exchange(method: 'GET' | 'POST', path: string, init: { body?: string; contentType?: string; token?: string }): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.contentType) headers['content-type'] = init.contentType;
    const { response, text } = await fetchText(send, `${base}${path}`, { method, headers, body: init.body }, timeoutMs, `Marketo at ${base}`);
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

  return { base, call };
}

/** One REST call with the shared access token: what the sync, the lead reads and the write-back send. */
export type MarketoCall = ReturnType<typeof createMarketoClient>['call'];

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

/** The one record of a write: skipped (1004 lead not found, say) will be skipped again. */
export function recordResult(body: Success, what: string): z.infer<typeof RecordResult> {
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
