// The alarms that wake the background: when each is set, and what each one does.
import type { browser } from 'wxt/browser';
import { BADGE_ALARM, OUTBOX_ALARM, REMINDER_ALARM, SYNC_ALARM, type BackgroundApp } from '../../lib/background/app';

/** Chrome does not fire an alarm sooner than this after it is set. */
const SOONEST_MS = 1000;

/** Sets the alarm to go off at `when`, no sooner than the browser allows; null clears it. */
export async function wakeAt(alarms: Pick<typeof browser.alarms, 'clear' | 'create'>, name: string, when: number | null, now = Date.now): Promise<void> {
  if (when === null) await alarms.clear(name);
  else await alarms.create(name, { when: Math.max(when, now() + SOONEST_MS) });
}

export function runAlarm(app: BackgroundApp, name: string): void {
  if (name === SYNC_ALARM) void app.sync();
  if (name === BADGE_ALARM || name === REMINDER_ALARM) void app.refreshBadge();
  if (name === OUTBOX_ALARM) void app.deliverOutbox();
}
