// One address's LeadLens on the host page: a host element right after the address, a shadow root the
// page's styles and scripts stay out of, and the chip (and card) drawn in it.
import { render } from 'preact';
import type { OverlayView, ViewFactory } from '../../lib/content/view';
import type { FoundAddress } from '../../lib/pages/types';
import { AddressOverlay } from './AddressOverlay';
import { pageTheme } from './theme';

/** `css` is the card's stylesheet, made once and shared by every shadow root on the page. */
export function createViewFactory(css: string): ViewFactory {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return (found) => createView(found, sheet);
}

function createView({ anchor, role }: FoundAddress, sheet: CSSStyleSheet): OverlayView {
  const host = document.createElement('leadlens-overlay');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('span');
  if (role === 'record') container.classList.add('ll-inline');
  shadow.append(container);
  // Read before the host goes in: views are made a batch at a time, all before the first is drawn.
  host.dataset.theme = pageTheme(anchor);
  return {
    draw(props) {
      // The host goes into the page with its first content: one layout for the page, not two.
      if (!props.context) return;
      render(<AddressOverlay {...props} />, container);
      if (!host.isConnected) anchor.after(host);
    },
    remove() {
      render(null, container);
      host.remove();
    },
  };
}
