// The Lead Context API: the generic HTTP source for marketing systems LeadLens has no adapter for.
// Bearer token, JSON, ISO-8601 times; every record is parsed on its own, so one bad record is
// quarantined and the rest of the page is kept.
import { z } from 'zod';
import { Email, Handoff, Lead, parse, Touch, type OutboxItem } from '../model';
import { SourceError, type ChangesPage, type LeadSource, type RejectedRecord } from './source';

const IsoTime = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));
const WireLead = Lead.extend({ updatedAt: IsoTime, qualifiedAt: IsoTime.optional(), scoreRaw: z.number().optional() }).transform(
  (lead) => ({ ...lead, scoreRaw: lead.scoreRaw ?? lead.score }),
);
const WireTouch = Touch.extend({ at: IsoTime });
const WireHandoff = Handoff.extend({
  handedOffAt: IsoTime,
  firstContactDueAt: IsoTime,
  followUpDueAts: z.array(IsoTime).default([]),
  acceptedAt: IsoTime.optional(),
  respondedAt: IsoTime.optional(),
  updatedAt: IsoTime,
});

const ChangesEnvelope = z.object({
  leads: z.array(z.unknown()).default([]),
  touches: z.array(z.unknown()).default([]),
  handoffs: z.array(z.unknown()).default([]),
  deleted: z.array(z.unknown()).default([]),
  nextCursor: z.string().min(1),
  hasMore: z.boolean(),
});
const LeadsEnvelope = z.object({ leads: z.array(z.unknown()) });
const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const MAX_LOOKUP = 100;

export interface HttpSourceOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createHttpSource(options: HttpSourceOptions) {
  const { baseUrl, token, fetch: send = fetch, timeoutMs = 15_000 } = options;
  const base = baseUrl.replace(/\/+$/, '');

  async function request(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<unknown> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let response: Response;
    try {
      response = await send(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new SourceError(
        timedOut
          ? `The Lead Context API at ${base} did not answer within ${timeoutMs / 1000} s.`
          : `Could not reach the Lead Context API at ${base}: ${error instanceof Error ? error.message : String(error)}`,
        'network',
      );
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw errorFor(response, text);
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      throw new SourceError(`The Lead Context API answered ${path} with something that is not JSON.`, 'bad_response');
    }
  }

  function envelope<S extends z.ZodType>(schema: S, path: string, body: unknown): z.infer<S> {
    const parsed = parse(schema, `Answer to ${path}`, body);
    if (!parsed.ok) throw new SourceError(`The Lead Context API's answer was not as documented: ${parsed.error.message}`, 'bad_response');
    return parsed.value;
  }

  const source = {
    id: `http:${base}`,

    async changes(cursor: string | null, limit: number): Promise<ChangesPage> {
      const path = `/v1/changes?${new URLSearchParams({ ...(cursor ? { cursor } : {}), limit: String(limit) })}`;
      const body = envelope(ChangesEnvelope, '/v1/changes', await request('GET', path));
      const rejected: RejectedRecord[] = [];
      return {
        leads: keep(body.leads, WireLead, 'lead', rejected),
        touches: keep(body.touches, WireTouch, 'touch', rejected),
        handoffs: keep(body.handoffs, WireHandoff, 'handoff', rejected),
        deleted: keep(body.deleted, Email, 'deleted', rejected),
        rejected,
        nextCursor: body.nextCursor,
        hasMore: body.hasMore,
      };
    },

    async lookup(emails: string[]) {
      if (emails.length > MAX_LOOKUP) throw new RangeError(`At most ${MAX_LOOKUP} addresses per lookup.`);
      const query = new URLSearchParams(emails.map((email) => ['email', email]));
      const body = envelope(LeadsEnvelope, '/v1/leads', await request('GET', `/v1/leads?${query}`));
      const rejected: RejectedRecord[] = [];
      return { leads: keep(body.leads, WireLead, 'lead', rejected), rejected };
    },

    async deliver(item: OutboxItem): Promise<void> {
      const { payload } = item;
      const at = new Date(item.createdAt).toISOString();
      if (payload.kind === 'feedback') {
        const { kind: _kind, ...feedback } = payload;
        await request('POST', '/v1/feedback', { ...feedback, at }, item.idempotencyKey);
      } else {
        const path = `/v1/handoffs/${encodeURIComponent(payload.handoffId)}/${payload.action}`;
        await request('POST', path, { reasonCode: payload.reasonCode, note: payload.note, at }, item.idempotencyKey);
      }
    },
  } satisfies LeadSource & Record<string, unknown>;
  return source;
}

function keep<S extends z.ZodType>(raws: unknown[], schema: S, kind: RejectedRecord['kind'], rejected: RejectedRecord[]): z.infer<S>[] {
  const kept: z.infer<S>[] = [];
  for (const raw of raws) {
    const parsed = parse(schema, kind, raw);
    if (parsed.ok) kept.push(parsed.value);
    else rejected.push({ kind, reason: parsed.error.message, raw });
  }
  return kept;
}

function errorFor(response: Response, text: string): SourceError {
  let detail = '';
  try {
    const body = ErrorBody.safeParse(JSON.parse(text));
    if (body.success) detail = `: ${body.data.error.message} (${body.data.error.code})`;
  } catch {
    // Not JSON: the status says enough.
  }
  const status = response.status;
  if (status === 401 || status === 403) {
    return new SourceError(`The Lead Context API refused the API token (${status})${detail}. Check the token in LeadLens options.`, 'auth');
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  if (status === 429) return new SourceError(`The Lead Context API asked LeadLens to slow down (429)${detail}.`, 'rate_limited', retryAfterMs);
  if (status >= 500 || status === 408) return new SourceError(`The Lead Context API is unavailable (${status})${detail}.`, 'unavailable', retryAfterMs);
  return new SourceError(`The Lead Context API refused the request (${status})${detail}.`, 'rejected');
}

/** Retry-After in seconds or as an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

// Written against the Lead Context API contract in DESIGN.md ("The Lead Context API"), documented
// for integrators in README.md: GET /v1/leads, GET /v1/changes, POST /v1/feedback,
// POST /v1/handoffs/{id}/accept|contacted|reject with Idempotency-Key; errors { error: { code, message } };
// 429 and 503 carry Retry-After.
