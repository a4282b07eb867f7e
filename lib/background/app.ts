// The background's behaviour, apart from the browser events that trigger it (those are wired in
// entrypoints/background/), so that it runs and is tested in Node. This file only composes the
// parts: caches.ts, schedules.ts, badge-refresh.ts and the two kinds of message handlers.
import { bindLegacyToken } from './tokens';
import type { LeadLensDb } from '../cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../cache/db-name';
import type { SaveResult } from '../cache/settings';
import type { Settings } from '../domain/settings-schema';
import type { ExtensionIdentity, LeadsChangedNotice } from '../messaging/messages';
import { createRouter } from '../messaging/router';
import { sameJson } from '../domain/policy';
import { DEMO_SOURCE_ID } from '../sources/demo/handoffs';
import type { LeadSource } from '../sources/source';
import type { Language, MessageTable } from '../ui/i18n';
import type { BadgeState } from './badge';
import { createBadgeRefresh } from './badge-refresh';
import { createClockCache, createSourceCache } from './caches';
import { cardHandlers, contentScriptHandlers } from './content-script-handlers';
import { extensionPageHandlers } from './extension-page-handlers';
import { createLeadLookup } from './lead-lookup';
import { refreshMarketingPolicy } from './marketing-policy';
import { cursorKey } from './sync';
import type { Notice } from './reminder-notices';
import { handoffIdOf } from './reminders';
import { createOutboxDelivery, createRegrade, createSyncInTurn } from './schedules';

export interface BackgroundDeps {
  db: LeadLensDb;
  /** Who LeadLens is, to tell its own pages from content scripts and other extensions. */
  extension: ExtensionIdentity;
  loadSettings: () => Promise<Settings>;
  /** The source the settings name, with its API token. */
  sourceFor: (settings: Settings, token: string | undefined) => LeadSource;
  /** Saves the rep's own settings; what a policy locks is kept out and named (lib/cache/settings.ts). */
  saveSettings: (settings: Settings) => Promise<SaveResult | void>;
  /** The marketing system's policy changed in the database: settings read from now on must be read again. */
  policyChanged?: () => void;
  /** The Lead Context API token the organisation's policy gives this connection, if any. */
  policyToken?: (source: Settings['source']) => Promise<string | undefined>;
  now: () => number;
  /** Puts the badge on the toolbar and wakes the background when it next changes. */
  showBadge: (badge: BadgeState) => Promise<void>;
  /** Wakes the background when the outbox next has something due; null clears the wake-up. */
  scheduleOutbox: (when: number | null) => Promise<void>;
  /** Shows reminders as system notifications. */
  notify: (notices: Notice[]) => Promise<void>;
  /** Tells a tab's content script that these leads are now in the cache. */
  notifyTab?: (tabId: number, notice: LeadsChangedNotice) => Promise<void>;
  /** Wakes the background when the next reminder falls due; null clears the wake-up. */
  scheduleReminders: (when: number | null) => Promise<void>;
  /** A language's message table, from the extension's _locales. */
  messagesFor: (language: Language) => Promise<MessageTable>;
}

export const SYNC_ALARM = 'sync';
export const BADGE_ALARM = 'badge';
export const OUTBOX_ALARM = 'outbox';
export const REMINDER_ALARM = 'reminder';

