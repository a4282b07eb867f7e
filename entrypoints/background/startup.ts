// What the background does when the browser starts or the extension is installed or updated.
import type { browser } from 'wxt/browser';
import { SYNC_ALARM, type BackgroundApp } from '../../lib/background/app';
import { registerSiteScripts } from '../../lib/background/site-scripts';
import { SITES_IN_FORCE_KEY } from '../../lib/domain/policy-keys';
import type { Settings } from '../../lib/domain/settings-schema';
import { nextSyncAt } from '../../lib/sources/sync-offset';

type Browser = typeof browser;

/** The content script runs on the optional sites the rep or a policy turned on, and the browser granted. */
export async function applySites({ scripting, permissions, storage }: Pick<Browser, 'scripting' | 'permissions' | 'storage'>, loadSettings: () => Promise<Settings>): Promise<void> {
  const settings = await loadSettings();
  await storage.local.set({ [SITES_IN_FORCE_KEY]: settings.sites });
  await registerSiteScripts(settings.sites, scripting, permissions);
}

/**
 * Only LeadLens's own pages and worker may read managed storage: a policy may hold the Lead Context
 * API's token, and a content script runs in the host page's process. Chrome 114+ keeps this setting;
 * a browser without it (Firefox) leaves the area as it is.
 */
export async function closeManagedStorage({ storage }: Pick<Browser, 'storage'>): Promise<void> {
  const managed = storage.managed as typeof storage.managed & { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  await managed.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}

export async function startUp(browser: Pick<Browser, 'scripting' | 'permissions' | 'alarms' | 'storage'>, app: BackgroundApp, loadSettings: () => Promise<Settings>): Promise<void> {
  await closeManagedStorage(browser);
  const settings = await loadSettings();
  await app.bindLegacyTokens();
  await applySites(browser, loadSettings);
  // Each rep's scheduled sync falls at its own place in the interval: a team's browsers spread out.
  const interval = settings.syncIntervalMinutes;
  await browser.alarms.create(SYNC_ALARM, { when: nextSyncAt(Date.now(), settings.repEmail, interval), periodInMinutes: interval });
  // Finishes a re-grade that a closed browser cut short (nothing to do when the grading was applied);
  // it never throws, and the sync, which badges the cache, runs after it.
  await app.regradeIfNeeded();
  await app.syncIfStale(interval);
  // Whatever a closed browser or a killed worker left in the outbox goes out now.
  await app.deliverOutbox();
}
