// The rep's pending handoffs, the one due first at the top, each with its SLA state, countdown
// and the actions that move it along.
import { useMemo, useState } from 'preact/hooks';
import { describeSla } from '../lib/ui/format';
import { t } from '../lib/ui/i18n';
import type { HandoffAction } from '../lib/domain/model';
import type { BusinessCalendar, FeedbackReason, SlaPolicy } from '../lib/domain/settings-schema';
import type { QueueEntry } from '../lib/cache/queue';
import { createBusinessClock, slaStatus } from '../lib/time/sla';
import { VERDICTS } from '../lib/domain/vocabulary';
import { ACTION_LABELS, reasonLabel, VERDICT_LABELS } from './card/strings';

export type QueueFilter = 'all' | 'overdue' | 'due_today';

export interface HandoffQueueProps {
  entries: QueueEntry[];
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  now: number;
  filter: QueueFilter;
  /** The reasons a rejection can give: every reason set up for a verdict other than "good lead". */
  reasons: FeedbackReason[];
  onAction: (handoffId: string, action: HandoffAction, reasonCode?: string) => Promise<void>;
}

/** A rejection says which verdict it is: any but "good lead". */
const REJECT_VERDICTS = VERDICTS.filter((verdict) => verdict !== 'good_lead');

export function HandoffQueue({ entries, calendar, policy, now, filter, reasons, onAction }: HandoffQueueProps) {
  const clock = useMemo(() => createBusinessClock(calendar), [calendar]);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const endOfToday = clock.endOfDay(now); // "due today" in the calendar's time zone
  const rows = entries
    .map((entry) => ({ ...entry, sla: slaStatus(entry.handoff, clock, policy, now) }))
    .filter(({ sla }) => filter === 'all' || (filter === 'overdue' ? sla.state === 'overdue' : sla.dueAt <= endOfToday));
  if (rows.length === 0) return <p class="queue-empty">{t('queueEmpty')}</p>;
  return (
    <ol class="queue" aria-label={t('pendingHandoffs')}>
      {rows.map(({ handoff, lead, sla }) => {
        const name = lead?.name ?? handoff.email;
        const actions: HandoffAction[] = handoff.status === 'pending' ? ['accept', 'contacted', 'reject'] : ['contacted', 'reject'];
        return (
          <li key={handoff.id} class="handoff" data-state={sla.state} data-due={handoff.firstContactDueAt}>
            <div class="handoff-who">
              <span class="handoff-name">{name}</span>
              <span class="handoff-company">{lead?.company ?? ''}</span>
            </div>
            {lead && (
              <span class="handoff-grade" title={t('scoreSummary', lead.score, lead.grade)}>
                {lead.grade} · {lead.score}
              </span>
            )}
            <span class={`handoff-sla sla-${sla.state}`}>{describeSla(sla)}</span>
            {rejecting === handoff.id ? (
              <form
                class="handoff-actions"
                onSubmit={(event) => {
                  event.preventDefault();
                  const reason = new FormData(event.currentTarget).get('reason') as string;
                  setRejecting(null);
                  void onAction(handoff.id, 'reject', reason);
                }}
              >
                <label>
                  {t('rejectReason')}{' '}
                  <select name="reason">
                    {REJECT_VERDICTS.map((verdict) => (
                      <optgroup key={verdict} label={t(VERDICT_LABELS[verdict])}>
                        <option value={verdict}>{t(VERDICT_LABELS[verdict])}</option>
                        {reasons
                          .filter((reason) => reason.verdict === verdict)
                          .map((reason) => (
                            <option key={reason.code} value={reason.code}>
                              {`${t(VERDICT_LABELS[verdict])}: ${reasonLabel(reason)}`}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                </label>
                <button type="submit">{t('confirmReject')}</button>
                <button type="button" onClick={() => setRejecting(null)}>
                  {t('cancel')}
                </button>
              </form>
            ) : (
              <div class="handoff-actions" role="group" aria-label={t('handoffActions', name)}>
                {actions.map((action) => (
                  <button
                    type="button"
                    key={action}
                    onClick={() => (action === 'reject' ? setRejecting(handoff.id) : void onAction(handoff.id, action))}
                  >
                    {t(ACTION_LABELS[action])}
                  </button>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
