import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import { readRaw } from '../../../lib/cache/raw-read';
import { makeLead } from '../../fixtures/factories';

let db: LeadLensDb;
beforeEach(() => {
  db = new LeadLensDb(`raw-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('readRaw', () => {
  it('waits for every request the transaction was sent, the ones sent from a result too', async () => {
    await db.leads.bulkPut([makeLead(1), makeLead(2)]);
    const names: string[] = [];
    await readRaw(db, ['leads'], (tx) => {
      const first = tx.objectStore('leads').get('lead1@acme.example.com');
      first.onsuccess = () => {
        names.push(first.result.name);
        const second = tx.objectStore('leads').get('lead2@acme.example.com');
        second.onsuccess = () => names.push(second.result.name);
      };
    }, 'test read');
    expect(names).toEqual([makeLead(1).name, makeLead(2).name]);
  });

  it('fails naming the read when its transaction is aborted, and when it asks for a store there is not', async () => {
    await expect(readRaw(db, ['leads'], (tx) => tx.abort(), 'chips read')).rejects.toThrow('The chips read was aborted.');
    await expect(readRaw(db, ['no-such-store'], () => {}, 'chips read')).rejects.toThrow(/no-such-store|not found|NotFoundError/i);
  });
});
