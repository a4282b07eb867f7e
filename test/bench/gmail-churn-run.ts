// One run of the churn benchmark in one configuration: a generated mail page (gmail-churn.ts,
// outlook-churn.ts) loaded at its real URL, then 10 s of churn with a navigation to another thread or
// conversation in the middle; for LeadLens, 5 s more in which its content script's calls are counted
// and timed. The site (ChurnSite) says where the page is served, which script of LeadLens's reads it,
// and how many chips to wait for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { GMAIL_SITE, inConfiguration, roundOrder, type Configuration, type MeasuredSite } from './configurations';
import { CHURN_URL, THREAD_ADDRESSES } from './gmail-churn';
import type { ChurnStats } from './gmail-churn-script';
import { mainThread, scriptActivity, since, watchMainThread, type FunctionMarker, type MainThread, type ScriptActivity } from './page-probes';

/** 10 s of churn at 64 batches a second, the navigation halfway; 5 s more for counting. */
export const CHURN_BATCHES = 640;
export const NAVIGATE_AFTER = 320;
export const COUNT_BATCHES = 320;

export interface ChurnSite {
  /** The mail app, as the figures name it. */
  name: string;
  /** What the navigation opens: a thread, a conversation. */
  view: string;
  url: string;
  measured: MeasuredSite;
  /** LeadLens's content script there, as built, and its functions to count (see MARKERS). */
  contentScript: string;
  markers: FunctionMarker[];
  /** Chips on the page once loaded, and in the view the navigation opens. */
  chipsOnLoad: number;
  chipsOnNavigation: number;
}

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
 * In LeadLens's content scripts, as built, the functions counted: the adapter's find (one read of the
 * page or of a part of it: a scan) and the MutationObserver's callback (one batch), the same in every
 * content script. Found by their text: names are minified.
 */
export const OBSERVER_BATCHES: FunctionMarker = {
  name: 'batches',
  is: (_, text) => text.startsWith('function') && text.includes('.anchor.isConnected||') && text.includes('.unmount(') && !text.includes('new MutationObserver'),
};

export const GMAIL_CHURN: ChurnSite = {
  name: 'Gmail',
  view: 'thread',
  url: CHURN_URL,
  measured: GMAIL_SITE,
  contentScript: 'content-scripts/gmail.js',
  markers: [{ name: 'scans', is: (name, text) => name === 'find' && text.includes('"recipient"') && text.includes('data-hovercard-id') }, OBSERVER_BATCHES],
  chipsOnLoad: THREAD_ADDRESSES,
  chipsOnNavigation: THREAD_ADDRESSES,
};

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function churnRun(configuration: Configuration, context: BrowserContext, html: string, site = GMAIL_CHURN): Promise<ChurnRunResult> {
  // A browser just started (and LeadLens just synced) is still busy for a moment.
  await settle(1000);
  const page = await context.newPage();
  await page.route(`${new URL(site.url).origin}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const cdp = await context.newCDPSession(page);
  await watchMainThread(cdp);
  await page.goto(site.url, { waitUntil: 'load' });
  if (configuration === 'leadlens') await page.waitForFunction((count) => document.querySelectorAll('leadlens-overlay').length >= count, site.chipsOnLoad, { timeout: 20_000 });
  await settle(1500);
  const load = await mainThread(cdp);
  const chipsOnLoad = await page.locator('leadlens-overlay').count();

  const churn = (batches: number, navigateAfter: number | null) =>
    page.evaluate((options) => window.churn!.run(options), { batches, navigateAfter, expectedChips: site.chipsOnNavigation });
  const before = await mainThread(cdp);
  const stats = await churn(CHURN_BATCHES, NAVIGATE_AFTER);
  const during = since(before, await mainThread(cdp));

  let activity: ScriptActivity | null = null;
  if (configuration === 'leadlens') {
    const source = readFileSync(join(site.measured.extensionDir, site.contentScript), 'utf8');
    activity = await scriptActivity(cdp, { urlEnding: site.contentScript, source, markers: site.markers }, async () => void (await churn(COUNT_BATCHES, null)));
  }
  await page.close();
  return { configuration, load, chipsOnLoad, churn: during, stats, activity };
}

/** Runs of the four configurations taking turns, each in a fresh browser, with each run's figures printed to read the medians against. */
export async function churnRounds(html: string, site = GMAIL_CHURN, rounds = 7): Promise<ChurnRunResult[]> {
  const results: ChurnRunResult[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const configuration of roundOrder(round)) results.push(await inConfiguration(configuration, (context) => churnRun(configuration, context, html, site), site.measured));
  }
  console.table(
    results.map(({ configuration, load, churn, stats }) => ({
      configuration,
      loadScriptMs: load.scriptMs.toFixed(1),
      churnTaskMs: churn.taskMs.toFixed(0),
      seconds: (stats.durationMs / 1000).toFixed(1),
      longTasks: `${stats.longTasks} (${stats.longTaskMs.toFixed(0)} ms)`,
      missedFrames: stats.missedFrames,
      navigation: stats.navigation && `frame ${stats.navigation.firstFrameMs?.toFixed(0)} ms, chips ${stats.navigation.firstChipMs?.toFixed(0) ?? '-'}-${stats.navigation.lastChipMs?.toFixed(0) ?? '-'} ms`,
    })),
  );
  return results;
}
