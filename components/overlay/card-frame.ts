// The card, as a frame of the extension's own card page (entrypoints/card): the host page can neither
// read it nor click in it. Placed within the viewport beside the chip, as tall as the card asks for
// (up to the room there is), focused when it opens; it closes on Escape in the card. Drawn with the DOM
// itself, as the chip is: content scripts carry no UI library.
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
  /** The page's selector of what the rep reads (PageAdapter.reading): the popover is placed clear of it when it can be. */
  reading?: string;
  onClose(): void;
  /** The rep acted in the card: the chip's data is read again. */
  onChanged(): void;
}

export interface CardFrameView {
  /** The callbacks of the latest draw: the frame itself stays as it opened. */
  update(props: CardFrameProps): void;
  remove(): void;
}

/** Room kept between the card and the viewport's edges. */
const MARGIN = 8;
const WIDTH = 400;
/** The height the frame has before the card says how tall it is. */
const FIRST_HEIGHT = 240;
/** The narrowest card that reads well (its first screen wraps, but no line breaks mid-word); narrower room, and the card goes below the chip. */
const SIDE_MIN_WIDTH = 300;

/** Opens the card's frame at the end of `into` (which is in the page), placed beside the box it is in. */
export function openCardFrame(into: HTMLElement, props: CardFrameProps): CardFrameView {
  const { inline = false, focus = true } = props;
  let heard = props;
  const link = cardLink(props.email, props.theme);
  const box = document.createElement('div');
  box.className = 'll-popover';
  const frame = document.createElement('iframe');
  frame.className = 'll-card-frame';
  frame.src = link.url;
  frame.title = t('cardName', props.name);
  let cardHeight = FIRST_HEIGHT;
  let room: number | null = null;
  /** Beside the message text: the chip's top, which topBeside places the card from as its height becomes known. */
  let chipTop: number | null = null;
  const fit = () => {
    if (chipTop !== null) {
      const top = topBeside(chipTop, cardHeight);
      box.style.top = `${top}px`;
      room = innerHeight - top - MARGIN;
    }
    frame.style.height = `${inline ? cardHeight : Math.min(cardHeight, room ?? cardHeight)}px`;
  };

  // The load listener goes on before the frame is in the page: it may load at once.
  let disconnect: (() => void) | null = null;
  frame.addEventListener('load', () => {
    // A second load is a navigation the page made: that is no longer the card.
    if (disconnect) return heard.onClose();
    disconnect = link.connect(frame, (notice: CardNotice) => {
      if (notice?.type === 'close') heard.onClose();
      else if (notice?.type === 'changed') heard.onChanged();
      else if (notice?.type === 'resize' && Number.isFinite(notice.height)) {
        cardHeight = Math.ceil(notice.height);
        fit();
      }
    });
    if (focus) frame.focus();
  });
  fit();
  box.append(frame);
  into.append(box);
  if (!inline) ({ room, chipTop } = place(box, props.reading));
  fit();
  return {
    update: (next) => (heard = next),
    remove() {
      disconnect?.();
      box.remove();
    },
  };
}

/**
 * Beside what the rep reads when the window has room there (the card then stays in view as the page
 * scrolls, level with the chip or as much higher as its height needs); else below the chip, or above it when there is more room there, moved left as far as it
 * must to stay on screen. Returns the room.
 */
function place(box: HTMLElement, reading: string | undefined): { room: number | null; chipTop: number | null } {
  box.style.left = '0px';
  const anchor = box.closest('.ll-overlay')?.getBoundingClientRect();
  if (!anchor) return { room: null, chipTop: null };
  const beside = reading ? besideReading(reading, anchor) : null;
  if (beside) {
    box.dataset.side = 'beside';
    Object.assign(box.style, { position: 'fixed', left: `${beside.left}px`, width: `${beside.width}px` });
    return { room: null, chipTop: anchor.top };
  }
  const width = Math.min(WIDTH, innerWidth - 2 * MARGIN);
  const below = innerHeight - anchor.bottom - MARGIN;
  const above = anchor.top - MARGIN;
  const side = below >= Math.min(FIRST_HEIGHT, 320) || below >= above ? 'below' : 'above';
  const left = Math.min(0, innerWidth - MARGIN - (anchor.left + width)) + Math.max(0, MARGIN - anchor.left);
  box.dataset.side = side;
  box.style.left = `${left}px`;
  return { room: Math.max(120, side === 'below' ? below : above), chipTop: null };
}

/**
 * Where the card goes in the viewport so as to cover none of what the rep reads that is on screen
 * (the message bodies): in the wider of the strips left and right of them (Gmail's navigation,
 * Outlook's message list), or null when neither strip is wide enough. Its height is topBeside's.
 */
export function besideReading(reading: string, anchor: DOMRect): { left: number; width: number } | null {
  const onScreen = [...document.querySelectorAll(reading)]
    .map((element) => element.getBoundingClientRect())
    .filter((rect) => rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight);
  if (onScreen.length === 0) return null;
  const start = Math.min(anchor.left, ...onScreen.map((rect) => rect.left));
  const end = Math.max(anchor.right, ...onScreen.map((rect) => rect.right));
  const leftRoom = start - 2 * MARGIN;
  const rightRoom = innerWidth - end - 2 * MARGIN;
  const width = Math.min(WIDTH, Math.max(leftRoom, rightRoom));
  if (width < SIDE_MIN_WIDTH) return null;
  const left = rightRoom > leftRoom ? end + MARGIN : start - MARGIN - width;
  return { left, width };
}

/** The card beside the message: level with the chip, or as much higher as the card's height needs to show whole. */
export function topBeside(chipTop: number, cardHeight: number): number {
  return Math.max(MARGIN, Math.min(chipTop, innerHeight - MARGIN - cardHeight));
}
