// One handoff in the popup's queue: who, how urgent, and the actions. The name opens the lead: its
// CRM record in a new tab when marketing gave the link, else the details below the row. An action
// taken shows in place, with Undo, while the popup holds it (use-held-actions.ts).
import { describeSlaWithDeadline } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';
import type { HandoffAction } from '../../lib/domain/model';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import { ACTION_LABELS } from '../card/strings';
import { AccountHeading } from './AccountHeading';
import { LeadDetails } from './LeadDetails';
import { RejectForm } from './RejectForm';
import type { QueueGroup, QueueRow } from './queue-rows';
import type { HeldAction } from './use-held-actions';

const GROUP_LABELS: Record<QueueGroup, MessageKey> = { overdue: 'filterOverdue', today: 'filterDueToday', later: 'groupLater' };
export const HELD_LABELS: Record<HandoffAction, MessageKey> = { accept: 'heldAccept', contacted: 'heldContacted', reject: 'heldReject' };
/** Short on the button, whole in its accessible name, which starts with the words on it. */
const SHORT_LABELS: Partial<Record<HandoffAction, MessageKey>> = { reject: 'confirmReject' };

export interface HandoffRowProps {
  row: QueueRow;
  held: HeldAction | undefined;
  expanded: boolean;
  rejecting: boolean;
  reasons: FeedbackReason[];
  touches: number | undefined;
  onToggle: () => void;
  onAction: (action: HandoffAction, reasonCode?: string) => void;
  onReject: (open: boolean) => void;
  onUndo: () => void;
}

export function HandoffRow(props: HandoffRowProps) {
  const { row, held } = props;
  const { handoff, lead, sla } = row;
  const name = lead?.name ?? handoff.email;
  const detailsId = `details-${handoff.id}`;
  return (
    <li class={row.inAccountGroup ? 'handoff handoff-in-account' : 'handoff'} data-row-id={handoff.id} data-window-key={handoff.id} data-state={sla.state} data-due={handoff.firstContactDueAt} data-account={row.inAccountGroup ? row.account?.key : undefined}>
      {row.groupSize !== undefined && (
        <h3 class={`group-heading group-${row.group}`}>{t('groupHeading', t(GROUP_LABELS[row.group]), row.groupSize)}</h3>
      )}
      {row.accountGroup && <AccountHeading group={row.accountGroup} />}
      <div class="handoff-main">
        {lead?.crmUrl ? (
          <a class="handoff-open" href={lead.crmUrl} target="_blank" rel="noopener noreferrer">
            <span class="handoff-name">{name}</span>
            <span class="visually-hidden"> {t('opensInCrm')}</span>
            <span aria-hidden="true"> ↗</span>
          </a>
        ) : (
          <button type="button" class="handoff-open" aria-expanded={props.expanded} aria-controls={detailsId} onClick={props.onToggle}>
            <span class="handoff-name">{name}</span>
            <span class="chevron" aria-hidden="true">
              {props.expanded ? ' ▾' : ' ▸'}
            </span>
          </button>
        )}
        {lead && (
          <span class="handoff-grade" title={t('scoreSummary', lead.score, lead.grade)}>
            {lead.grade} · {lead.score}
          </span>
        )}
        {lead?.company && <span class="handoff-company">{lead.company}</span>}
        <span class={`handoff-sla sla-${sla.state}`}>{describeSlaWithDeadline(sla, sla.dueAt - sla.msLeft)}</span>
      </div>
      {props.expanded && !lead?.crmUrl && <LeadDetails id={detailsId} row={row} touches={props.touches} />}
      {held ? (
        <p class="handoff-held">
          {t(HELD_LABELS[held.action])}
          {held.state === 'held' && (
            <>
              {' · '}
              <button type="button" class="undo" onClick={props.onUndo}>
                {t('undo')}
              </button>
            </>
          )}
        </p>
      ) : (
        !props.rejecting && <Actions name={name} status={handoff.status} onAction={props.onAction} onReject={() => props.onReject(true)} />
      )}
      {props.rejecting && !held && (
        <RejectForm reasons={props.reasons} onReject={(reasonCode) => props.onAction('reject', reasonCode)} onCancel={() => props.onReject(false)} />
      )}
    </li>
  );
}

function Actions({ name, status, onAction, onReject }: { name: string; status: string; onAction: HandoffRowProps['onAction']; onReject: () => void }) {
  const actions: HandoffAction[] = status === 'pending' ? ['accept', 'contacted', 'reject'] : ['contacted', 'reject'];
  return (
    <div class="handoff-actions" role="group" aria-label={t('handoffActions', name)}>
      {actions.map((action) => {
        const short = SHORT_LABELS[action];
        return (
          <button
            type="button"
            key={action}
            data-action={action}
            aria-label={short ? t(ACTION_LABELS[action]) : undefined}
            onClick={() => (action === 'reject' ? onReject() : onAction(action))}
          >
            {t(short ?? ACTION_LABELS[action])}
          </button>
        );
      })}
    </div>
  );
}
