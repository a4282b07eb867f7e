// The outbox's promise under stress: every click reaches marketing once, through faults of every
// kind and a worker killed again and again. The whole schedule (time, faults, kills, jitter) comes
// from seeded streams, and nothing waits on a clock or a socket, so a seed always plays out the same.
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie, type DBCoreTable, type DBCoreTransaction } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import type { OutboxItem, OutboxPayload } from '../../../lib/domain/model';
import { deadItems, deliverDue, recordAction } from '../../../lib/background/outbox';
import { mulberry32 } from '../../../lib/sources/demo/source';
import { createHttpSource } from '../../../lib/sources/http';

const FAULTS = ['error500', 'unavailable503', 'rateLimited429', 'slow', 'drop', 'dropAfterEffect'] as const;
type Fault = (typeof FAULTS)[number];

/**
 * The Lead Context API's POST /v1/feedback, in process: the HTTP source reaches it through its
 * `fetch` seam, with no socket and no timer. A write takes effect once per Idempotency-Key (a repeat
 * is answered 200 as a replay); a share of requests meets a fault drawn from the seeded stream, in
 * the order requests arrive, as test/fakes/lead-context-api.ts draws them over real HTTP.
 */
function feedbackApi(seed: number, faultRate: number) {
  const random = mulberry32(seed);
  const effects: { key: string; body: Record<string, unknown> }[] = [];
  const answered = new Set<string>();
  const stats = { requests: 0, faults: 0, byFault: {} as Partial<Record<Fault, number>>, replays: 0 };
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  const socketClosed = () => new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } });

  const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    stats.requests++;
    const fault = random() < faultRate ? FAULTS[Math.floor(random() * FAULTS.length)]! : null;
    if (fault) {
      stats.faults++;
      stats.byFault[fault] = (stats.byFault[fault] ?? 0) + 1;
    }
    if (fault === 'drop') throw socketClosed();
    if (fault === 'rateLimited429') return answer(429, { error: { code: 'rate_limited', message: 'Too many requests.' } }, { 'retry-after': '5' });
    if (fault === 'unavailable503') return answer(503, { error: { code: 'unavailable', message: 'Down for maintenance.' } }, { 'retry-after': '5' });
    if (fault === 'error500') return answer(500, { error: { code: 'internal', message: 'Something broke.' } });
    const key = (init?.headers as Record<string, string>)['idempotency-key']!;
    const replay = answered.has(key);
    if (replay) stats.replays++;
    else {
      answered.add(key);
      effects.push({ key, body: JSON.parse(String(init?.body)) as Record<string, unknown> });
    }
    // The effect happened, but the client never hears of it: its time-out fires first, or the connection drops.
    if (fault === 'slow') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    if (fault === 'dropAfterEffect') throw socketClosed();
    return answer(replay ? 200 : 201, { id: `fb-${effects.length}` });
  };
  return { fetch: fetch as typeof globalThis.fetch, effects, stats };
}

const OPERATIONS = ['get', 'getMany', 'query', 'openCursor', 'count', 'mutate'] as const;

/**
 * A worker's database that dies at its `dieAt`th operation: the transaction it was in is aborted,
 * as a killed worker's is, and that operation never answers, so the run stops there for good.
 */
function mortal(db: LeadLensDb, dieAt: number, kill: () => void): LeadLensDb {
  let operations = 0;
  return db.use({
    stack: 'dbcore',
    name: 'mortal',
    create: (core) => ({
      ...core,
      table(name) {
        const table = core.table(name);
        const gated: Record<string, unknown> = { ...table };
        for (const operation of OPERATIONS) {
          const run = table[operation].bind(table) as (request: { trans: DBCoreTransaction }) => Promise<unknown>;
          gated[operation] = (request: { trans: DBCoreTransaction }) => {
            if (operations++ !== dieAt) return run(request);
            request.trans.abort();
            kill();
            return new Promise(() => {});
          };
        }
        return gated as unknown as DBCoreTable;
      },
    }),
  });
}

type Outcome = 'finished' | 'killed before a request' | 'killed after an effect' | 'killed at a database operation';

/**
 * One wake-up of the worker: a delivery run on a fresh connection. A killed worker stops wherever
 * it is: before a request, after one landed but before it was recorded, or at any database
 * operation, mid-transaction or between two. Its connection dies with it.
 */
