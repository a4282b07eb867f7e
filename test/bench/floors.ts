// What the browser itself costs for what LeadLens does, measured beside it, the floors its budgets are
// set against: the same IndexedDB reads and writes done raw in the service worker, with no code of
// ours around them. Each function runs inside the worker: Playwright sends its source, not its closure.
// (The page's floors, a browser without LeadLens and one with a content script that does nothing, are
// in configurations.ts.)

/**
 * Ms of one transaction reading 100 leads by key, the reads the chips' lookup makes: batch `run` of a
 * sequence spread over the seeded leads like the lookup's own.
 */
export async function rawLookupMs({ leads, run }: { leads: number; run: number }): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('leadlens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const emails = Array.from({ length: 100 }, (_, n) => `bench${(run * 7907 + n * 2003) % leads}@scale.example.com`);
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('leads', 'readonly');
    for (const email of emails) tx.objectStore('leads').get(email);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/**
 * Records per second written raw: synthetic touch-shaped records, 1,000 a transaction, 50,000 into an
 * empty scratch database. The floor recorded before the same-records floor below; kept for comparison.
 */
export async function rawWritesPerSecond(): Promise<number> {
  const name = 'leadlens-bench-floor';
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('touches', { keyPath: 'id' }).createIndex('[email+at]', ['email', 'at']);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const pages = 50;
  const start = performance.now();
  for (let page = 0; page < pages; page++) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('touches', 'readwrite');
      const store = tx.objectStore('touches');
      for (let n = 0; n < 1000; n++) {
        store.put({
          id: `t${page}-${n}`, email: `sync${n % 200}@scale.example.com`, type: 'page_view', at: 1_763_251_200_000 - n * 60_000,
          title: `Visit ${n}`, campaign: 'Launch', url: 'https://acme.example.com/pricing',
        });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const rate = (pages * 1000) / ((performance.now() - start) / 1000);
  db.close();
  await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
  return rate;
}

/**
 * The sync's floor: the same records from the same API, fetched as the sync fetches them (the next
 * page asked for while one is written), parsed with JSON.parse and their times made epoch ms, and
 * written raw into LeadLens's own database (so with the same stores and indexes), one transaction per
 * page with its cursor. What is left out is all of LeadLens: zod, Dexie, the outbox and the sync state.
 */
export async function rawIngestPerSecond({ baseUrl, token }: { baseUrl: string; token: string }): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('leadlens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  type Wire = { leads: Record<string, unknown>[]; touches: Record<string, unknown>[]; nextCursor: string; hasMore: boolean };
  const ask = async (cursor: string | null): Promise<Wire> => {
    const response = await fetch(`${baseUrl}/v1/changes?${cursor === null ? '' : `cursor=${cursor}&`}limit=1000`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    return JSON.parse(await response.text()) as Wire;
  };
  const epoch = (iso: unknown) => (typeof iso === 'string' ? Date.parse(iso) : undefined);
  let records = 0;
  const start = performance.now();
  let next: Promise<Wire> | null = ask(null);
  while (next) {
    const page: Wire = await next;
    next = page.hasMore ? ask(page.nextCursor) : null;
    const leads = page.leads.map((lead) => ({ ...lead, updatedAt: epoch(lead.updatedAt), qualifiedAt: epoch(lead.qualifiedAt) }));
    const touches = page.touches.map((touch) => ({ ...touch, at: epoch(touch.at) }));
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['leads', 'touches', 'meta'], 'readwrite');
      for (const lead of leads) tx.objectStore('leads').put(lead);
      for (const touch of touches) tx.objectStore('touches').put(touch);
      tx.objectStore('meta').put({ key: 'bench:cursor', value: page.nextCursor });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    records += leads.length + touches.length;
  }
  const rate = records / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}
