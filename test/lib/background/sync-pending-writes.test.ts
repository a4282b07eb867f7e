// What the rep sees is marketing's state with the rep's undelivered writes applied on top: a sync
// never undoes a click whose write still waits (DESIGN.md), and once the write landed marketing's
// word stands again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import type { Handoff, HandoffAction, HandoffStatus, OutboxItem } from '../../../lib/domain/model';
import { deliverDue, recordAction } from '../../../lib/background/outbox';
import { syncSource } from '../../../lib/background/sync';
import { LANDED_KEPT_MS, writesNotShownSince } from '../../../lib/background/pending-writes';
import { pendingHandoffs } from '../../../lib/cache/queue';
import { SourceError, type ChangesPage, type LeadSource } from '../../../lib/sources/source';
import { makeHandoff, makeLead } from '../../fixtures/factories';

const REP = 'rep@acme.example.com';
const STATUS_AFTER: Record<HandoffAction, HandoffStatus> = { accept: 'accepted', contacted: 'contacted', reject: 'rejected' };

/**
 * A marketing system of our own interface: its handoffs, changed by the writes it receives (or by
 * marketing, through `server`), served whole on every sync. `down` answers writes with a 500. A
 * `hold` keeps the next page in flight, as it was when asked for, until the test lets it go.
 */
function marketing(handoffs: Handoff[]) {
  const server = new Map(handoffs.map((handoff) => [handoff.id, handoff]));
  const landed: string[] = [];
  let clock = 5_000_000;
  let version = 0;
  const control = { down: false, hold: null as Promise<void> | null, landed, server };
  const source: LeadSource = {
    id: 'marketing',
    async changes(): Promise<ChangesPage> {
      const snapshot = [...server.values()].map((handoff) => ({ ...handoff }));
      const page = { leads: snapshot.map((handoff) => makeLead(Number(handoff.id.slice(1)))), touches: [], handoffs: snapshot, deleted: [], rejected: [] };
      await control.hold;
      return { ...page, nextCursor: `v${++version}`, hasMore: false };
    },
    async deliver(item: OutboxItem) {
      if (control.down) throw new SourceError('The Lead Context API is unavailable for now (500 internal: Something broke.).', 'unavailable');
      landed.push(item.idempotencyKey);
      if (item.payload.kind !== 'handoff_action') return;
      const current = server.get(item.payload.handoffId)!;
      const at = ++clock;
      const status = STATUS_AFTER[item.payload.action];
      server.set(current.id, { ...current, status, updatedAt: at, ...(status === 'accepted' ? { acceptedAt: at } : { respondedAt: at }) });
    },
  };
  return { source, control };
}

let db: LeadLensDb;
let now = 1_000_000;
const clock = () => now;
const act = (handoffId: string, action: HandoffAction) => recordAction(db, { kind: 'handoff_action', handoffId, action }, { now: ++now });
const deliver = (source: LeadSource) => deliverDue(db, (item) => source.deliver(item), { now: clock, random: () => 0 });
const queueIds = async () => (await pendingHandoffs(db, REP)).map((entry) => entry.handoff.id);

