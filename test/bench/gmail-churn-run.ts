// One run of the churn benchmark in one configuration: the generated Gmail page (gmail-churn.ts)
// loaded at its real URL, then 10 s of churn with a thread navigation in the middle; for LeadLens, 5 s
// more in which its content script's calls are counted and timed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR } from '../e2e/extension';
import type { Configuration } from './configurations';
import { CHURN_URL, THREAD_ADDRESSES } from './gmail-churn';
import type { ChurnStats } from './gmail-churn-script';
import { mainThread, scriptActivity, since, watchMainThread, type FunctionMarker, type MainThread, type ScriptActivity } from './page-probes';

/** 10 s of churn at 64 batches a second, the navigation halfway; 5 s more for counting. */
export const CHURN_BATCHES = 640;
export const NAVIGATE_AFTER = 320;
export const COUNT_BATCHES = 320;

export interface ChurnRunResult {
  configuration: Configuration;
  /** From navigation to the page settled (LeadLens: its chips drawn), plus a quiet second and a half. */
  load: MainThread;
  /** Chips on the first thread once loaded. */
  chipsOnLoad: number;
  churn: MainThread;
  stats: ChurnStats;
  /** LeadLens only: its content script's reads of the page while the page churns. */
  activity: ScriptActivity | null;
}

/**
 * LeadLens's content script, as built: the adapter's find (one read of the page or of a part of it: a
 * scan) and the MutationObserver's callback (one batch). Found by their text: names are minified.
 */
const CONTENT_SCRIPT = 'content-scripts/gmail.js';
const MARKERS: FunctionMarker[] = [
  { name: 'scans', is: (name, text) => name === 'find' && text.includes('"recipient"') && text.includes('data-hovercard-id') },
  { name: 'batches', is: (_, text) => text.startsWith('function') && text.includes('.removedNodes.length>0') && text.includes('.unmount(') && !text.includes('new MutationObserver') },
];

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function churnRun(configuration: Configuration, context: BrowserContext, html: string): Promise<ChurnRunResult> {
  // A browser just started (and LeadLens just synced) is still busy for a moment.
  await settle(1000);
  const page = await context.newPage();
  await page.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const cdp = await context.newCDPSession(page);
  await watchMainThread(cdp);
  await page.goto(CHURN_URL, { waitUntil: 'load' });
  if (configuration === 'leadlens') await page.waitForFunction((count) => document.querySelectorAll('leadlens-overlay').length >= count, THREAD_ADDRESSES, { timeout: 20_000 });
  await settle(1500);
  const load = await mainThread(cdp);
  const chipsOnLoad = await page.locator('leadlens-overlay').count();

  const churn = (batches: number, navigateAfter: number | null) =>
    page.evaluate((options) => window.churn!.run(options), { batches, navigateAfter, expectedChips: THREAD_ADDRESSES });
  const before = await mainThread(cdp);
  const stats = await churn(CHURN_BATCHES, NAVIGATE_AFTER);
  const during = since(before, await mainThread(cdp));

  let activity: ScriptActivity | null = null;
  if (configuration === 'leadlens') {
    const source = readFileSync(join(EXTENSION_DIR, CONTENT_SCRIPT), 'utf8');
    activity = await scriptActivity(cdp, { urlEnding: CONTENT_SCRIPT, source, markers: MARKERS }, async () => void (await churn(COUNT_BATCHES, null)));
  }
  await page.close();
  return { configuration, load, chipsOnLoad, churn: during, stats, activity };
}
