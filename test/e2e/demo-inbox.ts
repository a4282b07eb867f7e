// What the demo's marketing system has received (lib/sources/demo/inbox.ts), read from the
// extension's database in its service worker: how browser tests see a verdict delivered.
import { bounded } from './bounded';
import type { LoadedExtension } from './extension';

export interface DemoDelivery {
  payload: { verdict?: string; reasonCode?: string; note?: string; email?: string; action?: string; handoffId?: string };
}

/** Reads the demo's inbox where the extension's database is open to it (its service worker, or an extension page): self-contained, for evaluate(). */
export function readDemoInbox(): Promise<DemoDelivery[]> {
  return new Promise<DemoDelivery[]>((resolve, reject) => {
    const open = indexedDB.open('leadlens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('meta').objectStore('meta').get('demo:inbox');
      get.onsuccess = () => {
        resolve(get.result?.value ?? []);
        open.result.close();
      };
    };
  });
}

export function demoInbox(extension: LoadedExtension): Promise<DemoDelivery[]> {
  return bounded(extension.serviceWorker.evaluate(readDemoInbox), 'reading the demo inbox in the service worker');
}
