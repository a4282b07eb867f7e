// The background's behaviour, apart from the browser events that trigger it (those are wired in
// entrypoints/background.ts), so that it runs and is tested in Node.
import { badgeFor, type BadgeState } from './badge';
import { leadContexts } from './context';
import type { LeadLensDb } from './db';
import type { Settings } from './model';
import type { Handlers } from './messages';
import { recordAction } from './outbox';
import { pendingHandoffs } from './queue';
import { createRouter } from './router';
import { createBusinessClock } from './sla';
import type { LeadSource } from './sources/source';
import { recordSyncFailure, SYNC_STATE_KEY, syncSource, type SyncState } from './sync';

export interface BackgroundDeps {
  db: LeadLensDb;
  loadSettings: () => Promise<Settings>;
  sourceFor: (settings: Settings) => LeadSource;
  now: () => number;
  /** Puts the badge on the toolbar and wakes the background when it next changes. */
  showBadge: (badge: BadgeState) => Promise<void>;
}

export const SYNC_ALARM = 'sync';
export const BADGE_ALARM = 'badge';

export function createBackgroundApp(deps: BackgroundDeps) {
  const { db, loadSettings, sourceFor, now, showBadge } = deps;
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
      const state = await syncSource(db, source, { now });
      await refreshBadge();
      return state;
    })().finally(() => {
      syncUnderWay = null;
    });
    return syncUnderWay;
  }

  async function refreshBadge(): Promise<BadgeState> {
    const settings = await loadSettings();
    const queue = await pendingHandoffs(db, settings.repEmail);
    const clock = createBusinessClock(settings.calendar);
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
    async feedback({ email, handoffId, verdict, reasonCode, note }) {
      const payload = { kind: 'feedback' as const, email, handoffId, verdict, reasonCode: reasonCode ?? verdict, note };
      const item = await recordAction(db, payload, { now: now() });
      return { queuedId: item.id };
    },
    async handoffAction({ handoffId, action, reasonCode, note }) {
      const item = await recordAction(db, { kind: 'handoff_action', handoffId, action, reasonCode, note }, { now: now() });
      await refreshBadge();
      return { queuedId: item.id };
    },
  };

  return { sync, refreshBadge, handleMessage: createRouter(handlers) };
}
