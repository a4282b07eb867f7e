// The rep's pending handoffs, the one due first at the top, each with its SLA state and countdown.
import { useMemo } from 'preact/hooks';
import type { BusinessCalendar, SlaPolicy } from '../lib/model';
import type { QueueEntry } from '../lib/queue';
import { createBusinessClock, slaStatus } from '../lib/sla';
import { describeSla } from '../lib/format';
import { t } from '../lib/i18n';

export interface HandoffQueueProps {
  entries: QueueEntry[];
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  now: number;
}

export function HandoffQueue({ entries, calendar, policy, now }: HandoffQueueProps) {
  const clock = useMemo(() => createBusinessClock(calendar), [calendar]);
  if (entries.length === 0) return <p class="queue-empty">{t('queueEmpty')}</p>;
  return (
    <ol class="queue" aria-label={t('pendingHandoffs')}>
      {entries.map(({ handoff, lead }) => {
        const sla = slaStatus(handoff, clock, policy, now);
        return (
          <li key={handoff.id} class="handoff" data-state={sla.state} data-due={handoff.firstContactDueAt}>
            <div class="handoff-who">
              <span class="handoff-name">{lead?.name ?? handoff.email}</span>
              <span class="handoff-company">{lead?.company ?? ''}</span>
            </div>
            {lead && (
              <span class="handoff-grade" title={t('scoreSummary', lead.score, lead.grade)}>
                {lead.grade} · {lead.score}
              </span>
            )}
            <span class={`handoff-sla sla-${sla.state}`}>{describeSla(sla)}</span>
          </li>
        );
      })}
    </ol>
  );
}
