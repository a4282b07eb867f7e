// Launches Debian's Chromium with the built extension, as a rep's browser would have it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findChromium } from './browsers';
import { bounded } from './bounded';

/** The part of Chrome's API these helpers call inside the service worker. */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
/** The build with the optional sites' hosts granted, for the tests of CRM pages. */
export const GRANTED_EXTENSION_DIR = fileURLToPath(new URL('../../.output/granted/chrome-mv3', import.meta.url));

export interface LoadedExtension {
  context: BrowserContext;
  /** The profile folder: Chromium writes DevToolsActivePort there when asked for a debugging port. */
  userDataDir: string;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(extensionDir = EXTENSION_DIR, extraArgs: string[] = []): Promise<LoadedExtension> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'leadlens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // This machine's network is closed: keep Chromium from reaching out on its own.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...extraArgs,
    ],
  });
  // A wait that never ends fails in 30 s naming what it waited for, rather than as the test's own silent time-out.
  context.setDefaultTimeout(30_000);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    userDataDir,
    extensionId,
    // The one running now: Chromium may stop an idle worker and start another, and a function sent to
    // the stopped one never comes back.
    get serviceWorker() {
      return context.serviceWorkers().findLast((worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`)) ?? serviceWorker;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** How many writes the extension's outbox holds, read from its database in the service worker. */
export function outboxSize(extension: LoadedExtension): Promise<number> {
  return extension.serviceWorker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('leadlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );
}

/**
 * What the background does on the keyboard command (Alt+Shift+L), which Playwright cannot press: the
 * active tab is told to open the card of the message in view.
 */
export function pressOpenCardCommand(extension: LoadedExtension): Promise<void> {
  const sent = extension.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'openCard' });
  });
  return bounded(sent, 'the keyboard command sent from the service worker');
}
