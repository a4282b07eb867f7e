// A rep's click is written locally and queued for marketing in one transaction: if either part
// fails, neither happened. Once queued, it is sent until it lands, under one idempotency key, so a
// retry, a second delivery run or a worker killed mid-request never makes marketing see it twice.
import type { LeadLensDb } from '../cache/db';
import type { OutboxItem, OutboxPayload } from '../domain/model';
import { SourceError } from '../sources/source';
import { errorCodeOf } from '../ui/errors';
import { localEffects, type LocalEffect } from './local-effects';
import { removeDelivered } from './pending-writes';

export interface RecordDeps {
  now: number;
  newId?: () => string;
}

export async function recordAction(db: LeadLensDb, payload: OutboxPayload, deps: RecordDeps): Promise<OutboxItem> {
  const { now, newId = () => crypto.randomUUID() } = deps;
  const item: OutboxItem = { id: newId(), idempotencyKey: newId(), payload, createdAt: now, state: 'queued', attempts: 0, nextAttemptAt: now };
  await db.transaction('rw', [db.leads, db.handoffs, db.outbox, db.feedback], async () => {
    for (const effect of localEffects(payload)) await applyEffect(db, effect, now);
    if (payload.kind === 'handoff_action' && payload.action === 'reject') {
      const handoff = (await db.handoffs.get(payload.handoffId))!; // there: its effect was applied above
      await db.feedback.add({ id: item.id, email: handoff.email, handoffId: handoff.id, reasonCode: payload.reasonCode ?? 'not_a_fit', at: now });
    } else if (payload.kind === 'feedback') {
      const { email, handoffId, verdict, reasonCode } = payload;
      await db.feedback.add({ id: item.id, email, handoffId, verdict, reasonCode, at: now });
    }
    await db.outbox.add(item);
  });
  return item;
}

/** How long a verdict given again, with the same reason, is taken for the same click. */
export const REPEAT_WINDOW_MS = 10 * 60_000;

/**
 * A verdict from the card: queued like any write, unless it repeats the address's latest verdict
 * (same verdict and reason, no new note) given within REPEAT_WINDOW_MS, delivered or not: then
 * nothing new is queued and the answer is that write's id. Another verdict is a change and is sent.
 */
export async function recordVerdict(
  db: LeadLensDb,
  payload: Extract<OutboxPayload, { kind: 'feedback' }>,
  deps: RecordDeps,
): Promise<{ id: string; repeated: boolean }> {
  return db.transaction('rw', [db.leads, db.handoffs, db.outbox, db.feedback], async () => {
    const recent = await db.feedback
      .where('at')
      .aboveOrEqual(deps.now - REPEAT_WINDOW_MS)
      .filter((entry) => entry.email === payload.email && entry.verdict !== undefined)
      .toArray();
    const latest = recent.sort((a, b) => b.at - a.at)[0];
    if (latest && latest.verdict === payload.verdict && latest.reasonCode === payload.reasonCode) {
      const queued = await db.outbox.get(latest.id);
      const sameNote = !payload.note || (queued?.payload.kind === 'feedback' && queued.payload.note === payload.note);
      if (sameNote) return { id: latest.id, repeated: true };
    }
    return { id: (await recordAction(db, payload, deps)).id, repeated: false };
  });
}

const NOUNS = { leads: 'lead', handoffs: 'handoff' } as const;

/** Changes the cached record a write is about; a record the cache does not hold is refused. */
async function applyEffect(db: LeadLensDb, effect: LocalEffect, at: number): Promise<void> {
  const table = db.table(effect.table);
  const record: unknown = await table.get(effect.key);
  if (!record) throw new Error(`No ${NOUNS[effect.table]} ${effect.key} in the local cache.`);
  await table.put((effect.apply as (record: unknown, at: number) => unknown)(record, at));
}

export interface DeliveryDeps {
  now: () => number;
  random?: () => number;
  /** Failed attempts after which a write is set aside as dead; see DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
  /** How long a write being sent is held back from other runs: longer than the source's time-out. */
  leaseMs?: number;
}

export interface DeliveryReport {
  delivered: number;
  retried: number;
  dead: number;
}

export const BACKOFF = {
  baseMs: 30_000,
  capMs: 60 * 60_000,
  /** The shortest wait, when the jitter draws close to zero. */
  minMs: 1_000,
  /** A Retry-After is honoured up to a day; a longer one is taken for a mistake. */
  maxRetryAfterMs: 24 * 60 * 60_000,
};
/**
 * 48 failed attempts: with the hourly cap that is about a day of failing, long enough to ride out an
 * outage or an afternoon offline, short enough that the rep learns of a write that is not landing.
 * A refusal (4xx) is set aside at once: the same request would get the same answer.
 */
export const DEFAULT_MAX_ATTEMPTS = 48;
const LEASE_MS = 60_000;
/** Until when the source asked, by a Retry-After, not to be sent anything. */
export const NOT_BEFORE_KEY = 'outbox:notBefore';
/** Failures in a row after which the source is taken to be down: the rest waits for the next wake-up. */
const FAILURES_BEFORE_PAUSE = 3;

/**
 * Sends the queued writes that are due, oldest first; success removes a write. A passing failure
 * (network, time-out, 5xx, 429, a refused token) is tried again after an exponential backoff with
 * full jitter, never sooner than its Retry-After; a permanent one, or too many, marks it dead: kept,
 * for the rep to see. A Retry-After holds every write back until then; it, a refused token or three
 * failures in a row end the run, so a source that is down gets a request per wake-up, not per write.
 */
