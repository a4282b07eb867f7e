// LeadLens on the host page: for one address, a host element right after the address; for the person
// a record page's URL names, a host of its own at the end of the body. Each has a shadow root the
// page's styles and scripts stay out of, and the chip (and card), or the record tab, drawn in it.
import { render } from 'preact';
import type { OverlayView, ViewFactory } from '../../lib/content/view';
import type { FoundAddress } from '../../lib/pages/types';
import { AddressOverlay } from './AddressOverlay';
import { RecordTab } from './RecordTab';
import recordCss from './record-tab.css?inline';
import { pageTheme } from './theme';

/** `css` is the card's stylesheet, made once and shared by every shadow root on the page. */
export function createViewFactory(css: string): ViewFactory {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const recordSheet = new CSSStyleSheet();
  recordSheet.replaceSync(recordCss);
  return Object.assign((found: FoundAddress) => createView(found, sheet), { record: () => createRecordView([sheet, recordSheet]) });
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

/** The record tab's host: appended to the body, positioned by its own fixed styles, needing no page markup. */
function createRecordView(sheets: CSSStyleSheet[]): OverlayView {
  const host = document.createElement('leadlens-record');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = sheets;
  const container = document.createElement('div');
  shadow.append(container);
  let removed = false;
  return {
    draw(props) {
      // Drawn only while the person is known; a draw that comes after remove() is too late.
      if (removed || !props.context?.lead) return;
      if (!host.isConnected) host.dataset.theme = pageTheme(document.body);
      render(<RecordTab {...props} />, container);
      if (!host.isConnected) document.body.append(host);
    },
    remove() {
      removed = true;
      render(null, container);
      host.remove();
    },
  };
}
