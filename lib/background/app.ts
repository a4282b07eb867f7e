// The background's behaviour, apart from the browser events that trigger it (those are wired in
// entrypoints/background.ts), so that it runs and is tested in Node.
import { badgeFor, type BadgeState } from './badge';
import { FIRST_SCREEN_KEY, snapshotOf } from '../cache/first-screen';
import { leadContexts } from '../cache/lead-context';
import type { LeadLensDb } from '../cache/db';
import type { Settings } from '../domain/settings-schema';
import type { Handlers, LeadsChangedNotice } from '../messaging/messages';
import { loadToken, saveToken } from '../cache/credentials';
import { createLeadLookup } from './lead-lookup';
import { deliverDue, makeQueuedDue, nextWakeAt, NOT_BEFORE_KEY, recordAction } from './outbox';
import { pendingHandoffs, type QueueEntry } from '../cache/queue';
import { handoffIdOf, planReminders, REMINDERS_CHECKED_KEY } from './reminders';
import { noticesFor, type Notice } from './reminder-notices';
import type { Language, MessageTable } from '../ui/i18n';
import { applyGrading } from './regrade';
import { createRouter } from '../messaging/router';
import { createBusinessClock, type BusinessClock } from '../time/sla';
import type { LeadSource } from '../sources/source';
import { recordSyncFailure, syncSource } from './sync';
import { SYNC_STATE_KEY, type SyncState } from '../cache/db-name';

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