// The background's composition root: one scope wires the caches, the sync in turn and the outbox that
// every handler below shares; each of its functions is short.
export function createBackgroundApp(deps: BackgroundDeps) {
  const { db, now } = deps;
  const clockFor = createClockCache();
  const scheduled = { ...deps, sourceFor: createSourceCache(db, deps.sourceFor, deps.policyToken) };
  const refreshBadge = createBadgeRefresh({ ...deps, clockFor });
  const syncs = createSyncInTurn({ ...scheduled, beforePages: refreshPolicy }, refreshBadge);
  const deliverOutbox = createOutboxDelivery(scheduled, deps.scheduleOutbox);
  const regradeIfNeeded = createRegrade(deps, syncs);
  // Addresses on screen the cache does not know are asked of the source, each at most every ten minutes.
  const lookUpMissing = createLeadLookup({ db, now, sourceFor: scheduled.sourceFor, notifyTab: deps.notifyTab });

  const inPage = { ...deps, clockFor, lookUpMissing, refreshBadge, deliverOutbox };
  const handleMessage = createRouter(
    {
      contentScript: contentScriptHandlers(inPage),
      card: cardHandlers(inPage),
      extensionPage: extensionPageHandlers({ ...scheduled, syncs, deliverOutbox }),
    },
    deps.extension,
  );

  /**
   * After any change of the settings: the cache is graded again when the grading changed, then the
   * badge and reminders follow the new rep, calendar, rules or reminders.
   */
  async function settingsChanged(): Promise<BadgeState> {
    await regradeIfNeeded();
    return refreshBadge();
  }

  /** The demo was laid out on terms a policy has since changed: the next sync lays it out again. */
  let demoLayoutStale = false;

  /**
   * Each sync first asks the source for the team's agreement. A changed one is read from now on: the
   * badge at the sync's end follows it, and the cache is graded again once the sync is over.
   */
  async function refreshPolicy(settings: Settings, source: LeadSource): Promise<void> {
    if (demoLayoutStale && source.id === DEMO_SOURCE_ID) await db.meta.delete(cursorKey(source.id));
    demoLayoutStale = false;
    if (!(await refreshMarketingPolicy(db, source, settings.source, now()))) return;
    deps.policyChanged?.();
    void regradeIfNeeded();
  }

  /**
   * The organisation's policy changed (storage.managed; Chrome also delivers it this way just after
   * the worker starts): everything follows, and a sync runs for a connection it may have set. The
   * demo's deadlines were set on the rules of its layout, so it is laid out again on the new ones.
   */
  async function managedPolicyChanged(): Promise<void> {
    const before = await deps.loadSettings();
    deps.policyChanged?.();
    const after = await deps.loadSettings();
    const terms = ({ calendar, slaPolicy, grading }: Settings) => ({ calendar, slaPolicy, grading });
    if (!sameJson(terms(before), terms(after))) demoLayoutStale = true;
    await settingsChanged();
    void syncs.syncAfresh();
  }

  /** Where a click on a reminder leads: the lead in the CRM when marketing gave its link; null for the queue. */
  async function reminderTarget(notification: string): Promise<string | null> {
    const handoffId = handoffIdOf(notification);
    const handoff = handoffId ? await db.handoffs.get(handoffId) : undefined;
    const lead = handoff ? await db.leads.get(handoff.email) : undefined;
    return lead?.crmUrl ?? null;
  }

  /** On update and browser start, before the first sync: a token from an older version gets its base URL. */
  async function bindLegacyTokens(): Promise<void> {
    await bindLegacyToken(db, (await deps.loadSettings()).source);
  }

  /**
   * At browser start: a sync only when the cache is older than one interval. Otherwise the rep's own
   * alarm (spread over the interval, sync-offset.ts) comes soon enough, and a team opening its
   * browsers at 9:00 does not meet the vendor's per-account limit all at once.
   */
  async function syncIfStale(intervalMinutes: number): Promise<void> {
    const state = await db.getMeta<SyncState>(SYNC_STATE_KEY);
    if (state?.lastSuccessAt === undefined || deps.now() - state.lastSuccessAt >= intervalMinutes * 60_000) await syncs.sync();
    else await refreshBadge();
  }

  return { sync: syncs.sync, syncIfStale, refreshBadge, settingsChanged, managedPolicyChanged, regradeIfNeeded, deliverOutbox, reminderTarget, handleMessage, bindLegacyTokens };
}

export type BackgroundApp = ReturnType<typeof createBackgroundApp>;
