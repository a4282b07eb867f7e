import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import { countPending, countTouches, pendingHandoffs } from '../../../lib/cache/queue';
import { makeHandoff, makeLead, makeTouch } from '../../fixtures/factories';
import { accountKeyOf } from '../../../lib/domain/account';

let db: LeadLensDb;
beforeEach(() => {
  db = new LeadLensDb(`queue-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('pendingHandoffs', () => {
  it("gives each row its lead's account from the stored key, and none to free mail or an unknown lead", async () => {
    db.close();
    db = new LeadLensDb(db.name, { accountKeyOf });
    const rep = 'rep@acme.example.com';
    await db.leads.bulkPut([
      makeLead(1, { email: 'ito@sakura-seiki.co.jp', company: '株式会社サクラ精機' }),
      makeLead(2, { email: 'mori@sales.sakura-seiki.co.jp', company: 'サクラ精機' }),
      makeLead(3, { email: 'ann@northwind.com', company: 'Northwind', accountId: '0015g00000Nw', accountName: 'Northwind Robotics Inc.' }),
      makeLead(4, { email: 'hanako@gmail.com', company: '株式会社サクラ精機' }),
    ]);
    const emails = ['ito@sakura-seiki.co.jp', 'mori@sales.sakura-seiki.co.jp', 'ann@northwind.com', 'hanako@gmail.com', 'unknown@sakura-seiki.co.jp'];
    await db.handoffs.bulkPut(emails.map((email, n) => makeHandoff(n, { email, firstContactDueAt: n })));
    // The popup opens the database without the lists: the stored keys are all it needs.
    const popupDb = new LeadLensDb(db.name);
    const queue = await pendingHandoffs(popupDb, rep);
    popupDb.close();
    expect(queue.map((entry) => entry.account ?? null)).toEqual([
      { key: 'domain:sakura-seiki.co.jp', name: '株式会社サクラ精機' },
      { key: 'domain:sakura-seiki.co.jp', name: 'サクラ精機' },
      { key: 'id:0015g00000Nw', name: 'Northwind Robotics Inc.' },
      null,
      null,
    ]);
    // The rows' leads are as the domain has them, without the cache's own keys.
    expect(queue[0]!.lead).toEqual(makeLead(1, { email: 'ito@sakura-seiki.co.jp', company: '株式会社サクラ精機' }));
  });

  it("lists the rep's open handoffs, pending and accepted, the one due first at the top, with their leads", async () => {
    const rep = 'rep@acme.example.com';
    await db.leads.bulkPut([makeLead(1), makeLead(2), makeLead(3)]);
    await db.handoffs.bulkPut([
      makeHandoff(1, { firstContactDueAt: 3000, status: 'pending' }),
      makeHandoff(2, { firstContactDueAt: 1000, status: 'accepted' }),
      makeHandoff(3, { firstContactDueAt: 2000, status: 'pending' }),
      makeHandoff(4, { firstContactDueAt: 500, status: 'contacted' }),
      makeHandoff(5, { firstContactDueAt: 600, status: 'rejected' }),
      makeHandoff(6, { firstContactDueAt: 700, assigneeEmail: 'other@acme.example.com' }),
      // A handoff whose lead is not in the cache still shows, by its email.
      makeHandoff(7, { firstContactDueAt: 4000, email: 'unknown@acme.example.com' }),
    ]);
    const queue = await pendingHandoffs(db, rep);
    expect(queue.map((entry) => entry.handoff.id)).toEqual(['h2', 'h3', 'h1', 'h7']);
    expect(queue.map((entry) => entry.lead?.name ?? null)).toEqual(['Lead 2', 'Lead 3', 'Lead 1', null]);
    expect(await countPending(db, rep)).toBe(4);
  });

  it('reads only the top of a long queue when asked for a few, across both statuses', async () => {
    const rep = 'rep@acme.example.com';
    await db.handoffs.bulkPut(
      Array.from({ length: 200 }, (_, n) => makeHandoff(n, { firstContactDueAt: 1000 * ((n * 37) % 200), status: n % 3 ? 'pending' : 'accepted' })),
    );
    const all = await pendingHandoffs(db, rep);
    const top = await pendingHandoffs(db, rep, 30);
    expect(top.map((entry) => entry.handoff.id)).toEqual(all.slice(0, 30).map((entry) => entry.handoff.id));
    expect(new Set(top.map((entry) => entry.handoff.status))).toEqual(new Set(['pending', 'accepted']));
    expect(await countPending(db, rep)).toBe(200);
  });

  it('is empty for a rep with nothing assigned', async () => {
    await db.handoffs.put(makeHandoff(1));
    expect(await pendingHandoffs(db, 'nobody@acme.example.com')).toEqual([]);
  });
});

describe('countTouches', () => {
  it("counts one lead's touches, not its neighbours' in the index", async () => {
    await db.touches.bulkPut([
      makeTouch(1, 'a@acme.example.com'),
      makeTouch(2, 'a@acme.example.com'),
      makeTouch(3, 'ab@acme.example.com'),
      makeTouch(4, 'b@acme.example.com'),
    ]);
    expect(await countTouches(db, 'a@acme.example.com')).toBe(2);
    expect(await countTouches(db, 'nobody@acme.example.com')).toBe(0);
  });
});
