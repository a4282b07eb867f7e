// The benchmark: LeadLens against its budgets, in real Chromium. Not part of `npm test`: timings
// are recorded in bench/, never asserted.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { FIRST_SCREEN } from '../../lib/cache/first-screen';
import { generateDemo } from '../../lib/sources/demo/source';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { findChromium } from '../e2e/browsers';
import { EXTENSION_DIR, GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from '../e2e/extension';
import { HostPage } from '../e2e/pages/host-page';
import { PopupPage } from '../e2e/pages/popup-page';
import { startFakeLeadContextApi } from '../fakes/lead-context-api';
import { wireLead, wireTouch } from '../fakes/wire';
import { makeLead, makeTouch } from '../fixtures/factories';
import { rawLookupMs, rawWritesPerSecond } from './floors';
import { seedInWorker } from './seed';
import { DEBUGGING_PORT_ARG, workerHeap } from './worker-heap';
import { median, percentile, writeReport, type Measurement } from './stats';

const BENCH_DIR = fileURLToPath(new URL('../../bench', import.meta.url));
const gmailThread = PAGE_FIXTURES[0]!;
const measurements: Measurement[] = [];
let browserVersion = '';

async function withExtension<T>(dir: string, run: (extension: LoadedExtension) => Promise<T>, extraArgs: string[] = []): Promise<T> {
  const extension = await launchWithExtension(dir, extraArgs);
  browserVersion = extension.context.browser()?.version() ?? browserVersion;
  try {
    await PopupPage.waitForFirstSync(extension, 60_000);
    return await run(extension);
  } finally {
    await extension.close();
  }
}

/** Lets the extension's process finish what a closed page left (its teardown takes tens of ms). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

/** Inserts a message header for `email` and times it to the frame in which LeadLens's chip is there. */
async function timeToChip(page: Page, email: string): Promise<number> {
  return page.evaluate(
    (address) =>
      new Promise<number>((resolve) => {
        const message = document.createElement('div');
        message.className = 'adn ads';
        message.innerHTML = '<div class="gE iv gt"><h3 class="iw"><span class="gD"></span></h3></div>';
        message.querySelector('.gD')!.setAttribute('email', address);
        const start = performance.now();
        document.querySelector('[role="list"]')!.append(message);
        const check = (frameTime: number) => {
          const host = message.querySelector('leadlens-overlay');
          if (host?.shadowRoot?.querySelector('.ll-chip')) resolve(Math.max(0, frameTime - start));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    email,
  );
}

/** An extension with only a service worker and, on Gmail, a content script that does nothing. */
function emptyContentScriptExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadlens-empty-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script',
    version: '1.0',
    background: { service_worker: 'sw.js' },
    content_scripts: [{ matches: ['https://mail.google.com/*'], js: ['cs.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'sw.js'), '');
  writeFileSync(join(dir, 'cs.js'), '');
  return dir;
}

/** Chromium with this unpacked extension, or with none. */
async function withBareExtension<T>(extensionDir: string | null, run: (context: BrowserContext) => Promise<T>): Promise<T> {
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
  try {
    return await run(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  }
}

async function mainThreadMs(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.route('https://mail.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(__dirname, '../fixtures/pages', gmailThread.file), 'utf8') }),
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(gmailThread.url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
}

describe('LeadLens benchmark', () => {
  it('measures the card, the page cost, the sizes, lookup, sync and the popup', async () => {
    // 1. Address appearing in Gmail -> chip painted, for leads in the cache but new to the tab.
    const demo = generateDemo({ seed: 1, now: Date.now(), repEmail: DEFAULT_SETTINGS.repEmail });
    const paint = await withExtension(EXTENSION_DIR, async (extension) => {
      const gmail = await HostPage.open(extension, gmailThread);
      await gmail.chips().first().waitFor();
      const times: number[] = [];
      for (const lead of demo.leads.slice(20, 80)) times.push(await timeToChip(gmail.page, lead.email));
      return times;
    });
    measurements.push(
      { name: 'Gmail: address to chip painted, cached lead, p50', value: percentile(paint, 50), unit: 'ms', budget: '—', met: null, detail: `${paint.length} addresses` },
      { name: 'Gmail: address to chip painted, cached lead, p95', value: percentile(paint, 95), unit: 'ms', budget: '≤ 16 ms', met: percentile(paint, 95) <= 16 },
    );

    // 2. Main-thread time on loading the Gmail page, with LeadLens against without, and, for the floor,
    // with an extension whose content script does nothing.
    const runs = 9;
    const loads = async (context: BrowserContext) => {
      const samples: number[] = [];
      for (let n = 0; n < runs; n++) samples.push(await mainThreadMs(context));
      return samples;
    };
    const withLeadLens = await withExtension(EXTENSION_DIR, (extension) => loads(extension.context));
    const withEmpty = await withBareExtension(emptyContentScriptExtension(), (context) => loads(context));
    const without = await withBareExtension(null, (context) => loads(context));
    const added = (samples: number[]) => (median(samples) - median(without)) / median(without);
    measurements.push(
      {
        name: 'Gmail page load: main-thread time added by LeadLens',
        value: added(withLeadLens) * 100,
        unit: '%',
        budget: '≤ 5 %',
        met: added(withLeadLens) <= 0.05,
        detail: `median TaskDuration ${median(withLeadLens).toFixed(1)} ms with, ${median(without).toFixed(1)} ms without, ${runs} loads each`,
      },
      {
        name: 'Gmail page load: main-thread time added by a content script that does nothing (the floor)',
        value: added(withEmpty) * 100,
        unit: '%',
        budget: '—',
        met: null,
        detail: `median TaskDuration ${median(withEmpty).toFixed(1)} ms`,
      },
    );

    // 3. Gzipped size of each entrypoint.
    const files = (readdirSync(EXTENSION_DIR, { recursive: true }) as string[]).filter((file) => file.endsWith('.js'));
    for (const file of files.sort()) {
      const gz = gzipSync(readFileSync(join(EXTENSION_DIR, file))).length / 1024;
      const isContentScript = file.startsWith('content-scripts/');
      measurements.push({
        name: `gzipped size: ${relative('.', file)}`,
        value: gz,
        unit: 'KB',
        budget: isContentScript ? '< 15 KB' : '—',
        met: isContentScript ? gz < 15 : null,
      });
    }

    // 4 and 6. Batch lookup in a large cache, and the popup with 1,000 pending handoffs.
    await withExtension(EXTENSION_DIR, async (extension) => {
      await extension.serviceWorker.evaluate(seedInWorker, { leads: 200_000, handoffs: 1000, repEmail: DEFAULT_SETTINGS.repEmail, now: Date.now() });
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
      // The seed bypassed sync: a sync now does what every sync ends with (badge, reminders and the
      // popup's first screen worked out again from the whole queue).
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
      const lookups = await page.evaluate(async () => {
        const times: number[] = [];
        for (let run = 0; run < 20; run++) {
          const emails = Array.from({ length: 100 }, (_, n) => `bench${(run * 7919 + n * 1999) % 200_000}@scale.example.com`);
          const start = performance.now();
          const reply = await chrome.runtime.sendMessage({ type: 'context', emails });
          times.push(performance.now() - start);
          if (!reply.ok || reply.data.contexts.filter((context: { lead: unknown }) => context.lead).length !== 100) throw new Error('lookup missed');
        }
        return times;
      });
      // The floor: a message the background refuses at once, and the same reads done raw in the worker.
      const roundTrips = await page.evaluate(async () => {
        const times: number[] = [];
        for (let run = 0; run < 20; run++) {
          const start = performance.now();
          await chrome.runtime.sendMessage({ type: 'no such message' });
          times.push(performance.now() - start);
        }
        return times;
      });
      const rawReads = await extension.serviceWorker.evaluate(rawLookupMs, { leads: 200_000 });
      await page.close();
      measurements.push({
        name: 'the floor under it: a message round trip plus the same reads done raw in the worker',
        value: median(roundTrips) + rawReads,
        unit: 'ms',
        budget: '—',
        met: null,
        detail: `round trip ${median(roundTrips).toFixed(1)} ms, raw reads ${rawReads.toFixed(1)} ms`,
      });
      measurements.push({
        name: 'context for 100 addresses among 200,000 leads (message round trip included)',
        value: median(lookups),
        unit: 'ms',
        budget: '< 10 ms',
        met: median(lookups) < 10,
        detail: `p95 ${percentile(lookups, 95).toFixed(1)} ms over ${lookups.length} batches`,
      });

      // A rep opens the popup on an idle browser: let the lookups above settle first.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // The floor: an empty page of the extension with the same markers, opened the same way.
      const blankFile = join(EXTENSION_DIR, 'bench-blank.html');
      writeFileSync(blankFile, '<!doctype html><meta charset="utf-8"><ol class="queue"><li></li></ol><span class="queue-count"></span>');
      const blank: number[] = [];
      try {
        for (let run = 0; run < 7; run++) {
          const empty = await extension.context.newPage();
          await empty.addInitScript(() => {
            const poll = (frameTime: number) => {
              if (document.querySelector('.queue li')) (window as unknown as { first: number }).first = frameTime;
              else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          });
          await empty.goto(`chrome-extension://${extension.extensionId}/bench-blank.html`);
          await empty.waitForFunction(() => (window as unknown as { first?: number }).first !== undefined);
          blank.push(await empty.evaluate(() => (window as unknown as { first: number }).first));
          await empty.close();
          await settle(); // the page is torn down in the same process as the next one
        }
      } finally {
        rmSync(blankFile, { force: true });
      }
      measurements.push({ name: 'the floor under it: navigation to an empty page of the extension painted', value: median(blank), unit: 'ms', budget: '—', met: null, detail: `${blank.length} opens` });

      // First screen: the queue's top rows painted, with the count of all 1,000 beside its title.
      // All: every row in the page, which the popup draws once the top is on screen.
      const firstScreen: number[] = [];
      const allRows: number[] = [];
      for (let run = 0; run < 11; run++) {
        const popup = await extension.context.newPage();
        await popup.addInitScript(() => {
          const marks = window as unknown as { first?: number; all?: number };
          const poll = (frameTime: number) => {
            const rows = document.querySelectorAll('.queue li').length;
            if (rows > 0 && marks.first === undefined && document.querySelector('.queue-count')) marks.first = frameTime;
            if (rows >= 1000) marks.all = frameTime;
            else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        });
        await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
        await popup.waitForFunction(() => (window as unknown as { all?: number }).all !== undefined, null, { timeout: 60_000 });
        const marks = await popup.evaluate(() => {
          const { first, all } = window as unknown as { first: number; all: number };
          return { first, all };
        });
        firstScreen.push(marks.first);
        allRows.push(marks.all);
        await popup.close();
        // A rep opens the popup long after closing it: tearing down 1,000 rows is not the next opening's cost.
        await settle();
      }
      measurements.push(
        {
          name: 'popup: navigation to the first screen of 1,000 pending handoffs painted',
          value: median(firstScreen),
          unit: 'ms',
          budget: '< 100 ms',
          met: median(firstScreen) < 100,
          detail: `${firstScreen.length} opens, each a second after the last closed (${Math.min(...firstScreen).toFixed(0)}-${Math.max(...firstScreen).toFixed(0)} ms); the top ${FIRST_SCREEN} rows and the count of all 1,000`,
        },
        {
          name: 'popup: navigation to all 1,000 rows in the page',
          value: median(allRows),
          unit: 'ms',
          budget: '—',
          met: null,
          detail: `${allRows.length} opens`,
        },
      );
    });

    // 5. Sync ingest from the Lead Context API fake: 50,000 leads and 500,000 touches.
    const leads = Array.from({ length: 50_000 }, (_, n) => wireLead(makeLead(n, { email: `sync${n}@scale.example.com` })));
    const touches = Array.from({ length: 500_000 }, (_, n) => wireTouch(makeTouch(n, `sync${n % 50_000}@scale.example.com`)));
    const rates: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < 3; run++) {
      const fake = await startFakeLeadContextApi({ records: { leads, touches } });
      try {
        const { rate, peak } = await withExtension(
          GRANTED_EXTENSION_DIR,
          async (extension) => {
            const heap = await workerHeap(extension.userDataDir, extension.extensionId);
            const page = await extension.context.newPage();
            await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
            // The worker's heap, every half second while the sync runs: bounded, or growing with the data?
            let peak = 0;
            let syncing = true;
            const sampling = (async () => {
              while (syncing) {
                peak = Math.max(peak, await heap.sample());
                await new Promise((resolve) => setTimeout(resolve, 500));
              }
            })();
            try {
              const rate = await page.evaluate(async ({ baseUrl, token }) => {
                await chrome.runtime.sendMessage({ type: 'saveConnection', kind: 'http', baseUrl, token });
                for (;;) {
                  await new Promise((resolve) => setTimeout(resolve, 500));
                  const reply = await chrome.runtime.sendMessage({ type: 'context', emails: ['sync0@scale.example.com'] });
                  const state = reply.data?.syncState;
                  if (state?.sourceId?.startsWith('http') && state.status === 'error') throw new Error(state.error);
                  if (state?.sourceId?.startsWith('http') && state.status === 'idle') return state.recordsSynced / ((state.lastSuccessAt - state.lastAttemptAt) / 1000);
                }
              }, { baseUrl: fake.baseUrl, token: fake.token });
              return { rate, peak };
            } finally {
              syncing = false;
              await sampling;
              await heap.close();
            }
          },
          [DEBUGGING_PORT_ARG],
        );
        rates.push(rate);
        peaks.push(peak);
      } finally {
        await fake.close();
      }
    }
    const rawWrites = await withExtension(EXTENSION_DIR, (extension) => extension.serviceWorker.evaluate(rawWritesPerSecond));
    measurements.push(
      {
        name: 'the floor under it: raw IndexedDB writes in the worker, 1,000 touch records a transaction',
        value: rawWrites,
        unit: 'records/s',
        budget: '—',
        met: null,
        detail: '50 transactions into a scratch database with the touches index',
      },
      {
        name: 'sync ingest from the Lead Context API (50,000 leads + 500,000 touches)',
        value: median(rates),
        unit: 'records/s',
        budget: '> 20,000 records/s',
        met: median(rates) > 20_000,
        detail: `${rates.length} runs`,
      },
      {
        name: 'sync ingest: peak JavaScript heap of the service worker',
        value: median(peaks) / 2 ** 20,
        unit: 'MB',
        budget: 'bounded',
        met: null,
        detail: `median of the runs' peaks, sampled every 0.5 s; the data synced is ${Math.round((JSON.stringify(leads).length + JSON.stringify(touches).length) / 2 ** 20)} MB as JSON`,
      },
    );

    writeReport(BENCH_DIR, browserVersion, measurements);
    console.table(measurements.map(({ name, value, unit, met }) => ({ name, value: value.toFixed(2), unit, met })));
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };
