// The background's behaviour, apart from the browser events that trigger it (those are wired in
// entrypoints/background.ts), so that it runs and is tested in Node.
import { badgeFor, type BadgeState } from './badge';
import { leadContexts } from './context';
import type { LeadLensDb } from './db';
import type { Settings } from './model';
import type { Handlers } from './messages';
import { loadToken, saveToken } from './credentials';
import { deliverDue, makeQueuedDue, nextWakeAt, NOT_BEFORE_KEY, recordAction } from './outbox';
import { pendingHandoffs } from './queue';
import { createRouter } from './router';
import { createBusinessClock, type BusinessClock } from './sla';
import type { LeadSource } from './sources/source';
import { recordSyncFailure, SYNC_STATE_KEY, syncSource, type SyncState } from './sync';

export interface BackgroundDeps {
  db: LeadLensDb;
  loadSettings: () => Promise<Settings>;
  /** The source the settings name, with its API token. */
  sourceFor: (settings: Settings, token: string | undefined) => LeadSource;
  saveSettings: (settings: Settings) => Promise<void>;
  now: () => number;
  /** Puts the badge on the toolbar and wakes the background when it next changes. */
  showBadge: (badge: BadgeState) => Promise<void>;
  /** Wakes the background when the outbox next has something due; null clears the wake-up. */
  scheduleOutbox: (when: number | null) => Promise<void>;
}

export const SYNC_ALARM = 'sync';
export const BADGE_ALARM = 'badge';
export const OUTBOX_ALARM = 'outbox';

export function createBackgroundApp(deps: BackgroundDeps) {
  const { db, loadSettings, now, showBadge, scheduleOutbox } = deps;
  // Building a clock parses the holiday rules: one per calendar, kept while the calendar stays the same.
  let clockCache: { key: string; clock: BusinessClock } | null = null;
  function clockFor(calendar: Settings['calendar']): BusinessClock {
    const key = JSON.stringify(calendar);
    if (clockCache?.key !== key) clockCache = { key, clock: createBusinessClock(calendar) };
    return clockCache.clock;
  }

  /** The saved token, unless one is being tried out before it is saved. */
  const sourceFor = async (settings: Settings, token?: string) =>
    deps.sourceFor(settings, token ?? (await loadToken(db, settings.source.kind)));
  let syncUnderWay: Promise<SyncState> | null = null;
  let deliveryUnderWay: Promise<void> | null = null;

  /** One sync at a time: a second call while one runs joins it. */
  function sync(): Promise<SyncState> {
    syncUnderWay ??= (async () => {
      const settings = await loadSettings();
      let source: LeadSource;
      try {
        source = await sourceFor(settings);
      } catch (error) {
        return recordSyncFailure(db, settings.source.kind, error, now());
      }
      const state = await syncSource(db, source, { now });
      await refreshBadge();
      return state;
    })().finally(() => {
      syncUnderWay = null;
    });
    return syncUnderWay;
  }

  /** Sends what the outbox holds that is due; one run at a time, the next wake-up set after. */
  function deliverOutbox(): Promise<void> {
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
  }

  async function refreshBadge(): Promise<BadgeState> {
    const settings = await loadSettings();
    const queue = await pendingHandoffs(db, settings.repEmail);
    const clock = clockFor(settings.calendar);
    const badge = badgeFor(
      queue.map((entry) => entry.handoff),
      clock,
      settings.slaPolicy,
      now(),
    );
    await showBadge(badge);
    return badge;
  }

  const handlers: Handlers = {
    async context({ emails, withTouches }) {
      const settings = await loadSettings();
      const clock = clockFor(settings.calendar);
      const [contexts, syncState] = await Promise.all([
        leadContexts(db, emails, { now: now(), clock, policy: settings.slaPolicy, touchLimit: withTouches ? 100 : 0 }),
        db.getMeta<SyncState>(SYNC_STATE_KEY),
      ]);
      return { contexts, syncState: syncState ?? null };
    },
    syncNow: () => sync(),
    async feedback({ email, handoffId, verdict, reasonCode, note }) {
      const payload = { kind: 'feedback' as const, email, handoffId, verdict, reasonCode: reasonCode ?? verdict, note };
      const item = await recordAction(db, payload, { now: now() });
      void deliverOutbox();
      return { queuedId: item.id };
    },
    async handoffAction({ handoffId, action, reasonCode, note }) {
      const item = await recordAction(db, { kind: 'handoff_action', handoffId, action, reasonCode, note }, { now: now() });
      await refreshBadge();
      void deliverOutbox();
      return { queuedId: item.id };
    },
    async saveConnection({ kind, baseUrl, token }) {
      const settings = await loadSettings();
      await deps.saveSettings({ ...settings, source: { ...settings.source, kind, baseUrl } });
      if (token) await saveToken(db, kind, token);
      // Writes that waited on the old connection go out now, not after their backoff.
      await db.setMeta(NOT_BEFORE_KEY, 0);
      await makeQueuedDue(db, now());
      void sync();
      void deliverOutbox();
      return { tokenSaved: !!(token ?? (await loadToken(db, kind))) };
    },
    async testConnection({ kind, baseUrl, token }) {
      const settings = await loadSettings();
      const candidate = { ...settings, source: { ...settings.source, kind, baseUrl } };
      try {
        const source = await sourceFor(candidate, token);
        await source.changes(null, 1);
        return { ok: true, message: 'Connected.' };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };

  return { sync, refreshBadge, deliverOutbox, handleMessage: createRouter(handlers) };
}