export async function deliverDue(db: LeadLensDb, deliver: (item: OutboxItem) => Promise<unknown>, deps: DeliveryDeps): Promise<DeliveryReport> {
  const { now, random = Math.random, maxAttempts = DEFAULT_MAX_ATTEMPTS, leaseMs = LEASE_MS } = deps;
  const report: DeliveryReport = { delivered: 0, retried: 0, dead: 0 };
  if (now() < ((await db.getMeta<number>(NOT_BEFORE_KEY)) ?? 0)) return report;
  const tried = new Set<string>();
  let failuresInRow = 0;
  for (;;) {
    const due = (await deliverable(db)).filter((item) => item.nextAttemptAt <= now() && !tried.has(item.id));
    if (due.length === 0) return report;
    for (const item of due) {
      tried.add(item.id);
      const claimed = await claim(db, item, now() + leaseMs);
      if (!claimed) continue; // another run took it
      const error = await Promise.resolve(claimed)
        .then(deliver)
        .then(() => null, (failure: unknown) => failure ?? new Error('Delivery failed.'));
      if (error === null) {
        await removeDelivered(db, claimed, now());
        report.delivered++;
        failuresInRow = 0;
        continue;
      }
      // The code lets the popup say it in the rep's language; the text stays as the detail.
      const failure = { lastError: error instanceof Error ? error.message : String(error), lastErrorCode: errorCodeOf(error) };
      const retryAfterMs = error instanceof SourceError ? error.retryAfterMs : undefined;
      if ((error instanceof SourceError && error.permanent) || claimed.attempts >= maxAttempts) {
        await settle(db, claimed, { state: 'dead', ...failure });
        report.dead++;
      } else {
        await settle(db, claimed, { nextAttemptAt: now() + retryDelay(claimed.attempts, random(), retryAfterMs), ...failure });
        report.retried++;
      }
      if (retryAfterMs !== undefined) await db.setMeta(NOT_BEFORE_KEY, now() + Math.min(retryAfterMs, BACKOFF.maxRetryAfterMs));
      const sourceWide = retryAfterMs !== undefined || (error instanceof SourceError && error.connectionRefused);
      if (sourceWide || ++failuresInRow >= FAILURES_BEFORE_PAUSE) return report;
    }
  }
}

/** The wait before attempt `attempts + 1`: full jitter over an exponential window, at least Retry-After. */
export function retryDelay(attempts: number, random: number, retryAfterMs = 0): number {
  const window = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(Math.max(BACKOFF.minMs, random * window, Math.min(retryAfterMs, BACKOFF.maxRetryAfterMs)));
}

/**
 * Queued writes, oldest first, holding back every write on a handoff behind the oldest one still
 * queued for it: a handoff's actions reach marketing in the order the rep took them.
 */
async function deliverable(db: LeadLensDb): Promise<OutboxItem[]> {
  const queued = await db.outbox.where('state').equals('queued').toArray();
  queued.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const handoffsAhead = new Set<string>();
  return queued.filter((item) => {
    if (item.payload.kind !== 'handoff_action') return true;
    if (handoffsAhead.has(item.payload.handoffId)) return false;
    handoffsAhead.add(item.payload.handoffId);
    return true;
  });
}

/**
 * Takes `seen` for this run if no other run touched it since it was read: the attempt is counted and
 * the write held back until `leaseUntil`. A run that dies holding it lets it go when the lease ends.
 */
async function claim(db: LeadLensDb, seen: OutboxItem, leaseUntil: number): Promise<OutboxItem | undefined> {
  return db.transaction('rw', db.outbox, async () => {
    const current = await db.outbox.get(seen.id);
    if (current?.state !== 'queued' || current.attempts !== seen.attempts || current.nextAttemptAt !== seen.nextAttemptAt) return undefined;
    const claimed = { ...current, attempts: current.attempts + 1, nextAttemptAt: leaseUntil };
    await db.outbox.put(claimed);
    return claimed;
  });
}

/** Records a failed attempt, unless another run claimed the write since (its lease ran out): then that run's outcome stands. */
async function settle(db: LeadLensDb, claimed: OutboxItem, change: Partial<OutboxItem>): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const current = await db.outbox.get(claimed.id);
    if (current?.attempts === claimed.attempts) await db.outbox.update(claimed.id, change);
  });
}

/** When the next queued write is due, for the alarm; null when nothing waits. */
export async function nextWakeAt(db: LeadLensDb): Promise<number | null> {
  const items = await deliverable(db);
  if (items.length === 0) return null;
  return Math.max((await db.getMeta<number>(NOT_BEFORE_KEY)) ?? 0, Math.min(...items.map((item) => item.nextAttemptAt)));
}

/** Writes set aside for good, oldest first: shown to the rep, never dropped. */
export async function deadItems(db: LeadLensDb): Promise<OutboxItem[]> {
  const dead = await db.outbox.where('state').equals('dead').toArray();
  return dead.sort((a, b) => a.createdAt - b.createdAt);
}

/** Queues dead writes again (all, or those with these ids), due at once with fresh attempts: the rep's "try again". */
export async function requeueDead(db: LeadLensDb, now: number, ids?: string[]): Promise<number> {
  return db.outbox
    .where('state')
    .equals('dead')
    .filter((item) => !ids || ids.includes(item.id))
    .modify({ state: 'queued', attempts: 0, nextAttemptAt: now });
}

/** After the rep fixed the connection (a new token, say): everything queued is due now, whatever it waited for. */
export async function makeQueuedDue(db: LeadLensDb, now: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.where('nextAttemptAt').above(now).modify((item) => {
      if (item.state === 'queued') item.nextAttemptAt = now;
    });
    await db.meta.delete(NOT_BEFORE_KEY);
  });
}
