// Functions the benchmark runs inside the extension's service worker, to fill its real IndexedDB
// quickly. Each is self-contained: Playwright sends its source, not its closure.

export interface SeedRequest {
  leads: number;
  /** Pending handoffs for the rep, on the first `handoffs` leads. */
  handoffs: number;
  repEmail: string;
  now: number;
}

export async function seedInWorker({ leads, handoffs, repEmail, now }: SeedRequest): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('leadlens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const BATCH = 20_000;
  for (let start = 0; start < leads; start += BATCH) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['leads', 'handoffs'], 'readwrite');
      const leadStore = tx.objectStore('leads');
      const handoffStore = tx.objectStore('handoffs');
      for (let n = start; n < Math.min(leads, start + BATCH); n++) {
        const email = `bench${n}@scale.example.com`;
        leadStore.put({
          email, name: `Bench Lead ${n}`, company: 'Scale Co', title: 'Manager', stage: 'mql', score: n % 101, scoreRaw: n % 101,
          scoreFactors: [{ label: 'Visited pricing', points: 10 }], fit: 'B', readiness: 2, grade: 'B2', updatedAt: now,
        });
        if (n < handoffs) {
          handoffStore.put({
            id: `bench-h${n}`, email, assigneeEmail: repEmail, handedOffAt: now - 86_400_000, rule: 'Score ≥ 60', source: 'bench',
            status: 'pending', firstContactDueAt: now + (n - handoffs / 2) * 600_000, followUpDueAts: [], updatedAt: now,
          });
        }
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
  return leads;
}