async function wakeUp(name: string, send: (item: OutboxItem) => Promise<unknown>, now: number, random: () => number): Promise<Outcome> {
  const roll = random();
  const killAfter = roll < 0.2 ? Math.floor(random() * 20) : Infinity;
  const killLate = random() < 0.5;
  const dieAt = roll > 0.9 ? Math.floor(random() * 100) : Infinity;
  let died!: (how: Outcome) => void;
  const death = new Promise<Outcome>((resolve) => (died = resolve));
  const worker = mortal(new LeadLensDb(name), dieAt, () => die('killed at a database operation'));
  open.push(worker);
  const die = (how: Outcome) => {
    worker.close();
    died(how);
    return new Promise<never>(() => {});
  };
  let started = 0;
  const deliver = async (item: OutboxItem) => {
    const mine = started++;
    if (mine === killAfter && !killLate) return die('killed before a request');
    const result = await send(item);
    if (mine === killAfter && killLate) return die('killed after an effect');
    return result;
  };
  const run = deliverDue(worker, deliver, { now: () => now, random });
  run.catch(() => {}); // a killed run's last writes fail on its closed connection, as they would in a dead worker
  const outcome = await Promise.race([run.then(() => 'finished' as const), death]);
  worker.close();
  return outcome;
}

const names = new Set<string>();
const open: LeadLensDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await Promise.all([...names].map((name) => Dexie.delete(name)));
  names.clear();
});

const feedback = (n: number): OutboxPayload => ({ kind: 'feedback', email: `lead${n}@acme.example.com`, verdict: 'good_lead', reasonCode: 'good_lead' });

describe('deliverDue', () => {
  it('1,000 clicks through 30% faults, with the worker killed again and again, arrive exactly once', async () => {
    const startedAt = performance.now();
    const cpuAtStart = process.cpuUsage();
    const api = feedbackApi(42, 0.3);
    const source = createHttpSource({ baseUrl: 'https://lead-context.example.com', token: 'test-token', fetch: api.fetch });
    const name = `exactly-once-${Math.random()}`;
    names.add(name);
    const db = new LeadLensDb(name); // the test's own view of the database, never killed
    open.push(db);
    let ids = 0;
    for (let n = 0; n < 1000; n++) await recordAction(db, feedback(n), { now: n, newId: () => `id-${++ids}` });

    const random = mulberry32(7);
    let now = 10_000;
    let rounds = 0;
    const outcomes: Partial<Record<Outcome, number>> = {};
    while ((await db.outbox.count()) > 0 && rounds < 3000) {
      rounds++;
      const outcome = await wakeUp(name, (item) => source.deliver(item), now, random);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      now += 61_000 + Math.floor(random() * 300_000);
    }

    const keys = api.effects.map((effect) => effect.key);
    expect(keys).toHaveLength(1000); // 0 duplicates: one effect per key...
    expect(new Set(keys).size).toBe(1000);
    const emails = new Set(api.effects.map((effect) => effect.body.email));
    expect(emails).toEqual(new Set(Array.from({ length: 1000 }, (_, n) => `lead${n}@acme.example.com`))); // ...and per click, 0 lost
    expect(await db.outbox.count()).toBe(0);
    expect(await deadItems(db)).toEqual([]);
    // ...through what the test promises: kills of every kind, 30% faults of every kind, answers lost after the effect.
    expect(api.stats.faults / api.stats.requests).toBeGreaterThan(0.25);
    expect(Object.keys(api.stats.byFault).sort()).toEqual([...FAULTS].sort());
    expect(api.stats.replays).toBeGreaterThan(0);
    // The seeds decide everything: the same run, round for round, on any machine. (A change to what a
    // delivery run does, down to its database operations, plays the seeds out differently: then these move.)
    expect({ rounds, outcomes, requests: api.stats.requests, faults: api.stats.faults, replays: api.stats.replays }).toEqual({
      rounds: 161,
      outcomes: { finished: 140, 'killed before a request': 9, 'killed after an effect': 4, 'killed at a database operation': 8 },
      requests: 1431,
      faults: 424,
      replays: 155,
    });
    const cpu = process.cpuUsage(cpuAtStart);
    console.info(`exactly-once: ${rounds} rounds, ${api.stats.requests} requests, ${Math.round(performance.now() - startedAt)} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU)`);
  }, 20_000);
});
