// What the browser itself costs where LeadLens misses a budget, measured beside it: the same
// IndexedDB reads and writes done raw in the service worker, with no code of ours around them. Each
// function runs inside the worker: Playwright sends its source, not its closure.

/** Median ms of one transaction reading 100 leads by key and their handoffs by the email index. */
export async function rawLookupMs({ leads }: { leads: number }): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('leadlens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const times: number[] = [];
  for (let run = 0; run < 20; run++) {
    const emails = Array.from({ length: 100 }, (_, n) => `bench${(run * 7907 + n * 2003) % leads}@scale.example.com`);
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['leads', 'handoffs'], 'readonly');
      const byEmail = tx.objectStore('handoffs').index('email');
      for (const email of emails) {
        tx.objectStore('leads').get(email);
        byEmail.getAll(email);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    times.push(performance.now() - start);
  }
  db.close();
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Records per second written raw: touch-shaped records, 1,000 a transaction, into a scratch database. */
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
