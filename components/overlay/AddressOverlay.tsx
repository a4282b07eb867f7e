// The chip for one address and, when opened, its card. Escape closes the card and gives focus back.
import { useEffect, useRef } from 'preact/hooks';
import type { LeadContext } from '../../lib/cache/lead-context';
import type { HandoffAction, Verdict } from '../../lib/domain/model';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import { LeadCard } from '../card/LeadCard';
import { Chip } from './Chip';

export interface AddressOverlayProps {
  email: string;
  /** Undefined while the background has not answered yet. */
  context: LeadContext | undefined;
  expanded: boolean;
  now: number;
  syncedAt: number | null;
  reasons: FeedbackReason[];
  onToggle: (expanded: boolean) => void;
  onFeedback: (context: LeadContext, verdict: Verdict, note: string, reasonCode?: string) => Promise<void>;
  onAction: (context: LeadContext, action: HandoffAction, note: string) => Promise<void>;
}

export function AddressOverlay(props: AddressOverlayProps) {
  const { email, context, expanded, now, syncedAt, onToggle } = props;
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (expanded) cardRef.current?.querySelector<HTMLElement>('[role="region"]')?.focus();
  }, [expanded]);
  if (!context) return null;
  const lead = context.lead;
  return (
    <span class="ll-overlay">
      <Chip email={email} lead={lead} expanded={expanded} onToggle={() => onToggle(!expanded)} />
      {expanded && lead && (
        <div
          class="ll-popover"
          ref={cardRef}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onToggle(false);
          }}
        >
          <LeadCard
            context={{ ...context, lead }}
            now={now}
            syncedAt={syncedAt}
            reasons={props.reasons}
            onFeedback={(verdict, note, reasonCode) => props.onFeedback(context, verdict, note, reasonCode)}
            onAction={(action, note) => props.onAction(context, action, note)}
          />
        </div>
      )}
    </span>
  );
}