beforeEach(() => {
  db = new LeadLensDb(`pending-writes-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe("a sync, with the rep's writes still waiting", () => {
  it('keeps a queued "contacted" over the accepted handoff marketing still reports; the rep never clicks twice', async () => {
    const { source, control } = marketing([makeHandoff(1), makeHandoff(2)]);
    await syncSource(db, source, { now: clock });
    await act('h1', 'accept');
    expect(await deliver(source)).toEqual({ delivered: 1, retried: 0, dead: 0 });

    control.down = true;
    const contacted = await act('h1', 'contacted');
    expect(await deliver(source)).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(await queueIds()).toEqual(['h2']);

    expect(await syncSource(db, source, { now: clock })).toMatchObject({ status: 'idle' });
    const serverAcceptedAt = control.server.get('h1')!.acceptedAt;
    expect(control.server.get('h1')!.status).toBe('accepted');
    expect(await db.handoffs.get('h1')).toEqual({ ...control.server.get('h1'), status: 'contacted', acceptedAt: serverAcceptedAt, respondedAt: contacted.createdAt, updatedAt: contacted.createdAt });
    expect(await queueIds()).toEqual(['h2']);
    const waiting = await db.outbox.toArray();
    expect(waiting.map((item) => item.payload)).toEqual([{ kind: 'handoff_action', handoffId: 'h1', action: 'contacted' }]);

    // Marketing is back: the write lands, and marketing's own "contacted" is taken as it is.
    control.down = false;
    now += 3_600_000;
    expect(await deliver(source)).toEqual({ delivered: 1, retried: 0, dead: 0 });
    now += 1000;
    await syncSource(db, source, { now: clock });
    expect(await db.handoffs.get('h1')).toEqual(control.server.get('h1'));
    expect(control.server.get('h1')!.status).toBe('contacted');
    expect(control.landed).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it("takes marketing's state as it is for a handoff with no write waiting, even against a write delivered before", async () => {
    const { source, control } = marketing([makeHandoff(1), makeHandoff(2)]);
    await syncSource(db, source, { now: clock });
    await act('h1', 'accept');
    await deliver(source);
    control.down = true;
    await act('h2', 'reject');
    await recordAction(db, { kind: 'feedback', email: 'lead1@acme.example.com', handoffId: 'h1', verdict: 'good_lead', reasonCode: 'good_lead' }, { now: ++now });

    // Marketing reassigns h1 to someone else after the rep's accept landed.
    const reassigned = { ...control.server.get('h1')!, status: 'pending' as const, assigneeEmail: 'other@acme.example.com', acceptedAt: undefined, updatedAt: 9_000_000 };
    control.server.set('h1', reassigned);
    await syncSource(db, source, { now: clock });
    expect(await db.handoffs.get('h1')).toEqual(reassigned);
    expect(await db.leads.get('lead1@acme.example.com')).toEqual(makeLead(1));
    expect(await db.handoffs.get('h2')).toMatchObject({ status: 'rejected', assigneeEmail: REP });
    expect(await queueIds()).toEqual([]);
  });

  it('keeps the effect of a write set aside as dead: it has not reached marketing either', async () => {
    const { source } = marketing([makeHandoff(1)]);
    await syncSource(db, source, { now: clock });
    await act('h1', 'reject');
    const refuse = async () => {
      throw new SourceError('The Lead Context API refused the request (422 invalid: Missing at.).', 'rejected');
    };
    expect(await deliverDue(db, refuse, { now: clock })).toEqual({ delivered: 0, retried: 0, dead: 1 });
    await syncSource(db, source, { now: clock });
    expect(await db.handoffs.get('h1')).toMatchObject({ status: 'rejected' });
  });

  it('keeps the effect of a write that landed while the page was on its way, until a sync asked after it', async () => {
    const { source, control } = marketing([makeHandoff(1)]);
    await syncSource(db, source, { now: clock });
    await act('h1', 'accept');
    let release!: () => void;
    control.hold = new Promise((resolve) => (release = resolve));
    now += 1000;
    const sync = syncSource(db, source, { now: clock }); // marketing's page still says pending
    now += 1000;
    expect(await deliver(source)).toEqual({ delivered: 1, retried: 0, dead: 0 });
    release();
    await sync;
    expect(await db.handoffs.get('h1')).toMatchObject({ status: 'accepted' });

    // Marketing then reopens it: a sync asked for after the write landed takes that as it is.
    control.hold = null;
    const reopened = { ...control.server.get('h1')!, status: 'pending' as const, acceptedAt: undefined, updatedAt: 9_000_000 };
    control.server.set('h1', reopened);
    now += 1000;
    await syncSource(db, source, { now: clock });
    expect(await db.handoffs.get('h1')).toEqual(reopened);
  });

  it('remembers a landed write only as long as a page asked before it could be on its way', async () => {
    const { source } = marketing([makeHandoff(1), makeHandoff(2)]);
    await syncSource(db, source, { now: clock });
    await act('h1', 'accept');
    await deliver(source);
    now += LANDED_KEPT_MS;
    const late = await act('h2', 'accept');
    await deliver(source);
    expect(await writesNotShownSince(db, 0)).toEqual([{ ...late, attempts: 1, nextAttemptAt: expect.any(Number) }]);
  });
});