export function createBackgroundApp(deps: BackgroundDeps) {
  const { db, loadSettings, now, showBadge, scheduleOutbox, notify, scheduleReminders } = deps;
  // Building a clock parses the holiday rules: one per calendar, kept while the calendar stays the same.
  let clockCache: { key: string; clock: BusinessClock } | null = null;
  function clockFor(calendar: Settings['calendar']): BusinessClock {
    const key = JSON.stringify(calendar);
    if (clockCache?.key !== key) clockCache = { key, clock: createBusinessClock(calendar) };
    return clockCache.clock;
  }

  /**
   * The source for the saved connection, kept while the connection and what the adapter depends on
   * stay the same, so that what it learnt (HubSpot's owners, Marketo's access token) serves every
   * sync and lookup of this worker's life. A token being tried out gets a source of its own.
   */
  let sourceCache: { key: string; source: LeadSource } | null = null;
  async function sourceFor(settings: Settings, token?: string): Promise<LeadSource> {
    if (token !== undefined) return deps.sourceFor(settings, token);
    const saved = await loadToken(db, settings.source.kind);
    const key = JSON.stringify([settings.source, settings.repEmail, settings.calendar, settings.slaPolicy, settings.grading, saved]);
    if (sourceCache?.key !== key) sourceCache = { key, source: deps.sourceFor(settings, saved) };
    return sourceCache.source;
  }
  let syncUnderWay: Promise<SyncState> | null = null;
  let deliveryUnderWay: Promise<void> | null = null;

  /** One sync at a time: a second call while one runs joins it. */
  function sync(): Promise<SyncState> {
    syncUnderWay ??= (async () => {
      const settings = await loadSettings();
      const state = await sourceFor(settings).then(
        (source) => syncSource(db, source, { now }),
        (error: unknown) => recordSyncFailure(db, settings.source.kind, error, now()),
      );
      // A sync that could not even start still leaves the badge and reminders right for what is cached.
      await refreshBadge();
      return state;
    })().finally(() => {
      syncUnderWay = null;
    });
    return syncUnderWay;
  }

  /** A sync that starts once the one under way is over: that one began too early to see a new connection. */
  function syncAfresh(): Promise<SyncState> {
    return (syncUnderWay ?? Promise.resolve()).then(sync, sync);
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

  /**
   * One refresh at a time, each after the one before: two at once would each read when reminders
   * were last looked at, and the slower would set that moment back.
   */
  const refreshBadge = inTurn(workOutBadge);

  async function workOutBadge(): Promise<BadgeState> {
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
    await remind(settings, queue);
    await keepFirstScreen(queue, settings.repEmail);
    return badge;
  }

  /**
   * The popup's first paint draws the top of the queue from here, with one read (first-screen.ts).
   * It is only a head start: when it cannot be written (a full disk, say) it is dropped rather than
   * left stale, and the popup waits for its live view instead.
   */
  async function keepFirstScreen(queue: QueueEntry[], repEmail: string): Promise<void> {
    try {
      await db.setMeta(FIRST_SCREEN_KEY, snapshotOf(queue, repEmail));
    } catch (error) {
      console.warn("LeadLens: could not keep the popup's first screen", error);
      await db.meta.delete(FIRST_SCREEN_KEY).catch(() => undefined);
    }
  }

  /** Announces the reminders that fell due since the last look, and sets the wake-up for the next. */
  async function remind(settings: Settings, queue: QueueEntry[]): Promise<void> {
    const at = now();
    const checkedThrough = (await db.getMeta<number>(REMINDERS_CHECKED_KEY)) ?? null;
    const plan = planReminders(
      queue.map((entry) => entry.handoff),
      settings.reminders,
      checkedThrough,
      at,
    );
    if (plan.due.length > 0) await notify(noticesFor(plan.due, queue, at));
    await db.setMeta(REMINDERS_CHECKED_KEY, at);
    await scheduleReminders(plan.nextAt);
  }

  /**
   * After any change of the settings: the cache is graded again when the grading changed (regrade.ts),
   * then the badge and reminders follow the new rep, calendar, rules or reminders. Re-grades run one at
   * a time, so two quick saves never re-grade side by side.
   */
  async function settingsChanged(): Promise<BadgeState> {
    await regradeIfNeeded();
    return refreshBadge();
  }

  const regradeIfNeeded = inTurn(async (): Promise<void> => {
    // A sync under way maps leads with the source built for the old grading: it lands first, so that
    // the re-grade covers its leads too. The next sync builds a source with the new grading.
    await syncUnderWay?.catch(() => undefined);
    try {
      await applyGrading(db, await loadSettings());
    } catch (error) {
      // Not remembered as applied: the next settings change or browser start tries again.
      console.warn('LeadLens: could not grade the cached leads again', error);
    }
  });

  // Addresses on screen the cache does not know are asked of the source, each at most every ten minutes.
  const lookUpMissing = createLeadLookup({ db, now, sourceFor, notifyTab: deps.notifyTab });

  const handlers: Handlers = {
    async context({ emails, withTouches }, { tabId }) {
      const settings = await loadSettings();
      const clock = clockFor(settings.calendar);
      const [contexts, syncState] = await Promise.all([
        leadContexts(db, emails, { now: now(), clock, policy: settings.slaPolicy, touchLimit: withTouches ? 100 : 0 }),
        db.getMeta<SyncState>(SYNC_STATE_KEY),
      ]);
      const missing = contexts.filter((context) => !context.lead).map((context) => context.email);
      if (missing.length > 0) void lookUpMissing(settings, missing, tabId);
      return { contexts, syncState: syncState ?? null, reasons: settings.feedbackReasons, language: settings.language === 'auto' ? null : settings.language };
    },
    messages: ({ language }) => deps.messagesFor(language),
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
    async saveConnection({ kind, baseUrl, clientId, activityTypeId, marketoFields, token }) {
      const settings = await loadSettings();
      await deps.saveSettings({ ...settings, source: { ...settings.source, kind, baseUrl, clientId, activityTypeId, marketoFields } });
      if (token) await saveToken(db, kind, token);
      // Writes that waited on the old connection go out now, not after their backoff.
      await db.setMeta(NOT_BEFORE_KEY, 0);
      await makeQueuedDue(db, now());
      void syncAfresh();
      void deliverOutbox();
      return { tokenSaved: !!(token ?? (await loadToken(db, kind))) };
    },
    async testConnection({ kind, baseUrl, clientId, activityTypeId, marketoFields, token }) {
      const settings = await loadSettings();
      const candidate = { ...settings, source: { ...settings.source, kind, baseUrl, clientId, activityTypeId, marketoFields } };
      try {
        const source = await sourceFor(candidate, token);
        await source.changes(null, 1);
        return { ok: true, message: 'Connected.' };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };

  /** Where a click on a reminder leads: the lead in the CRM when marketing gave its link; null for the queue. */
  async function reminderTarget(notification: string): Promise<string | null> {
    const handoffId = handoffIdOf(notification);
    const handoff = handoffId ? await db.handoffs.get(handoffId) : undefined;
    const lead = handoff ? await db.leads.get(handoff.email) : undefined;
    return lead?.crmUrl ?? null;
  }

  return { sync, refreshBadge, settingsChanged, regradeIfNeeded, deliverOutbox, reminderTarget, handleMessage: createRouter(handlers) };
}

/** `run`, made to start each call only once the call before it has ended: no two overlap, and a failure does not stop the next. */
function inTurn<T>(run: () => Promise<T>): () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
}
