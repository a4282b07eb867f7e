// A Lead Context API on 127.0.0.1, as DESIGN.md documents it, with faults on demand: a real HTTP
// server, so the client's headers, time-outs and socket handling are exercised for real.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../../lib/sources/demo';

export type Fault = 'none' | 'error500' | 'unavailable503' | 'rateLimited429' | 'slow' | 'drop' | 'dropAfterEffect' | 'notJson';

export interface FakeOptions {
  token?: string;
  /** Records served by /v1/changes and /v1/leads, in wire form (ISO times), any shape. */
  records?: { leads?: unknown[]; touches?: unknown[]; handoffs?: unknown[]; deleted?: unknown[] };
  /** Chance that a request meets a fault, and which faults; drawn from a seeded generator. */
  faultRate?: number;
  faults?: Fault[];
  seed?: number;
  /** How long a "slow" answer takes. */
  slowMs?: number;
  retryAfterSeconds?: number;
}

export interface Effect {
  key: string;
  path: string;
  body: unknown;
}

export async function startFakeLeadContextApi(options: FakeOptions = {}) {
  const { token = 'test-token', faultRate = 0, faults = [], slowMs = 500, retryAfterSeconds = 1 } = options;
  const random = mulberry32(options.seed ?? 1);
  const records = { leads: [], touches: [], handoffs: [], deleted: [], ...options.records };
  const stream = [
    ...records.leads.map((record) => ['leads', record] as const),
    ...records.touches.map((record) => ['touches', record] as const),
    ...records.handoffs.map((record) => ['handoffs', record] as const),
    ...records.deleted.map((record) => ['deleted', record] as const),
  ];
  /** Writes that took effect, once per idempotency key. */
  const effects: Effect[] = [];
  const seenKeys = new Map<string, number>();
  const stats = { requests: 0, faults: 0, repeats: 0 };
  let forcedFault: Fault | null = null;

  const server = createServer(async (request, response) => {
    stats.requests++;
    const body = await readBody(request);
    const fault: Fault = forcedFault ?? (faults.length > 0 && random() < faultRate ? faults[Math.floor(random() * faults.length)]! : 'none');
    if (fault !== 'none') stats.faults++;
    if (fault === 'drop') return request.socket.destroy();
    if (fault === 'error500') return json(response, 500, { error: { code: 'internal', message: 'Something broke' } });
    if (fault === 'unavailable503') return json(response, 503, { error: { code: 'unavailable', message: 'Down for maintenance' } }, retryAfterSeconds);
    if (fault === 'rateLimited429') return json(response, 429, { error: { code: 'rate_limited', message: 'Too many requests' } }, retryAfterSeconds);
    if (fault === 'notJson') return response.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy error</html>');
    if (request.headers.authorization !== `Bearer ${token}`) {
      return json(response, 401, { error: { code: 'unauthorized', message: 'Invalid API token' } });
    }
    const url = new URL(request.url ?? '/', 'http://fake');
    const answer = route(request.method ?? 'GET', url, body, request.headers['idempotency-key']);
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
    if (fault === 'dropAfterEffect') return request.socket.destroy();
    if (!response.destroyed) json(response, answer.status, answer.body);
  });

  function route(method: string, url: URL, body: string, key: string | string[] | undefined): { status: number; body: unknown } {
    if (method === 'GET' && url.pathname === '/v1/changes') {
      const offset = Number(url.searchParams.get('cursor')?.replace('c', '') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 1000);
      const page = stream.slice(offset, offset + limit);
      const pick = (kind: string) => page.filter(([k]) => k === kind).map(([, record]) => record);
      const next = offset + page.length;
      return {
        status: 200,
        body: { leads: pick('leads'), touches: pick('touches'), handoffs: pick('handoffs'), deleted: pick('deleted'), nextCursor: `c${next}`, hasMore: next < stream.length },
      };
    }
    if (method === 'GET' && url.pathname === '/v1/leads') {
      const emails = url.searchParams.getAll('email');
      if (emails.length > 100) return { status: 400, body: { error: { code: 'too_many', message: 'At most 100 addresses' } } };
      const leads = records.leads.filter((lead) => emails.includes((lead as { email?: string }).email ?? ''));
      return { status: 200, body: { leads } };
    }
    const write = /^\/v1\/(feedback|handoffs\/[^/]+\/(accept|contacted|reject))$/.exec(url.pathname);
    if (method === 'POST' && write) {
      if (typeof key !== 'string' || !key) return { status: 400, body: { error: { code: 'no_key', message: 'Idempotency-Key required' } } };
      if (seenKeys.has(key)) {
        stats.repeats++;
        return { status: 200, body: { id: seenKeys.get(key) } };
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return { status: 400, body: { error: { code: 'bad_json', message: 'Body is not JSON' } } };
      }
      effects.push({ key, path: url.pathname, body: parsed });
      seenKeys.set(key, effects.length);
      return { status: 201, body: { id: effects.length } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: `No route ${method} ${url.pathname}` } } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    effects,
    stats,
    /** Every request meets this fault until cleared with null. */
    force(fault: Fault | null) {
      forcedFault = fault;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', () => resolve(text));
  });
}

function json(response: ServerResponse, status: number, body: unknown, retryAfterSeconds?: number) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  response.writeHead(status, headers).end(JSON.stringify(body));
}

// Built from the contract in DESIGN.md, "The Lead Context API".
