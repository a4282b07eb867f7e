// What follows every change of the rep's queue: the toolbar badge, the reminders that fell due, and
// the popup's first screen, worked out together from one read of the queue.
import type { LeadLensDb } from '../cache/db';
import { FIRST_SCREEN_KEY, snapshotOf } from '../cache/first-screen';
import { pendingHandoffs, type QueueEntry } from '../cache/queue';
import type { Settings } from '../domain/settings-schema';
import { loadLanguage, useMessages, type Language, type MessageTable } from '../ui/i18n';
import type { BusinessClock } from '../time/sla';
import { badgeFor, type BadgeState } from './badge';
import { noticesFor, type Notice } from './reminder-notices';
import { planReminders, REMINDERS_CHECKED_KEY } from './reminders';
import { inTurn } from './schedules';

export interface BadgeRefreshDeps {
  db: LeadLensDb;
  loadSettings: () => Promise<Settings>;
  now: () => number;
  clockFor: (calendar: Settings['calendar']) => BusinessClock;
  showBadge: (badge: BadgeState) => Promise<void>;
  notify: (notices: Notice[]) => Promise<void>;
  scheduleReminders: (when: number | null) => Promise<void>;
  /** A language's message table, from the extension's _locales. */
  messagesFor: (language: Language) => Promise<MessageTable>;
}

/**
 * One refresh at a time, each after the one before: two at once would each read when reminders
 * were last looked at, and the slower would set that moment back.
 */
export function createBadgeRefresh(deps: BadgeRefreshDeps): () => Promise<BadgeState> {
  const speak = languageSwitch(deps.messagesFor);
  return inTurn(async () => {
    const { db, loadSettings, now, clockFor, showBadge } = deps;
    const settings = await loadSettings();
    await speak(settings.language);
    const queue = await pendingHandoffs(db, settings.repEmail);
    const badge = badgeFor(
      queue.map((entry) => entry.handoff),
      clockFor(settings.calendar),
      settings.slaPolicy,
      now(),
    );
    await showBadge(badge);
    await remind(deps, settings, queue);
    await keepFirstScreen(db, queue, settings.repEmail);
    return badge;
  });
}

/**
 * The badge's tooltip and the reminders in the language the rep chose in the options: the browser's
 * own (browser.i18n, which a fresh worker starts with) is only the default. A table is loaded once
 * per change of the setting.
 */
function languageSwitch(messagesFor: BadgeRefreshDeps['messagesFor']) {
  let spoken: Settings['language'] = 'auto';
  return async (language: Settings['language']) => {
    if (language === spoken) return;
    try {
      if (language === 'auto') await loadLanguage('auto');
      else useMessages(language, await messagesFor(language));
      spoken = language;
    } catch (error) {
      // The badge still shows, in the language it had; the next refresh tries again.
      console.warn('LeadLens: could not load the words of the chosen language', error);
    }
  };
}

/** Announces the reminders that fell due since the last look, and sets the wake-up for the next. */
async function remind(deps: BadgeRefreshDeps, settings: Settings, queue: QueueEntry[]): Promise<void> {
  const { db, now, notify, scheduleReminders } = deps;
  const at = now();
  const checkedThrough = (await db.getMeta<number>(REMINDERS_CHECKED_KEY)) ?? null;
  const plan = planReminders(
    queue.map((entry) => entry.handoff),
    settings.reminders,
    checkedThrough,
    at,
  );
  if (plan.due.length > 0) await notify(noticesFor(plan.due, queue, at, { clock: deps.clockFor(settings.calendar), policy: settings.slaPolicy }));
  await db.setMeta(REMINDERS_CHECKED_KEY, at);
  await scheduleReminders(plan.nextAt);
}

/**
 * The popup's first paint draws the top of the queue from here, with one read (first-screen.ts).
 * It is only a head start: when it cannot be written (a full disk, say) it is dropped rather than
 * left stale, and the popup waits for its live view instead.
 */
async function keepFirstScreen(db: LeadLensDb, queue: QueueEntry[], repEmail: string): Promise<void> {
  try {
    await db.setMeta(FIRST_SCREEN_KEY, snapshotOf(queue, repEmail));
  } catch (error) {
    console.warn("LeadLens: could not keep the popup's first screen", error);
    await db.meta.delete(FIRST_SCREEN_KEY).catch(() => undefined);
  }
}
