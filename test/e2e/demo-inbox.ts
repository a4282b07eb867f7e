// What the demo's marketing system has received (lib/sources/demo/inbox.ts), read from the
// extension's database in its service worker: how browser tests see a verdict delivered.
import type { LoadedExtension } from './extension';

export interface DemoDelivery {
  payload: { verdict?: string; reasonCode?: string; note?: string; email?: string; action?: string; handoffId?: string };
}

export function demoInbox(extension: LoadedExtension): Promise<DemoDelivery[]> {
  return extension.serviceWorker.evaluate(
    () =>
      new Promise<DemoDelivery[]>((resolve, reject) => {
        const open = indexedDB.open('leadlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('demo:inbox');
          get.onsuccess = () => resolve(get.result?.value ?? []);
        };
      }),
  );
}
