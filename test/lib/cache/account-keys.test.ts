// The accountKey index (schema v5): leads stored by an earlier version get their key in the upgrade,
// whichever page opens the database first, and every write after keeps it true.
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ACCOUNT_KEYS_PENDING_KEY, LeadLensDb, SCHEMA_HISTORY, openDb } from '../../../lib/cache/db';
import { accountKeyOf } from '../../../lib/domain/account';
import { makeLead } from '../../fixtures/factories';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

const V4 = SCHEMA_HISTORY.find((schema) => schema.version === 4)!;
const leads = [
  makeLead(1, { email: 'ito@sales.sakura-seiki.co.jp', company: '株式会社サクラ精機' }),
  makeLead(2, { email: 'mori@sakura-seiki.co.jp', company: 'サクラ精機(株)' }),
  makeLead(3, { email: 'hanako@gmail.com', company: '株式会社サクラ精機' }),
  makeLead(4, { email: 'ann@northwind.com', company: 'Northwind', accountId: '0015g00000Nw' }),
];

/** A database as LeadLens before accounts left it: schema v4, these leads in it. */
async function v4Database(): Promise<string> {
  name = `leadlens-test-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  old.version(4).stores(V4.stores);
  await old.table('leads').bulkPut(leads);
  old.close();
  return name;
}

const inAccount = (db: LeadLensDb, key: string) => db.leads.where('accountKey').equals(key).primaryKeys();

describe('accountKey after the upgrade to schema v5', () => {
  it('keys the leads stored before, found through the new index', async () => {
    const db = await openDb(new LeadLensDb(await v4Database(), { accountKeyOf }));
    expect(db.verno).toBe(5);
    expect((await inAccount(db, 'domain:sakura-seiki.co.jp')).sort()).toEqual(['ito@sales.sakura-seiki.co.jp', 'mori@sakura-seiki.co.jp']);
    expect(await inAccount(db, 'id:0015g00000Nw')).toEqual(['ann@northwind.com']);
    // Free mail has no key, so no account (positive control: the same company name on a corporate address has one).
    expect((await db.leads.get('hanako@gmail.com'))!.accountKey).toBeUndefined();
    expect(await db.getMeta(ACCOUNT_KEYS_PENDING_KEY)).toBeUndefined();
    db.close();
  });

  it('leaves the keys to the background when a page without the lists upgraded first', async () => {
    const popup = await openDb(new LeadLensDb(await v4Database()));
    expect(await popup.getMeta(ACCOUNT_KEYS_PENDING_KEY)).toBe(true);
    expect(await popup.leads.where('accountKey').above('').count()).toBe(0);
    popup.close();

    const background = await openDb(new LeadLensDb(name, { accountKeyOf }));
    expect((await inAccount(background, 'domain:sakura-seiki.co.jp')).length).toBe(2);
    expect(await background.getMeta(ACCOUNT_KEYS_PENDING_KEY)).toBeUndefined();
    background.close();
  });
});

describe('accountKey on every write', () => {
  it('is written on put and bulkPut, follows a change of address, and keeps the lead otherwise as given', async () => {
    name = `leadlens-test-${Math.random().toString(36).slice(2)}`;
    const db = await openDb(new LeadLensDb(name, { accountKeyOf }));
    await db.leads.bulkPut(leads);
    const given = makeLead(5, { email: 'sato@minato-soft.co.jp', company: '株式会社みなとソフト' });
    await db.leads.put(given);
    expect(given).not.toHaveProperty('accountKey'); // the caller's object is not touched
    expect(await inAccount(db, 'domain:minato-soft.co.jp')).toEqual(['sato@minato-soft.co.jp']);

    // The source now gives an account id: the lead moves to that account.
    await db.leads.put({ ...leads[1]!, accountId: 'hs-77' });
    expect(await inAccount(db, 'domain:sakura-seiki.co.jp')).toEqual(['ito@sales.sakura-seiki.co.jp']);
    expect(await inAccount(db, 'id:hs-77')).toEqual(['mori@sakura-seiki.co.jp']);
    db.close();
  });

  it('keeps a stored key when a page without the lists writes', async () => {
    name = `leadlens-test-${Math.random().toString(36).slice(2)}`;
    const background = await openDb(new LeadLensDb(name, { accountKeyOf }));
    await background.leads.put(leads[0]!);
    background.close();
    const page = await openDb(new LeadLensDb(name));
    const stored = (await page.leads.get(leads[0]!.email))!;
    await page.leads.put({ ...stored, title: 'Director' });
    expect((await page.leads.get(leads[0]!.email))!.accountKey).toBe('domain:sakura-seiki.co.jp');
    page.close();
  });
});
