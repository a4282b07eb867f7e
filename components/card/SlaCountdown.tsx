// The first-contact deadline, counting down live. The state comes from the background (it knows
// the business calendar); the countdown runs here on the wall clock between refreshes.
import type { SlaStatus } from '../../lib/time/sla';
import { describeSla } from '../../lib/ui/format';
import { t, uiLocale } from '../../lib/ui/i18n';

export function SlaCountdown({ sla, now }: { sla: SlaStatus; now: number }) {
  const msLeft = sla.dueAt - now;
  const state = sla.state === 'due_soon' || sla.state === 'on_track' ? (msLeft <= 0 ? 'overdue' : sla.state) : sla.state;
  const live = { ...sla, state, msLeft: sla.state === 'met' || sla.state === 'missed' ? sla.msLeft : msLeft };
  return (
    <p class={`ll-sla ll-sla-${state}`} data-state={state}>
      <span class="ll-sla-label">{t('firstContact')}</span> <strong>{describeSla(live)}</strong>{' '}
      <time class="ll-muted" dateTime={new Date(sla.dueAt).toISOString()}>
        ({new Date(sla.dueAt).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' })})
      </time>
    </p>
  );
}
