// LeadLens on the host page: for one address, a host element right after the address; for the person
// a record page's URL names, a host of its own at the end of the body. Each has a closed shadow root
// the page's styles and scripts stay out of (element.shadowRoot is null to them), acting only on the
// rep's own input, with the chip (and the card's frame), or the record tab, drawn in it. The host
// carries nothing of the lead: only the theme.
import { acceptOnlyTrustedInput } from '../../lib/content/trusted-input';
import type { OverlayView, ViewFactory } from '../../lib/content/view';
import type { FoundAddress } from '../../lib/pages/types';
import { openCardFrame, type CardFrameView } from './card-frame';
import { createChip, type ChipView } from './chip';
import { createRecordTab } from './record-tab';
import recordCss from './record-tab.css?inline';
import { createThemeReader, pageTheme, type Theme, type ThemeReader } from './theme';

/**
 * `css` is the overlay's stylesheet, made once and shared by every shadow root on the page;
 * `reading` gives the page adapter's selector of what the rep reads, which cards are placed clear of.
 */
export function createViewFactory(css: string, reading: () => string | undefined = () => undefined): ViewFactory {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const recordSheet = new CSSStyleSheet();
  recordSheet.replaceSync(recordCss);
  const themes = createThemeReader();
  return Object.assign((found: FoundAddress) => createView(found, sheet, themes, reading), { record: () => createRecordView([sheet, recordSheet]) });
}

/** A host whose shadow root the page cannot reach, which ignores the events a script dispatches. */
function closedHost(tag: string, sheets: CSSStyleSheet[]): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement(tag);
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.adoptedStyleSheets = sheets;
  acceptOnlyTrustedInput(shadow);
  return { host, shadow };
}

function createView({ anchor, role }: FoundAddress, sheet: CSSStyleSheet, themes: ThemeReader, reading: () => string | undefined): OverlayView {
  const inline = role === 'record';
  // Made at the first draw with data: a thread's addresses the cache does not know yet cost nothing
  // in the task that shows the thread, and only their chips' own when the background answers.
  let parts: AddressHost | null = null;
  let card: CardFrameView | null = null;
  return {
    draw(props) {
      // The host goes into the page with its first content: one layout for the page, not two.
      if (!props.context) return;
      parts ??= addressHost(anchor, inline, sheet, themes);
      const { host, chip } = parts;
      chip.draw(props);
      if (!host.isConnected) anchor.after(host);
      const lead = props.context.lead;
      if (!props.expanded || !lead) {
        card?.remove();
        card = null;
        return;
      }
      const cardProps = { email: props.context.email, name: lead.name, theme: parts.theme(), inline, focus: !inline, reading: reading(), onClose: () => props.onToggle(false), onChanged: props.onChanged };
      if (card) card.update(cardProps);
      else card = openCardFrame(chip.cardSlot, cardProps);
    },
    remove() {
      card?.remove();
      card = null;
      parts?.host.remove();
    },
  };
}

interface AddressHost {
  host: HTMLElement;
  chip: ChipView;
  /** The page's theme around the address, as last read. */
  theme(): Theme;
}

/** The host beside one address, not yet in the page, with its chip in it and the page's theme on it. */
function addressHost(anchor: Element, inline: boolean, sheet: CSSStyleSheet, themes: ThemeReader): AddressHost {
  const { host, shadow } = closedHost('leadlens-overlay', [sheet]);
  const container = document.createElement('span');
  if (inline) container.classList.add('ll-inline');
  const chip = createChip();
  container.append(chip.element);
  shadow.append(container);
  // Read before the host goes in, and after the next frame again (see createThemeReader): the host's
  // styles follow the attribute, the card takes it when it opens.
  let theme: Theme = themes.themeNear(anchor, (read) => {
    theme = read;
    host.dataset.theme = read;
  });
  host.dataset.theme = theme;
  return { host, chip, theme: () => theme };
}

/** The record tab's host: appended to the body, positioned by its own fixed styles, needing no page markup. */
function createRecordView(sheets: CSSStyleSheet[]): OverlayView {
  const { host, shadow } = closedHost('leadlens-record', sheets);
  const tab = createRecordTab();
  shadow.append(tab.element);
  let removed = false;
  return {
    draw(props) {
      // Drawn only while the person is known; a draw that comes after remove() is too late.
      if (removed || !props.context?.lead) return;
      if (!host.isConnected) host.dataset.theme = pageTheme(document.body);
      tab.draw({ ...props, theme: host.dataset.theme ?? 'light' });
      if (!host.isConnected) document.body.append(host);
    },
    remove() {
      removed = true;
      tab.remove();
      host.remove();
    },
  };
}
