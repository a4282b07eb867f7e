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
      // The name holds the words on the chip (WCAG 2.5.3, for speech input); what they stand for is its description.
      aria-label={t('chipName', lead.name, lead.grade, lead.score)}
      title={t('scoreSummary', lead.score, lead.grade)}
      onClick={onToggle}
    >
      {lead.grade} · {lead.score}
    </button>
  );
}
