// The background's behaviour, apart from the browser events that trigger it (those are wired in
// entrypoints/background.ts), so that it runs and is tested in Node.
import { leadContexts } from './context';
import type { LeadLensDb } from './db';
import type { Settings } from './model';
import type { Handlers } from './messages';
import { createRouter } from './router';
import { createBusinessClock } from './sla';
import type { LeadSource } from './sources/source';
import { recordSyncFailure, SYNC_STATE_KEY, syncSource, type SyncState } from './sync';

export interface BackgroundDeps {
  db: LeadLensDb;
  loadSettings: () => Promise<Settings>;
  sourceFor: (settings: Settings) => LeadSource;
  now: () => number;
}

export const SYNC_ALARM = 'sync';

export function createBackgroundApp(deps: BackgroundDeps) {
  const { db, loadSettings, sourceFor, now } = deps;
  let syncUnderWay: Promise<SyncState> | null = null;

  /** One sync at a time: a second call while one runs joins it. */
  function sync(): Promise<SyncState> {
    syncUnderWay ??= (async () => {
      const settings = await loadSettings();
      let source: LeadSource;
      try {
        source = sourceFor(settings);
      } catch (error) {
        return recordSyncFailure(db, settings.source.kind, error, now());
      }
      return syncSource(db, source, { now });
    })().finally(() => {
      syncUnderWay = null;
    });
    return syncUnderWay;
  }

  const handlers: Handlers = {
    async context({ emails }) {
      const settings = await loadSettings();
      const clock = createBusinessClock(settings.calendar);
      const [contexts, syncState] = await Promise.all([
        leadContexts(db, emails, { now: now(), clock, policy: settings.slaPolicy }),
        db.getMeta<SyncState>(SYNC_STATE_KEY),
      ]);
      return { contexts, syncState: syncState ?? null };
    },
    syncNow: () => sync(),
  };

  return { sync, handleMessage: createRouter(handlers) };
}
