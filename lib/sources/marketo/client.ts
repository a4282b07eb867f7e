// The Marketo Engage REST client: the OAuth client-credentials access token (cached, shared, renewed),
// one call that unwraps Marketo's { success, result | errors } envelope under the time-out Adobe
// documents for that endpoint, and calls that wait out rate limits on a run's budget. What the errors
// mean is in errors.ts; what the calls are for: sync.ts, leads.ts, write-back.ts, check.ts.
import { z } from 'zod';
import { parse } from '../../domain/model';
import { createWaits, REAL_PAUSES, type Pauses, type WaitPolicy } from '../rate-waits';
import { fetchText, SourceError } from '../source';
import { apiError, endpointOf, httpError, MarketoApiError, MARKETO_TIMEOUTS, missingField, type MarketoEndpoint } from './errors';

export { MarketoApiError, msUntilQuotaReset, RATE_WINDOW_MS, MARKETO_TIMEOUTS, type MarketoEndpoint } from './errors';

/** A token is renewed this long before Marketo says it expires. */
const TOKEN_MARGIN_MS = 60_000;

export interface MarketoClientOptions {
  /** The REST endpoint, e.g. https://123-ABC-456.mktorest.com; the identity service is at {baseUrl}/identity. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  now: () => number;
  fetch?: typeof fetch;
  /** One time-out for every call, overriding the documented ones: for tests. */
  timeoutMs?: number;
  /** Time-outs by endpoint; Adobe's documented ones (MARKETO_TIMEOUTS) for any left out. */
  timeouts?: Partial<Record<MarketoEndpoint, number>>;
  /** How rate-limit waits are slept: real timers unless a test or the team-scale bench drives time. */
  pauses?: Pauses;
}

const ApiError = z.object({ code: z.union([z.string(), z.number()]).transform(String), message: z.string().default('') });
const Envelope = z.discriminatedUnion('success', [
  z.object({ success: z.literal(true), result: z.array(z.unknown()).default([]), moreResult: z.boolean().optional(), nextPageToken: z.string().optional() }),
  z.object({ success: z.literal(false), errors: z.array(ApiError).min(1) }),
]);
type Success = Extract<z.infer<typeof Envelope>, { success: true }>;
const TokenBody = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().nonnegative() });
const RecordResult = z.object({ id: z.number().optional(), status: z.string(), reasons: z.array(ApiError).optional(), errors: z.array(ApiError).optional() });

export function createMarketoClient(options: MarketoClientOptions) {
  const { now, fetch: send = globalThis.fetch, pauses = REAL_PAUSES } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutOf = (endpoint: MarketoEndpoint) => options.timeoutMs ?? options.timeouts?.[endpoint] ?? MARKETO_TIMEOUTS[endpoint];

  /** One exchange over HTTP: the parsed envelope of a 200, a SourceError for anything else. */
  async function exchange(method: 'GET' | 'POST', path: string, init: { body?: string; contentType?: string; token?: string }): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.contentType) headers['content-type'] = init.contentType;
    const timeoutMs = timeoutOf(endpointOf(method, path));
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
      throw apiError(first!.code, first!.message, now(), endpointOf(method, path));
    }
  }

  /** Calls that share one budget of rate-limit waits: one per sync run, say. */
  function waiting(policy: WaitPolicy): MarketoCall {
    const waits = createWaits(policy, pauses);
    return (method, path, body) => waits.run(() => call(method, path, body));
  }

  return { base, call, waiting };
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
  const found = [...(parsed.value.reasons ?? []), ...(parsed.value.errors ?? [])];
  const reasons = found.map(({ code, message }) => `${code} ${message}`);
  const unknownField = found.find(({ code }) => code === '1006');
  const text = unknownField ? missingField(`1006 ${unknownField.message}`, unknownField.message) : `Marketo would not ${what} (${reasons.join('; ') || 'skipped'}).`;
  throw new MarketoApiError(text, 'rejected', undefined, found[0]?.code ?? '');
}

// Written against Adobe's Marketo Engage developer documentation (experienceleague.adobe.com/en/docs/
// marketo-developer/marketo/rest/..., source in github.com/AdobeDocs/marketo-developer.en):
// - Authentication: GET {Identity URL}/oauth/token?grant_type=client_credentials&client_id=&client_secret=
//   -> access_token, token_type, expires_in (remaining life, 3600 s when new), scope; send it as
//   "Authorization: Bearer" (the access_token query parameter is being removed); 601/602 re-authenticate.
// - Error Codes: record-level status "skipped" with reasons (1004 lead not found, 1006 field not
//   found); 414 above 8 KB of URI (retry as POST with _method=GET). The codes themselves: errors.ts.
// - Time-outs by endpoint (activities.md and leads.md, "Timeouts"): cited in errors.ts.
