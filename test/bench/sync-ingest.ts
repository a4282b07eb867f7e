// Sync ingest of 550,000 records from the Lead Context API fake, beside its floor: the same records
// from the same fake, fetched the same way and written raw into the same database (floors.ts), each
// run in a fresh browser, the sync's runs and the floor's taking turns.
import { EXTENSION_DIR, GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from '../e2e/extension';
import { PopupPage } from '../e2e/pages/popup-page';
import { startFakeLeadContextApi } from '../fakes/lead-context-api';
import { wireLead, wireTouch } from '../fakes/wire';
import { makeLead, makeTouch } from '../fixtures/factories';
import { rawIngestPerSecond, rawWritesPerSecond } from './floors';
import { median, type Measurement } from './stats';
import { DEBUGGING_PORT_ARG, workerHeap } from './worker-heap';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

const LEADS = 50_000;
const TOUCHES = 500_000;
const RUNS = 3;

interface SyncRun {
  rate: number;
  /** Sync runs it took: one run stops at SYNC_LIMITS (500 pages) and the next goes on from its cursor. */
  syncRuns: number;
  /** The worker's peak JavaScript heap, bytes. */
  peak: number;
}

async function inFreshBrowser<T>(extraArgs: string[], run: (extension: LoadedExtension) => Promise<T>): Promise<T> {
  const extension = await launchWithExtension(GRANTED_EXTENSION_DIR, extraArgs);
  try {
    await PopupPage.waitForFirstSync(extension, 60_000);
    return await run(extension);
  } finally {
    await extension.close();
  }
}

/**
 * Everything synced into a fresh profile: the sync the connection starts, then "sync now" until one
 * catches up. Each run is timed from its start (the sync state's lastAttemptAt) to its end.
 */
async function syncOnce(extension: LoadedExtension, baseUrl: string, token: string): Promise<SyncRun> {
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
    const runs = await page.evaluate(async (connection) => {
      type State = { status: string; sourceId?: string; recordsSynced: number; lastAttemptAt: number; lastSuccessAt?: number; error?: string };
      const done = (state: State) => ({ records: state.recordsSynced, ms: Date.now() - state.lastAttemptAt, startedAt: state.lastAttemptAt, caughtUp: (state.lastSuccessAt ?? 0) >= state.lastAttemptAt });
      const asked = Date.now();
      await chrome.runtime.sendMessage({ type: 'saveConnection', kind: 'http', ...connection });
      const runs: ReturnType<typeof done>[] = [];
      while (runs.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const state: State | undefined = (await chrome.runtime.sendMessage({ type: 'context', emails: ['sync0@scale.example.com'] })).data?.syncState;
        if (!state?.sourceId?.startsWith('http') || state.lastAttemptAt < asked) continue;
        if (state.status === 'error') throw new Error(state.error);
        if (state.status === 'idle') runs.push(done(state));
      }
      while (!runs.at(-1)!.caughtUp) {
        const reply = await chrome.runtime.sendMessage({ type: 'syncNow' });
        if (!reply.ok || reply.data.status === 'error') throw new Error(reply.data?.error ?? 'sync failed');
        // The state says idle before the run has ended (the badge and reminders follow its pages): a
        // "sync now" then joins that run, and answers with it again.
        if (reply.data.lastAttemptAt === runs.at(-1)!.startedAt) continue;
        runs.push(done(reply.data));
      }
      return runs;
    }, { baseUrl, token });
    const records = runs.reduce((sum, run) => sum + run.records, 0);
    const ms = runs.reduce((sum, run) => sum + run.ms, 0);
    if (records !== LEADS + TOUCHES) throw new Error(`The sync stored ${records} records, not ${LEADS + TOUCHES}.`);
    return { rate: records / (ms / 1000), syncRuns: runs.length, peak };
  } finally {
    syncing = false;
    await sampling;
    await heap.close();
  }
}

export async function syncIngest(): Promise<Measurement[]> {
  const leads = Array.from({ length: LEADS }, (_, n) => wireLead(makeLead(n, { email: `sync${n}@scale.example.com` })));
  const touches = Array.from({ length: TOUCHES }, (_, n) => wireTouch(makeTouch(n, `sync${n % LEADS}@scale.example.com`)));
  const syncs: SyncRun[] = [];
  const floors: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const measure of run % 2 === 0 ? ['sync', 'floor'] : ['floor', 'sync']) {
      const fake = await startFakeLeadContextApi({ records: { leads, touches } });
      try {
        if (measure === 'sync') syncs.push(await inFreshBrowser([DEBUGGING_PORT_ARG], (extension) => syncOnce(extension, fake.baseUrl, fake.token)));
        else floors.push(await inFreshBrowser([], (extension) => extension.serviceWorker.evaluate(rawIngestPerSecond, { baseUrl: fake.baseUrl, token: fake.token })));
      } finally {
        await fake.close();
      }
    }
  }
  const extension = await launchWithExtension(EXTENSION_DIR);
  let synthetic: number;
  try {
    await PopupPage.waitForFirstSync(extension, 60_000);
    synthetic = await extension.serviceWorker.evaluate(rawWritesPerSecond);
  } finally {
    await extension.close();
  }
  const rate = median(syncs.map((run) => run.rate));
  const floor = median(floors);
  return [
    {
      name: 'raw IndexedDB writes of 50,000 synthetic touch records into an empty database (the floor used before)',
      value: synthetic, unit: 'records/s', budget: '—', met: null,
      detail: `1,000 a transaction; ${Math.round((100 * rate) / synthetic)} % of it for the sync, which writes 11 times as many, leads too, into a database that grows`,
    },
    {
      name: 'the floor under it: the same 550,000 records fetched the same way and written raw into the same database',
      value: floor, unit: 'records/s', budget: '—', met: null,
      detail: `${floors.length} runs (${floors.map((value) => Math.round(value).toLocaleString('en')).join(', ')}), each in a fresh browser, taking turns with the sync's; fetch, JSON.parse and one transaction per page, no zod, Dexie, outbox or sync state`,
    },
    {
      name: `sync ingest from the Lead Context API (${LEADS.toLocaleString('en')} leads + ${TOUCHES.toLocaleString('en')} touches)`,
      value: rate, unit: 'records/s', budget: '≥ 85 % of floor', met: rate >= 0.85 * floor,
      floor: `${Math.round(floor).toLocaleString('en')} records/s, so ≥ ${Math.round(0.85 * floor).toLocaleString('en')}; ${Math.round((100 * rate) / floor)} % here`,
      detail: `${syncs.length} runs (${syncs.map((run) => Math.round(run.rate).toLocaleString('en')).join(', ')}), each ${syncs[0]!.syncRuns} sync runs of at most 500 pages, timed start to end`,
    },
    {
      name: 'sync ingest: peak JavaScript heap of the service worker',
      value: median(syncs.map((run) => run.peak)) / 2 ** 20, unit: 'MB', budget: 'bounded', met: null,
      detail: `median of the runs' peaks, sampled every 0.5 s; the data synced is ${Math.round((JSON.stringify(leads).length + JSON.stringify(touches).length) / 2 ** 20)} MB as JSON`,
    },
  ];
}
