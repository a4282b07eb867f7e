// The words of the reminders reminders.ts plans: what each notification says, in the UI language.
// Kept apart from the planner, which deals only in deadlines and moments.
import { formatDuration } from '../ui/format';
import { t } from '../ui/i18n';
import type { QueueEntry } from '../cache/queue';
import { MAX_SEPARATE_NOTIFICATIONS, notificationId, SUMMARY_NOTIFICATION_ID, type Reminder } from './reminders';

export interface Notice {
  id: string;
  title: string;
  message: string;
}

/** One notification per reminder, or a summary when there are too many to read one by one. */
export function noticesFor(due: Reminder[], queue: QueueEntry[], now: number): Notice[] {
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
    return {
      id: notificationId(reminder.handoffId),
      title:
        reminder.kind === 'breach'
          ? t('reminderBreachTitle', name)
          : t('reminderBeforeTitle', name, formatDuration(Math.max(0, reminder.dueAt - now))),
      message: [lead?.company, lead ? `${lead.grade} · ${lead.score}` : ''].filter(Boolean).join(' · ') || reminder.email,
    };
  });
}
