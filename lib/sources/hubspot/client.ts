// The HubSpot CRM v3 client: one call that sends a private app's access token (Bearer), parses the
// answer with the schema the caller gives, and turns HTTP failures into SourceErrors of the kind the
// retry logic needs: a 403 names the scope HubSpot says is missing, a 429 carries the wait of the
// policy it names, and `waiting` gives calls that wait such windows out on a run's budget.
import { z } from 'zod';
import { parse } from '../../domain/model';
import { parseRetryAfter } from '../http';
import { createWaits, REAL_PAUSES, type Pauses, type WaitPolicy } from '../rate-waits';
import { DEFAULT_BASE_URLS, fetchText, SourceError, type SourceErrorKind } from '../source';

/** The private app's scopes LeadLens needs: read and write contacts (notes go with them), read owners. */
export const SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read'];

/** Without Retry-After, wait out the window the 429's policyName names (SECONDLY: the search limit). */
const POLICY_WAIT_MS: Record<string, number> = { SECONDLY: 1000, TEN_SECONDLY_ROLLING: 10_000, DAILY: 3_600_000 };

const Detail = z.object({ code: z.string().optional(), context: z.record(z.string(), z.unknown()).optional() });
const ErrorBody = z.object({
  message: z.string().optional(),
  category: z.string().optional(),
  policyName: z.string().optional(),
  errors: z.array(Detail).optional(),
});

export interface HubSpotClientOptions {
  token: string;
  /** https://api.hubapi.com unless a test points it at a fake. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** How rate-limit waits are slept: real timers unless a test or the team-scale bench drives time. */
  pauses?: Pauses;
}

/** A SourceError with what HubSpot said: its category, and for MISSING_SCOPES the scopes that would do. */
export class HubSpotApiError extends SourceError {
  constructor(
    message: string,
    kind: SourceErrorKind,
    retryAfterMs: number | undefined,
    readonly status: number,
    readonly category: string | undefined,
    readonly scopes: string[],
  ) {
    super(message, kind, retryAfterMs);
  }
}

export type HubSpotCall = <S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown) => Promise<z.infer<S>>;

export function createHubSpotClient(options: HubSpotClientOptions) {
  const { token, fetch: send = globalThis.fetch, timeoutMs = 15_000, pauses = REAL_PAUSES } = options;
  const base = (options.baseUrl ?? DEFAULT_BASE_URLS.hubspot!).replace(/\/+$/, '');

  /** One request with the token: the answer parsed by `schema`, a SourceError for anything else. */
  const call: HubSpotCall = async (method, path, schema, body) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
    const { response, text } = await fetchText(send, `${base}${path}`, init, timeoutMs, 'HubSpot');
    if (!response.ok) throw errorFor(response.status, response.headers.get('retry-after'), text);
    const endpoint = `${method} ${path.split('?')[0]}`;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SourceError(`HubSpot answered ${endpoint} with something that is not JSON.`, 'bad_response');
    }
    const parsed = parse(schema, `Answer to ${endpoint}`, json);
    if (!parsed.ok) throw new SourceError(`HubSpot's answer was not as documented: ${parsed.error.message}`, 'bad_response');
    return parsed.value;
  };

  /** Calls that share one budget of rate-limit waits: one per sync run, say. */
  function waiting(policy: WaitPolicy): HubSpotCall {
    const waits = createWaits(policy, pauses);
    return (method, path, schema, body) => waits.run(() => call(method, path, schema, body));
  }

  return { call, waiting, token };
}

function errorFor(status: number, retryAfter: string | null, text: string): HubSpotApiError {
  let body: z.infer<typeof ErrorBody> = {};
  try {
    body = ErrorBody.parse(JSON.parse(text));
  } catch {
    // Not HubSpot's error shape (a proxy's page, say): the status says enough.
  }
  const said = `${status}${body.category ? ` ${body.category}` : ''}${body.message ? `: ${body.message}` : ''}`;
  const scopes = missingScopes(body);
  const error = (message: string, kind: SourceErrorKind, retryAfterMs?: number) => new HubSpotApiError(message, kind, retryAfterMs, status, body.category, scopes);
  if (status === 401) {
    return error(`HubSpot refused the access token (${said}). Check the HubSpot token in LeadLens options.`, 'auth');
  }
  if (status === 403) {
    const lacking = scopes.length > 0 ? `the scope ${scopes.join(' or ')}` : 'a permission';
    return error(`HubSpot's token lacks ${lacking} (${said}). LeadLens needs the scopes ${SCOPES.join(', ')}: add them to the service key or private app in HubSpot, then save its token in LeadLens options.`, 'auth');
  }
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (status === 429) {
    const wait = retryAfterMs ?? POLICY_WAIT_MS[body.policyName ?? ''] ?? POLICY_WAIT_MS.SECONDLY;
    const policy = body.policyName ? ` ${body.policyName}` : '';
    return error(`HubSpot asked LeadLens to slow down (429${policy}${body.message ? `: ${body.message}` : ''}).`, 'rate_limited', wait);
  }
  if (status >= 500 || status === 408) return error(`HubSpot is unavailable for now (${said}).`, 'unavailable', retryAfterMs);
  return error(`HubSpot refused the request (${said}).`, 'rejected');
}

/** The scopes a MISSING_SCOPES answer names, under any of the names HubSpot's bodies use for them. */
function missingScopes(body: z.infer<typeof ErrorBody>): string[] {
  if (body.category !== 'MISSING_SCOPES') return [];
  const named = (body.errors ?? []).flatMap((detail) => ['requiredGranularScopes', 'requiredScopes', 'missingScopes'].flatMap((key) => detail.context?.[key] ?? []));
  return [...new Set(named.filter((scope): scope is string => typeof scope === 'string'))];
}

// Written against HubSpot's developer documentation:
// - Authentication, private apps (Bearer access token; the token's scopes from POST
//   /oauth/v2/private-apps/get/access-token-info): https://developers.hubspot.com/docs/api/private-apps
// - Errors { status, message, correlationId, category, errors[].context }, 401, 403 MISSING_SCOPES, 429:
//   https://developers.hubspot.com/docs/api-reference/error-handling
// - Limits (per private app 100 requests per 10 s, 190 on Professional and Enterprise; CRM search 5 per
//   second per account; 429 with policyName, e.g. TEN_SECONDLY_ROLLING, DAILY; Retry-After is not
//   promised): https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines and
//   changelog "Increasing our API limits"
