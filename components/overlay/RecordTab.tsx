// The person a record page's URL names, where the page's markup has no place for them: a tab at the
// viewport's right edge (a button, so the keyboard reaches it), opening the card's frame as a panel
// beside it. Escape in the card closes the panel and gives focus back to the tab.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/ui/i18n';
import type { ViewProps } from '../../lib/content/view';
import { CardFrame } from './CardFrame';

/** One record tab on a page at a time: its panel's id need not be unique beyond its shadow root. */
const PANEL_ID = 'll-record-panel';

export function RecordTab(props: ViewProps & { theme: string }) {
  const { context, expanded, onToggle } = props;
  const tabRef = useRef<HTMLButtonElement>(null);
  const wasExpanded = useRef(expanded);
  useEffect(() => {
    // Closed (by Escape, or by the tab itself): focus goes back to where the rep opened it from.
    if (!expanded && wasExpanded.current) tabRef.current?.focus();
    wasExpanded.current = expanded;
  }, [expanded]);
  const lead = context?.lead;
  if (!context || !lead) return null;
  return (
    <div class="ll-record">
      <button
        ref={tabRef}
        type="button"
        class="ll-record-tab"
        aria-expanded={expanded}
        aria-controls={PANEL_ID}
        aria-label={t('chipKnown', lead.name, lead.grade, lead.score)}
        onClick={() => onToggle(!expanded)}
      >
        <span class="ll-record-brand" aria-hidden="true">
          LL
        </span>
        <span aria-hidden="true">
          {lead.grade} · {lead.score}
        </span>
      </button>
      {expanded && (
        <div id={PANEL_ID} class="ll-record-panel">
          <CardFrame email={context.email} name={lead.name} theme={props.theme} inline onClose={() => onToggle(false)} onChanged={props.onChanged} />
        </div>
      )}
    </div>
  );
}
