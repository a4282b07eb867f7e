// The card's account look-up ("who else at this company") among 200,000 cached leads, beside its
// floor: a message round trip plus the same reads done raw in the worker, as lookup-and-popup.ts
// measures the address look-up. The leads are spread over 10,000 accounts of 20 people; the accounts
// asked about have touches in the last 90 days and a handoff, so every read the card makes is made.
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import type { LoadedExtension } from '../e2e/extension';
import { median, percentile, type Measurement } from './stats';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

const LEADS = 200_000;
const ACCOUNTS = 10_000;
const RUNS = 40;

export interface AccountSeed {
  leads: number;
  accounts: number;
  /** The accounts the runs ask about: their people get touches and one a handoff. */
  asked: number[];
  repEmail: string;
  now: number;
}

/** Which account run `run` asks about: spread over the key range, none twice. */
const askedAccount = (run: number) => (run * 4_973) % ACCOUNTS;

/** Runs in the worker: leads stored as the background stores them (with accountKey), written raw for speed. */
export async function seedAccountsInWorker({ leads, accounts, asked, repEmail, now }: AccountSeed): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('leadlens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const DAY = 86_400_000;
  const hot = new Set(asked);
  const BATCH = 20_000;
  let touches = 0;
  for (let start = 0; start < leads; start += BATCH) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['leads', 'touches', 'handoffs'], 'readwrite');
      for (let n = start; n < Math.min(leads, start + BATCH); n++) {
        const account = n % accounts;
        const person = Math.floor(n / accounts);
        const email = `p${person}@acct${account}.example.com`;
        tx.objectStore('leads').put({
          email, name: `Person ${person}`, company: `Account ${account} Inc.`, title: 'Manager', stage: 'mql', score: n % 101, scoreRaw: n % 101,
          scoreFactors: [], fit: 'ABCD'[n % 4], readiness: 2, grade: `${'ABCD'[n % 4]}2`, updatedAt: now, accountKey: `domain:acct${account}.example.com`,
        });
        if (!hot.has(account)) continue;
        for (let k = 0; k < 4; k++) {
          tx.objectStore('touches').put({ id: `acct-t${n}-${k}`, email, type: 'page_view', at: now - (1 + person + k * 20) * DAY, title: 'Pricing', campaign: 'Launch' });
          touches++;
        }
        if (person === 1) {
          tx.objectStore('handoffs').put({
            id: `acct-h${n}`, email, assigneeEmail: repEmail, handedOffAt: now - DAY, rule: 'Score ≥ 60', source: 'bench',
            status: 'pending', firstContactDueAt: now + DAY, followUpDueAts: [], updatedAt: now,
          });
        }
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
  return touches;
}

/**
 * Runs in the worker: ms of the account look-up's reads, raw, in one transaction, each read waiting for
 * the one it needs: the lead by key, its account's people by the accountKey index, each person's
 * touches of the last 13 weeks by [email+at], the handoffs of those listed by the email index.
 */
export async function rawAccountLookupMs({ email, now }: { email: string; now: number }): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('leadlens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const since = now - 13 * 7 * 86_400_000;
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['leads', 'touches', 'handoffs'], 'readonly');
    const leads = tx.objectStore('leads');
    const lead = leads.get(email);
    lead.onsuccess = () => {
      const people = leads.index('accountKey').getAll((lead.result as { accountKey: string }).accountKey);
      people.onsuccess = () => {
        const members = people.result as { email: string }[];
        let pending = members.length;
        for (const member of members) {
          const touches = tx.objectStore('touches').index('[email+at]').getAll(IDBKeyRange.bound([member.email, since], [member.email, now]));
          touches.onsuccess = () => {
            if (--pending > 0) return;
            const byEmail = tx.objectStore('handoffs').index('email');
            for (const shown of members.slice(0, 20)) byEmail.getAll(shown.email);
          };
        }
      };
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  db.close();
  return ms;
}

export async function accountLookup(extension: LoadedExtension): Promise<Measurement[]> {
  const now = Date.now();
  // Two accounts a run, one for the look-up and one for the floor, both read cold: when the floor
  // read the look-up's account right after it, it always found its pages warm.
  const asked = Array.from({ length: 2 * RUNS }, (_, n) => askedAccount(n));
  await extension.serviceWorker.evaluate(seedAccountsInWorker, { leads: LEADS, accounts: ACCOUNTS, asked, repEmail: DEFAULT_SETTINGS.repEmail, now });
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const lookups: number[] = [];
  const roundTrips: number[] = [];
  const rawReads: number[] = [];
  // Taking turns, run by run, so that both meet the cache in the same state (as lookup-and-popup.ts does).
  for (let run = 0; run < RUNS; run++) {
    const email = `p0@acct${asked[2 * run]}.example.com`;
    lookups.push(
      await page.evaluate(async (address) => {
        const start = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'account', email: address });
        const ms = performance.now() - start;
        // 19 others at the account, each touched in the last 90 days: the whole look-up was made.
        if (!reply.ok || reply.data?.activeCount !== 19 || reply.data.people.length !== 19) throw new Error(`account look-up missed: ${JSON.stringify(reply).slice(0, 200)}`);
        return ms;
      }, email),
    );
    roundTrips.push(
      await page.evaluate(async () => {
        const start = performance.now();
        await chrome.runtime.sendMessage({ type: 'no such message' });
        return performance.now() - start;
      }),
    );
    rawReads.push(await extension.serviceWorker.evaluate(rawAccountLookupMs, { email: `p0@acct${asked[2 * run + 1]}.example.com`, now: Date.now() }));
  }
  await page.close();
  const floor = median(roundTrips) + median(rawReads);
  return [
    {
      name: 'the floor under it: a message round trip plus the account look-up\'s reads done raw in the worker',
      value: floor, unit: 'ms', budget: '—', met: null,
      detail: `round trip ${median(roundTrips).toFixed(1)} ms, raw reads ${median(rawReads).toFixed(1)} ms (one transaction: the lead by key, its 20 people by the accountKey index, their touches of 13 weeks by [email+at], the handoffs of those listed); medians of ${RUNS}, run by run in turn with the look-up, each on an account of its own`,
    },
    {
      name: 'account context for one lead among 200,000 leads in 10,000 accounts (message round trip included)',
      value: median(lookups), unit: 'ms', budget: '≤ 1.2 × floor', met: median(lookups) <= 1.2 * floor,
      floor: `${floor.toFixed(1)} ms, so ≤ ${(1.2 * floor).toFixed(1)} ms; ${(median(lookups) / floor).toFixed(2)} × here`,
      detail: `p95 ${percentile(lookups, 95).toFixed(1)} ms over ${lookups.length} accounts of 20 people, 80 touches each`,
    },
  ];
}
