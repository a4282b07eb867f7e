// Durations and ages in the short forms the card and the popup show, in the UI's language.
import { t, uiLocale, type MessageKey } from './i18n';
import type { SlaStatus } from '../time/sla';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "45m", "2h 5m", "3d 4h" (残り2時間15分, 1日2時間): the largest two units, at least a minute; a
 * second unit of zero is left out ("13h", "1d"), as people write it.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.round(Math.abs(ms) / MINUTE)) * MINUTE;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? t('durationDaysHours', days, hours) : t('durationDays', days);
  if (hours > 0) return minutes > 0 ? t('durationHoursMinutes', hours, minutes) : t('durationHours', hours);
  return t('durationMinutes', minutes);
}

/** "just now", "3 min ago", "2 h ago", "5 d ago". */
export function formatAge(ms: number): string {
  if (ms < MINUTE) return t('justNow');
  if (ms < HOUR) return t('minutesAgo', Math.floor(ms / MINUTE));
  if (ms < DAY) return t('hoursAgo', Math.floor(ms / HOUR));
  return t('daysAgo', Math.floor(ms / DAY));
}

export const SLA_STATE_LABELS: Record<SlaStatus['state'], MessageKey> = {
  overdue: 'slaOverdue',
  due_soon: 'slaDueSoon',
  on_track: 'slaOnTrack',
  met: 'slaMet',
  missed: 'slaMissed',
};

/**
 * "Overdue by 2h 5m", "Due in 45m", "Met", counted in working time: the state is decided on the
 * business clock, so a handoff due soon at the end of the day reads "45m", not the night's "15h 45m".
 * The clock deadline goes beside it (formatDayTime).
 */
export function describeSla(status: SlaStatus): string {
  switch (status.state) {
    case 'overdue':
      return t('overdueBy', formatDuration(status.businessMsLeft));
    case 'due_soon':
    case 'on_track':
      return t('dueIn', formatDuration(status.businessMsLeft));
    default:
      return t(SLA_STATE_LABELS[status.state]);
  }
}

/**
 * The working time left with the clock deadline beside it, as the popup and the reminders say it:
 * "2h 15m left · due 14:30", "Overdue by 1h · was due 11/28, 17:00" (残り2時間15分・14:30まで).
 * The date is left out when the deadline falls on the day of `now`. Met and missed have no clock.
 */
export function describeSlaWithDeadline(status: SlaStatus, now: number): string {
  if (status.state === 'met' || status.state === 'missed') return describeSla(status);
  const when = formatDeadline(status.dueAt, now);
  return t('slaWithDeadline', describeSla(status), t(status.state === 'overdue' ? 'slaWasDue' : 'slaDueBy', when));
}

/** "14:30" on the day of `now`, else "11/30 14:30", in the browser's time zone. */
export function formatDeadline(at: number, now: number): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return sameDay ? new Date(at).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) : formatDayTime(at);
}

/** A moment, short: "11/30 14:00" (en: "11/30, 14:00"), 24-hour, in the browser's time zone. */
export function formatDayTime(at: number): string {
  return new Date(at).toLocaleString(uiLocale(), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
