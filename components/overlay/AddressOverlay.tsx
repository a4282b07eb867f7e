// The chip for one address and, when opened, its card (a frame of the extension's card page). Escape
// in the card closes it and gives focus back to the chip.
import { useEffect, useRef } from 'preact/hooks';
import type { ViewProps } from '../../lib/content/view';
import { CardFrame } from './CardFrame';
import { Chip } from './Chip';

export interface AddressOverlayProps extends ViewProps {
  /** The page's theme, as the view judged it: the card follows it too. */
  theme: string;
  /** A record page's address: its card shows inline, always open. */
  inline: boolean;
}

export function AddressOverlay(props: AddressOverlayProps) {
  const { email, context, expanded, onToggle } = props;
  const chipRef = useRef<HTMLSpanElement>(null);
  const wasExpanded = useRef(expanded);
  useEffect(() => {
    // Closed (by Escape in the card, or by the chip itself): focus goes back to the chip.
    if (!expanded && wasExpanded.current) chipRef.current?.querySelector('button')?.focus();
    wasExpanded.current = expanded;
  }, [expanded]);
  if (!context) return null;
  const lead = context.lead;
  return (
    <span class="ll-overlay" ref={chipRef}>
      <Chip email={email} lead={lead} expanded={expanded} onToggle={() => onToggle(!expanded)} />
      {expanded && lead && (
        <CardFrame
          email={context.email}
          name={lead.name}
          theme={props.theme}
          inline={props.inline}
          focus={!props.inline}
          onClose={() => onToggle(false)}
          onChanged={props.onChanged}
        />
      )}
    </span>
  );
}
