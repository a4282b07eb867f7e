// What the background does when the browser starts or the extension is installed or updated.
import type { browser } from 'wxt/browser';
import { SYNC_ALARM, type BackgroundApp } from '../../lib/background/app';
import { registerSiteScripts } from '../../lib/background/site-scripts';
import { loadSettings } from '../../lib/cache/settings';

type Browser = typeof browser;

/** The content script runs on the optional sites the rep turned on and granted. */
export async function applySites({ scripting, permissions }: Pick<Browser, 'scripting' | 'permissions'>): Promise<void> {
  const { settings } = await loadSettings();
  await registerSiteScripts(settings.sites, scripting, permissions);
}

export async function startUp(browser: Pick<Browser, 'scripting' | 'permissions' | 'alarms'>, app: BackgroundApp): Promise<void> {
  const { settings } = await loadSettings();
  await app.bindLegacyTokens();
  await applySites(browser);
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: settings.syncIntervalMinutes });
  // Finishes a re-grade that a closed browser cut short (nothing to do when the grading was applied);
  // it never throws, and the sync, which badges the cache, runs after it.
  await app.regradeIfNeeded();
  await app.sync();
  // Whatever a closed browser or a killed worker left in the outbox goes out now.
  await app.deliverOutbox();
}
