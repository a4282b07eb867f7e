// The browsers the page-cost figures compare: Chromium with no extension, with an extension whose
// content script does nothing (the floor: what any content script costs the page), with one whose
// content script only observes the page's mutations as LeadLens's does (what watching the page costs
// before anything is read or drawn), and with LeadLens.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium } from '../e2e/browsers';
import { EXTENSION_DIR, launchWithExtension, type LoadedExtension } from '../e2e/extension';
import { PopupPage } from '../e2e/pages/popup-page';
import { observeOptions } from '../../lib/content/mutations';
import { gmail } from '../../lib/pages/gmail';

export type Configuration = 'none' | 'empty' | 'observer' | 'leadlens';
export const CONFIGURATIONS: readonly Configuration[] = ['none', 'empty', 'observer', 'leadlens'];

/** The site a page-cost figure is measured on: where the do-nothing script runs, and LeadLens as the rep has it there. */
export interface MeasuredSite {
  /** Match patterns of the do-nothing content script. */
  matches: string[];
  /** What LeadLens's observer watches on this site (its adapter's watch): the observing script watches the same. */
  observe: MutationObserverInit;
  /** LeadLens's build. */
  extensionDir: string;
  /** What the rep does once the demo has synced, before the page opens (turning an optional site on). */
  prepare?(extension: LoadedExtension): Promise<void>;
}

export const GMAIL_SITE: MeasuredSite = { matches: ['https://mail.google.com/*'], observe: observeOptions(gmail.watch), extensionDir: EXTENSION_DIR };

/** The observing script: LeadLens's MutationObserver, on the same nodes with the same options, its callback doing nothing. */
const observingScript = (observe: MutationObserverInit) => `new MutationObserver(() => {}).observe(document.documentElement, ${JSON.stringify(observe)});`;

/** An extension with only a service worker and, on the site, a content script of this source. */
function contentScriptExtension(matches: string[], source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadlens-empty-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script',
    version: '1.0',
    background: { service_worker: 'sw.js' },
    content_scripts: [{ matches, js: ['cs.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'sw.js'), '');
  writeFileSync(join(dir, 'cs.js'), source);
  return dir;
}

/** Chromium with this unpacked extension, or with none, started as launchWithExtension starts it. */
async function launchBare(extensionDir: string | null): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'leadlens-bare-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

/** Runs `measure` in a fresh browser of this configuration; LeadLens has its demo data synced first. */
export async function inConfiguration<T>(configuration: Configuration, measure: (context: BrowserContext) => Promise<T>, site = GMAIL_SITE): Promise<T> {
  if (configuration === 'leadlens') {
    const extension = await launchWithExtension(site.extensionDir);
    try {
      await PopupPage.waitForFirstSync(extension, 60_000);
      await site.prepare?.(extension);
      return await measure(extension.context);
    } finally {
      await extension.close();
    }
  }
  const source = { none: null, empty: '', observer: observingScript(site.observe) }[configuration];
  const browser = await launchBare(source === null ? null : contentScriptExtension(site.matches, source));
  try {
    return await measure(browser.context);
  } finally {
    await browser.close();
  }
}

/** Round n's order of the configurations: each comes first, second and third in turn, so drift over the run falls on all alike. */
export const roundOrder = (round: number): Configuration[] => CONFIGURATIONS.map((_, n) => CONFIGURATIONS[(n + round) % CONFIGURATIONS.length]!);
