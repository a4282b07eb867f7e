// What the popup shows of a lead that has no CRM link: enough to know who this is before calling.
import { describeSlaWithDeadline } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { STAGE_LABELS } from '../card/strings';
import type { QueueRow } from './queue-rows';

export function LeadDetails({ id, row, touches }: { id: string; row: QueueRow; touches: number | undefined }) {
  const { lead, handoff, sla } = row;
  const items: [string, string][] = [
    [t('detailEmail'), handoff.email],
    // The rows' status is worked out at one moment: the deadline's "today" is that moment's day.
    [t('firstContact'), describeSlaWithDeadline(sla, sla.dueAt - sla.msLeft)],
    ...(lead
      ? ([
          [t('detailCompany'), lead.company],
          [t('detailTitle'), lead.title],
          [t('detailScore'), t('scoreSummary', lead.score, lead.grade)],
          [t('detailStage'), t(STAGE_LABELS[lead.stage])],
        ] as [string, string][])
      : []),
    ...(touches === undefined ? [] : ([[t('marketingTouches'), String(touches)]] as [string, string][])),
  ];
  return (
    <dl class="lead-details" id={id}>
      {items
        .filter(([, value]) => value !== '')
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>
              <bdi>{value}</bdi>
            </dd>
          </div>
        ))}
    </dl>
  );
}
