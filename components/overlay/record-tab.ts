// The person a record page's URL names, where the page's markup has no place for them: a tab at the
// viewport's right edge (a button, so the keyboard reaches it), opening the card's frame as a panel
// beside it. Escape in the card closes the panel and gives focus back to the tab.
import type { ViewProps } from '../../lib/content/view';
import { openCardFrame, type CardFrameView } from './card-frame';
import { chipLabel } from './chip';

/** One record tab on a page at a time: its panel's id need not be unique beyond its shadow root. */
const PANEL_ID = 'll-record-panel';

export interface RecordTabView {
  element: HTMLElement;
  draw(props: ViewProps & { theme: string }): void;
  remove(): void;
}

export function createRecordTab(): RecordTabView {
  const element = document.createElement('div');
  element.className = 'll-record';
  let latest: ViewProps | null = null;
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.className = 'll-record-tab';
  tab.setAttribute('aria-controls', PANEL_ID);
  const brand = document.createElement('span');
  brand.className = 'll-record-brand';
  brand.setAttribute('aria-hidden', 'true');
  brand.textContent = 'LL';
  const figures = document.createElement('span');
  figures.setAttribute('aria-hidden', 'true');
  tab.append(brand, figures);
  tab.addEventListener('click', () => latest?.onToggle(!latest.expanded));
  let panel: { element: HTMLElement; card: CardFrameView } | null = null;

  function closePanel() {
    panel?.card.remove();
    panel?.element.remove();
    panel = null;
  }

  return {
    element,
    draw(props) {
      latest = props;
      const lead = props.context?.lead;
      if (!props.context || !lead) {
        closePanel();
        element.replaceChildren();
        return;
      }
      tab.setAttribute('aria-expanded', String(props.expanded));
      tab.setAttribute('aria-label', chipLabel('chipKnown', lead.name, lead.grade, lead.score));
      figures.textContent = `${lead.grade} · ${lead.score}`;
      if (!tab.isConnected) element.append(tab);
      const cardProps = { email: props.context.email, name: lead.name, theme: props.theme, inline: true, onClose: () => props.onToggle(false), onChanged: props.onChanged };
      if (props.expanded && !panel) {
        const box = document.createElement('div');
        box.id = PANEL_ID;
        box.className = 'll-record-panel';
        element.append(box);
        panel = { element: box, card: openCardFrame(box, cardProps) };
      } else if (props.expanded) panel!.card.update(cardProps);
      else if (panel) {
        closePanel();
        // Closed (by Escape, or by the tab itself): focus goes back to where the rep opened it from.
        tab.focus();
      }
    },
    remove: closePanel,
  };
}
