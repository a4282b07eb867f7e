// The first-contact deadline. The state and the working time left come from the background (it
// knows the business calendar, and the container asks again every minute); between answers the
// working time counts down with the wall clock, and the deadline on the clock stands beside it.
import type { SlaStatus } from '../../lib/time/sla';
import { describeSla, formatDayTime, formatDeadline } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';

export function SlaCountdown({ sla, now }: { sla: SlaStatus; now: number }) {
  const live = liveSla(sla, now);
  const counting = live.state === 'due_soon' || live.state === 'on_track' || live.state === 'overdue';
  return (
    <p class={`ll-sla ll-sla-${live.state}`} data-state={live.state}>
      <span class="ll-sla-label">{t('firstContact')}</span>{' '}
      {live.state === 'due_soon' && <span class="ll-sla-badge">{t('slaDueSoon')}</span>}{' '}
      <strong>{counting ? t('slaBusinessTime', describeSla(live)) : describeSla(live)}</strong>
      <span class="ll-sla-deadline">
        {' · '}
        <time dateTime={new Date(sla.dueAt).toISOString()}>{counting ? deadlineWords(live, now) : t('slaDeadline', formatDayTime(sla.dueAt))}</time>
      </span>
    </p>
  );
}

/** "due 14:30" / "was due 11/28, 17:00", as the popup and the reminders put it (formatDeadline). */
function deadlineWords(live: SlaStatus, now: number): string {
  return t(live.state === 'overdue' ? 'slaWasDue' : 'slaDueBy', formatDeadline(live.dueAt, now));
}

/**
 * The status at `now`, from the background's answer at an earlier moment (dueAt - msLeft): working
 * time is taken to pass with the wall clock until the next answer, never past the deadline before
 * the clock reaches it; once it does, the handoff is overdue.
 */
export function liveSla(sla: SlaStatus, now: number): SlaStatus {
  if (sla.state === 'met' || sla.state === 'missed') return sla;
  const answeredAt = sla.dueAt - sla.msLeft;
  const elapsed = Math.max(0, now - answeredAt);
  const msLeft = sla.dueAt - now;
  if (msLeft <= 0) return { ...sla, state: 'overdue', msLeft, businessMsLeft: Math.min(sla.businessMsLeft - elapsed, msLeft) };
  return { ...sla, msLeft, businessMsLeft: Math.max(0, sla.businessMsLeft - elapsed) };
}
