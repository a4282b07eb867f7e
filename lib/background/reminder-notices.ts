// The words of the reminders reminders.ts plans: what each notification says, in the UI language.
// Kept apart from the planner, which deals only in deadlines and moments.
import { describeSlaWithDeadline } from '../ui/format';
import { t } from '../ui/i18n';
import type { QueueEntry } from '../cache/queue';
import type { SlaPolicy } from '../domain/settings-schema';
import { slaStatus, type BusinessClock } from '../time/sla';
import { MAX_SEPARATE_NOTIFICATIONS, notificationId, SUMMARY_NOTIFICATION_ID, type Reminder } from './reminders';

export interface Notice {
  id: string;
  title: string;
  message: string;
}

/** The business calendar and SLA policy, so a reminder counts the time left as the popup does. */
export interface NoticeClock {
  clock: BusinessClock;
  policy: SlaPolicy;
}

/** One notification per reminder, or a summary when there are too many to read one by one. */
export function noticesFor(due: Reminder[], queue: QueueEntry[], now: number, { clock, policy }: NoticeClock): Notice[] {
  if (due.length > MAX_SEPARATE_NOTIFICATIONS) {
    const overdue = due.filter((reminder) => reminder.kind === 'breach').length;
    return [
      {
        id: SUMMARY_NOTIFICATION_ID,
        title: t('reminderSummaryTitle', due.length),
        message: t('reminderSummaryMessage', overdue, due.length - overdue),
      },
    ];
  }
  const leads = new Map(queue.map((entry) => [entry.handoff.id, entry.lead]));
  return due.map((reminder) => {
    const lead = leads.get(reminder.handoffId);
    const name = lead?.name || reminder.email;
    // Working time left and the clock deadline, in the popup's words: "45m left · due 14:30".
    const when = describeSlaWithDeadline(slaStatus({ firstContactDueAt: reminder.dueAt }, clock, policy, now), now);
    const about = [lead?.company, lead ? `${lead.grade} · ${lead.score}` : ''].filter(Boolean).join(' · ') || reminder.email;
    return reminder.kind === 'breach'
      ? { id: notificationId(reminder.handoffId), title: t('reminderBreachTitle', name), message: `${when}\n${about}` }
      : { id: notificationId(reminder.handoffId), title: t('reminderBeforeTitle', name, when), message: about };
  });
}
