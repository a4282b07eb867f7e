// The HubSpot CRM v3 client: one call that sends a private app's access token (Bearer), parses the
// answer with the schema the caller gives, and turns HTTP failures into SourceErrors of the kind the
// retry logic needs, with 429s waiting out the rate-limit policy HubSpot names. What the calls are for
// (sync, lookup, delivery) is in hubspot.ts.
import { z } from 'zod';
import { parse } from '../../domain/model';
import { parseRetryAfter } from '../http';
import { DEFAULT_BASE_URLS, fetchText, SourceError } from '../source';

/** The private app's scopes LeadLens needs; a 403 names them so the user can grant them. */
export const SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read'];

/** Without Retry-After, wait out the window the 429's policyName names. */
const POLICY_WAIT_MS: Record<string, number> = { SECONDLY: 1000, TEN_SECONDLY_ROLLING: 10_000, DAILY: 3_600_000 };

const ErrorBody = z.object({ message: z.string().optional(), category: z.string().optional(), policyName: z.string().optional() });

export interface HubSpotClientOptions {
  token: string;
  /** https://api.hubapi.com unless a test points it at a fake. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type HubSpotCall = ReturnType<typeof createHubSpotClient>['call'];

export function createHubSpotClient(options: HubSpotClientOptions) {
  const { token, fetch: send = globalThis.fetch, timeoutMs = 15_000 } = options;
  const base = (options.baseUrl ?? DEFAULT_BASE_URLS.hubspot!).replace(/\/+$/, '');

  /** One request with the token: the answer parsed by `schema`, a SourceError for anything else. */
  async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
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
  }

  return { call };
}

function errorFor(status: number, retryAfter: string | null, text: string): SourceError {
  let body: z.infer<typeof ErrorBody> = {};
  try {
    body = ErrorBody.parse(JSON.parse(text));
  } catch {
    // Not HubSpot's error shape (a proxy's page, say): the status says enough.
  }
  const said = `${status}${body.category ? ` ${body.category}` : ''}${body.message ? `: ${body.message}` : ''}`;
  if (status === 401) {
    return new SourceError(`HubSpot refused the private app access token (${said}). Check the HubSpot token in LeadLens options.`, 'auth');
  }
  if (status === 403) {
    const scopes = SCOPES.join(', ');
    return new SourceError(`HubSpot's private app token lacks a permission (${said}). Give the private app the scopes ${scopes}, then save its token in LeadLens options.`, 'auth');
  }
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (status === 429) {
    const wait = retryAfterMs ?? POLICY_WAIT_MS[body.policyName ?? ''] ?? POLICY_WAIT_MS.SECONDLY;
    const policy = body.policyName ? ` ${body.policyName}` : '';
    return new SourceError(`HubSpot asked LeadLens to slow down (429${policy}${body.message ? `: ${body.message}` : ''}).`, 'rate_limited', wait);
  }
  if (status >= 500 || status === 408) return new SourceError(`HubSpot is unavailable for now (${said}).`, 'unavailable', retryAfterMs);
  return new SourceError(`HubSpot refused the request (${said}).`, 'rejected');
}

// Written against HubSpot's developer documentation:
// - Authentication, private apps (Bearer access token): https://developers.hubspot.com/docs/api/private-apps
// - Errors { status, message, correlationId, category, errors }, 401/403/429:
//   https://developers.hubspot.com/docs/api-reference/error-handling
// - Limits (burst per 10 s, daily; 429 with policyName, e.g. TEN_SECONDLY_ROLLING, DAILY; Retry-After is not
//   promised): https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
