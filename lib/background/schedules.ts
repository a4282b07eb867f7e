// The background's recurring work, each run one at a time: the sync, the outbox delivery and the
// re-grade after a change of grading. The badge refresh, which all of them end with, is in
// badge-refresh.ts.
import type { LeadLensDb } from '../cache/db';
import type { SyncState } from '../cache/db-name';
import type { Settings } from '../domain/settings-schema';
import type { LeadSource } from '../sources/source';
import type { SourceFor } from './caches';
import { deliverDue, nextWakeAt } from './outbox';
import { applyGrading } from './regrade';
import { recordSyncFailure, syncSource } from './sync';

interface ScheduleDeps {
  db: LeadLensDb;
  loadSettings: () => Promise<Settings>;
  now: () => number;
  sourceFor: SourceFor;
}

interface SyncDeps extends ScheduleDeps {
  /** Before the pages: what else a sync refreshes from the source (the marketing system's policy). */
  beforePages?: (settings: Settings, source: LeadSource) => Promise<void>;
}

export interface SyncInTurn {
  /** One sync at a time: a second call while one runs joins it. */
  sync(): Promise<SyncState>;
  /** A sync that starts once the one under way is over: that one began too early to see a new connection. */
  syncAfresh(): Promise<SyncState>;
  /** The sync under way, if one is. */
  underWay(): Promise<SyncState> | null;
}

/** `afterSync` runs at the end of every sync, even one that could not start. */
export function createSyncInTurn({ db, loadSettings, now, sourceFor, beforePages }: SyncDeps, afterSync: () => Promise<unknown>): SyncInTurn {
  let syncUnderWay: Promise<SyncState> | null = null;
  function sync(): Promise<SyncState> {
    syncUnderWay ??= (async () => {
      const settings = await loadSettings();
      const state = await sourceFor(settings).then(
        async (source) => {
          await beforePages?.(settings, source);
          return syncSource(db, source, { now });
        },
        (error: unknown) => recordSyncFailure(db, settings.source.kind, error, now()),
      );
      // A sync that could not even start still leaves the badge and reminders right for what is cached.
      await afterSync();
      return state;
    })().finally(() => {
      syncUnderWay = null;
    });
    return syncUnderWay;
  }
  return {
    sync,
    syncAfresh: () => (syncUnderWay ?? Promise.resolve()).then(sync, sync),
    underWay: () => syncUnderWay,
  };
}

/** Sends what the outbox holds that is due; one run at a time, the next wake-up set after. */
export function createOutboxDelivery(
  { db, loadSettings, now, sourceFor }: ScheduleDeps,
  scheduleOutbox: (when: number | null) => Promise<void>,
): () => Promise<void> {
  let deliveryUnderWay: Promise<void> | null = null;
  return function deliverOutbox() {
    deliveryUnderWay ??= (async () => {
      try {
        const source = await sourceFor(await loadSettings());
        await deliverDue(db, (item) => source.deliver(item), { now });
      } catch (error) {
        // No usable source yet (say, no token): the writes wait, safe in the outbox.
        console.warn('LeadLens: delivery postponed', error);
      }
      await scheduleOutbox(await nextWakeAt(db));
    })().finally(() => {
      deliveryUnderWay = null;
    });
    return deliveryUnderWay;
  };
}

/**
 * Grades the cache again when the grading changed (regrade.ts). Re-grades run one at a time, so two
 * quick saves never re-grade side by side.
 */
export function createRegrade({ db, loadSettings }: Pick<ScheduleDeps, 'db' | 'loadSettings'>, syncs: Pick<SyncInTurn, 'underWay'>): () => Promise<void> {
  return inTurn(async () => {
    // A sync under way maps leads with the source built for the old grading: it lands first, so that
    // the re-grade covers its leads too. The next sync builds a source with the new grading.
    await syncs.underWay()?.catch(() => undefined);
    try {
      await applyGrading(db, await loadSettings());
    } catch (error) {
      // Not remembered as applied: the next settings change or browser start tries again.
      console.warn('LeadLens: could not grade the cached leads again', error);
    }
  });
}

/** `run`, made to start each call only once the call before it has ended: no two overlap, and a failure does not stop the next. */
export function inTurn<T>(run: () => Promise<T>): () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
}
