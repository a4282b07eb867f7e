// The card's account section, read from a real (fake-indexeddb) cache: who else at the lead's company
// touched marketing in the last 90 days, their handoffs, the account's best fit and its weekly touches.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb, openDb } from '../../../lib/cache/db';
import { accountContext, PEOPLE_SHOWN } from '../../../lib/cache/account-context';
import { accountKeyOf } from '../../../lib/domain/account';
import type { Fit } from '../../../lib/domain/model';
import { makeHandoff, makeLead, makeTouch } from '../../fixtures/factories';

const NOW = Date.UTC(2026, 10, 27, 3, 0);
const DAY = 86_400_000;
const REP = 'rep@leadlens.example';
let db: LeadLensDb;
let touchId = 0;

beforeEach(async () => {
  db = await openDb(new LeadLensDb(`leadlens-test-${Math.random().toString(36).slice(2)}`, { accountKeyOf }));
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const person = (local: string, fit: Fit, extra: Parameters<typeof makeLead>[1] = {}) =>
  makeLead(0, { email: `${local}@sakura-seiki.co.jp`, name: local, title: `${local}'s title`, company: '株式会社サクラ精機', fit, grade: `${fit}2`, ...extra });
const touchesAt = (email: string, ...daysAgo: number[]) => daysAgo.map((days) => makeTouch(++touchId, email, { id: `t${touchId}`, at: NOW - days * DAY }));

describe('accountContext', () => {
  it('lists the others active in 90 days, latest first, with their handoffs, the best fit and 13 weeks of touches', async () => {
    await db.leads.bulkPut([
      person('ito', 'B'),
      person('mori', 'A'),
      person('kato', 'C'),
      person('sato', 'C'), // last touch 100 days ago: not active
      person('suzuki', 'D'), // never touched
      { ...person('eve', 'A'), email: 'eve@minato-soft.co.jp', company: '株式会社みなとソフト' }, // another account
    ]);
    await db.touches.bulkPut([
      ...touchesAt('ito@sakura-seiki.co.jp', 0.5, 8),
      ...touchesAt('mori@sakura-seiki.co.jp', 2),
      ...touchesAt('kato@sakura-seiki.co.jp', 89),
      ...touchesAt('sato@sakura-seiki.co.jp', 100),
      ...touchesAt('eve@minato-soft.co.jp', 1, 1, 1),
      ...touchesAt('mori@sakura-seiki.co.jp', -3), // dated in the future by the source: not counted
    ]);
    await db.handoffs.bulkPut([
      makeHandoff(1, { email: 'mori@sakura-seiki.co.jp', assigneeEmail: REP, status: 'pending' }),
      makeHandoff(2, { email: 'kato@sakura-seiki.co.jp', assigneeEmail: 'aiko.tanaka@leadlens.example', status: 'contacted', respondedAt: NOW - 80 * DAY }),
    ]);

    const account = await accountContext(db, 'ito@sakura-seiki.co.jp', NOW);
    expect(account).toEqual({
      key: 'domain:sakura-seiki.co.jp',
      name: '株式会社サクラ精機',
      people: [
        { email: 'mori@sakura-seiki.co.jp', name: 'mori', title: "mori's title", grade: 'A2', lastTouchAt: NOW - 2 * DAY, handoff: { status: 'pending', assigneeEmail: REP } },
        { email: 'kato@sakura-seiki.co.jp', name: 'kato', title: "kato's title", grade: 'C2', lastTouchAt: NOW - 89 * DAY, handoff: { status: 'contacted', assigneeEmail: 'aiko.tanaka@leadlens.example' } },
      ],
      activeCount: 2,
      bestFit: 'A',
      // Oldest week first: kato 89 days ago, ito 8 days ago, ito and mori this week.
      weeklyTouches: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2],
    });
  });

  it('leaves the lead itself out of the people and the count, but not out of the fit or the touches', async () => {
    await db.leads.bulkPut([person('ito', 'A'), person('mori', 'C')]);
    await db.touches.bulkPut([...touchesAt('ito@sakura-seiki.co.jp', 1, 2, 3), ...touchesAt('mori@sakura-seiki.co.jp', 4)]);
    const fromIto = (await accountContext(db, 'ito@sakura-seiki.co.jp', NOW))!;
    expect(fromIto.people.map((one) => one.email)).toEqual(['mori@sakura-seiki.co.jp']);
    expect(fromIto.activeCount).toBe(1);
    expect(fromIto.bestFit).toBe('A');
    expect(fromIto.weeklyTouches.at(-1)).toBe(4);
    // Asked from mori's card, the same account lists ito instead.
    expect((await accountContext(db, 'mori@sakura-seiki.co.jp', NOW))!.people.map((one) => one.email)).toEqual(['ito@sakura-seiki.co.jp']);
  });

  it(`lists at most ${PEOPLE_SHOWN} people and counts them all`, async () => {
    const many = Array.from({ length: 27 }, (_, n) => person(`p${String(n).padStart(2, '0')}`, 'B'));
    await db.leads.bulkPut([person('ito', 'B'), ...many]);
    await db.touches.bulkPut(many.flatMap((lead, n) => touchesAt(lead.email, n + 1)));
    const account = (await accountContext(db, 'ito@sakura-seiki.co.jp', NOW))!;
    expect(account.activeCount).toBe(27);
    expect(account.people).toHaveLength(PEOPLE_SHOWN);
    expect(account.people[0]!.email).toBe('p00@sakura-seiki.co.jp'); // touched a day ago: the latest
    expect(account.people.at(-1)!.email).toBe('p19@sakura-seiki.co.jp');
  });

  it('groups by the source account id across addresses, a free-mail one included', async () => {
    await db.leads.bulkPut([
      person('ito', 'B', { accountId: '0015g00000SkRa', accountName: 'Sakura Seiki' }),
      makeLead(0, { email: 'sakura.buyer@gmail.com', name: 'Buyer', accountId: '0015g00000SkRa', grade: 'A1', fit: 'A' }),
    ]);
    await db.touches.bulkPut(touchesAt('sakura.buyer@gmail.com', 3));
    const account = (await accountContext(db, 'ito@sakura-seiki.co.jp', NOW))!;
    expect(account).toMatchObject({ key: 'id:0015g00000SkRa', name: 'Sakura Seiki', activeCount: 1, bestFit: 'A' });
    expect(account.people.map((one) => one.email)).toEqual(['sakura.buyer@gmail.com']);
  });

  it('answers null for a free-mail address without an account id, and for an unknown lead', async () => {
    await db.leads.bulkPut([person('ito', 'B'), makeLead(0, { email: 'hanako@gmail.com', company: '株式会社サクラ精機' })]);
    await db.touches.bulkPut(touchesAt('ito@sakura-seiki.co.jp', 1));
    expect(await accountContext(db, 'hanako@gmail.com', NOW)).toBeNull();
    expect(await accountContext(db, 'nobody@sakura-seiki.co.jp', NOW)).toBeNull();
    // Positive control: the corporate colleague with the same company name has an account.
    expect(await accountContext(db, 'ito@sakura-seiki.co.jp', NOW)).toMatchObject({ key: 'domain:sakura-seiki.co.jp', activeCount: 0, people: [] });
  });
});
