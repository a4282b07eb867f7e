// Reminders: a notification some minutes before a first-contact deadline and one when it passes.
// Each moment is announced once: the background remembers up to when it has announced, so a
// worker woken late (or a browser opened the next morning) tells of what it missed, and no more.
import type { Handoff } from '../domain/model';
import type { Reminders } from '../domain/settings-schema';

export type ReminderKind = 'before' | 'breach';

export interface Reminder {
  handoffId: string;
  email: string;
  kind: ReminderKind;
  /** When the reminder was due. */
  at: number;
  dueAt: number;
}

export interface ReminderPlan {
  /** What to announce now, soonest deadline first: at most one per handoff, a breach over a warning. */
  due: Reminder[];
  /** When the next reminder falls due, to wake the background then; null when none will. */
  nextAt: number | null;
}

const MINUTE = 60_000;
/** Past deadlines older than this are not announced: a week-old breach is old news, not a reminder. */
export const MAX_LATE_MS = 24 * 60 * MINUTE;

/**
 * The reminders that fell due in (checkedThrough, now] for the open handoffs given. With
 * checkedThrough null (first run) nothing from the past is announced, only what comes next.
 */
export function planReminders(open: Handoff[], settings: Reminders, checkedThrough: number | null, now: number): ReminderPlan {
  const due = new Map<string, Reminder>();
  let nextAt: number | null = null;
  if (!settings.enabled) return { due: [], nextAt };
  const since = Math.max(checkedThrough ?? now, now - MAX_LATE_MS);
  for (const handoff of open) {
    if (handoff.respondedAt !== undefined) continue;
    const dueAt = handoff.firstContactDueAt;
    const moments: [ReminderKind, number][] = [];
    if (settings.beforeMinutes > 0) moments.push(['before', dueAt - settings.beforeMinutes * MINUTE]);
    if (settings.atBreach) moments.push(['breach', dueAt]);
    for (const [kind, at] of moments) {
      if (at > now) {
        if (nextAt === null || at < nextAt) nextAt = at;
      } else if (at > since) {
        // Both fell due since the last look: the breach says all the warning would have.
        due.set(handoff.id, { handoffId: handoff.id, email: handoff.email, kind, at, dueAt });
      }
    }
  }
  return { due: [...due.values()].sort((a, b) => a.dueAt - b.dueAt), nextAt };
}

/** Notification ids carry the handoff, so a click knows what to open. */
export const NOTIFICATION_PREFIX = 'leadlens:handoff:';
export const SUMMARY_NOTIFICATION_ID = 'leadlens:summary';
export const notificationId = (handoffId: string) => `${NOTIFICATION_PREFIX}${handoffId}`;
export const handoffIdOf = (notificationId: string) =>
  notificationId.startsWith(NOTIFICATION_PREFIX) ? notificationId.slice(NOTIFICATION_PREFIX.length) : null;

/** More reminders at once than this become one summary: nobody reads a wall of notifications. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;
export const REMINDERS_CHECKED_KEY = 'reminders:checkedThrough';
