// The card, as a frame of the extension's own card page (entrypoints/card): the host page can neither
// read it nor click in it. Placed within the viewport beside the chip, as tall as the card asks for
// (up to the room there is), focused when it opens; it closes on Escape in the card.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cardLink, type CardNotice } from '../../lib/content/card-link';
import { t } from '../../lib/ui/i18n';

export interface CardFrameProps {
  email: string;
  name: string;
  theme: string;
  /** A record page's card, in the page's flow; otherwise a popover beside the chip. */
  inline?: boolean;
  /** Focus goes into the card when it opens from the rep's click or command. */
  focus?: boolean;
  onClose(): void;
  /** The rep acted in the card: the chip's data is read again. */
  onChanged(): void;
}

/** Room kept between the card and the viewport's edges. */
const MARGIN = 8;
const WIDTH = 400;
/** The height the frame has before the card says how tall it is. */
const FIRST_HEIGHT = 240;

export function CardFrame({ email, name, theme, inline = false, focus = true, onClose, onChanged }: CardFrameProps) {
  const link = useMemo(() => cardLink(email, theme), [email, theme]);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [cardHeight, setCardHeight] = useState(FIRST_HEIGHT);
  const [place, setPlace] = useState<{ side: 'below' | 'above'; left: number; room: number } | null>(null);
  const heard = useRef({ onClose, onChanged });
  heard.current = { onClose, onChanged };

  // The load listener goes on with the frame itself: an effect may run after the frame has loaded.
  const disconnect = useRef<(() => void) | null>(null);
  function onLoad() {
    const frame = frameRef.current;
    if (!frame) return;
    // A second load is a navigation the page made: that is no longer the card.
    if (disconnect.current) return heard.current.onClose();
    disconnect.current = link.connect(frame, (notice: CardNotice) => {
      if (notice?.type === 'close') heard.current.onClose();
      else if (notice?.type === 'changed') heard.current.onChanged();
      else if (notice?.type === 'resize' && Number.isFinite(notice.height)) setCardHeight(Math.ceil(notice.height));
    });
    if (focus) frame.focus();
  }
  useEffect(() => () => disconnect.current?.(), [link]);

  // Below the chip, or above it when there is more room there; moved left as far as it must to stay on screen.
  useLayoutEffect(() => {
    if (inline) return;
    const anchor = boxRef.current?.closest('.ll-overlay')?.getBoundingClientRect();
    if (!anchor) return;
    const width = Math.min(WIDTH, innerWidth - 2 * MARGIN);
    const below = innerHeight - anchor.bottom - MARGIN;
    const above = anchor.top - MARGIN;
    const side = below >= Math.min(cardHeight, 320) || below >= above ? 'below' : 'above';
    const left = Math.min(0, innerWidth - MARGIN - (anchor.left + width)) + Math.max(0, MARGIN - anchor.left);
    setPlace({ side, left, room: Math.max(120, side === 'below' ? below : above) });
  }, [inline]);

  const height = inline ? cardHeight : Math.min(cardHeight, place?.room ?? cardHeight);
  return (
    <div ref={boxRef} class="ll-popover" data-side={place?.side} style={inline ? undefined : { left: `${place?.left ?? 0}px` }}>
      <iframe
        ref={frameRef}
        class="ll-card-frame"
        src={link.url}
        title={t('cardName', name)}
        style={{ height: `${height}px` }}
        onLoad={onLoad}
      />
    </div>
  );
}
