// One per address on the page: the grade and score at a glance, opening the card on click.
import { t } from '../../lib/ui/i18n';
import type { Lead } from '../../lib/domain/model';

export interface ChipProps {
  email: string;
  lead: Lead | null;
  expanded: boolean;
  onToggle: () => void;
}

export function Chip({ email, lead, expanded, onToggle }: ChipProps) {
  if (!lead) {
    return (
      <span class="ll-chip" data-known="false" role="img" title={t('chipUnknown', email)} aria-label={t('chipUnknown', email)}>
        LL
      </span>
    );
  }
  return (
    <button
      type="button"
      class="ll-chip"
      data-known="true"
      aria-expanded={expanded}
      aria-label={t('chipKnown', lead.name, lead.grade, lead.score)}
      onClick={onToggle}
    >
      {lead.grade} · {lead.score}
    </button>
  );
}
