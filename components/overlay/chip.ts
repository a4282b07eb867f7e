// One per address on the page: the grade and score at a glance, opening the card on click. Drawn with
// the DOM itself, not Preact: a Gmail thread has 70 of them, all drawn in the task that shows it, and
// Preact's diff of each cost more than the chip. The card's frame opens in its slot (card-frame.ts).
import type { ViewProps } from '../../lib/content/view';
import { chosenLanguage, t, type MessageKey } from '../../lib/ui/i18n';

export interface ChipView {
  /** The chip and the card's slot, in one positioned box the card is placed against. */
  element: HTMLElement;
  /** Where the card's frame is drawn while it is open. */
  cardSlot: HTMLElement;
  draw(props: ViewProps): void;
}

export function createChip(): ChipView {
  const element = document.createElement('span');
  element.className = 'll-overlay';
  const cardSlot = document.createElement('span');
  cardSlot.className = 'll-card-slot';
  element.append(cardSlot);
  let chip: HTMLElement | null = null;
  /** What the chip shows now: it is made again only when that changes. */
  let shown = '';
  let wasExpanded = false;
  let latest: ViewProps | null = null;

  function make(props: ViewProps): HTMLElement {
    const lead = props.context?.lead;
    if (!lead) {
      const unknown = document.createElement('span');
      unknown.className = 'll-chip';
      unknown.dataset.known = 'false';
      unknown.setAttribute('role', 'img');
      unknown.title = chipLabel('chipUnknown', props.email);
      unknown.setAttribute('aria-label', unknown.title);
      unknown.textContent = 'LL';
      return unknown;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'll-chip';
    button.dataset.known = 'true';
    // The name holds the words on the chip (WCAG 2.5.3, for speech input); what they stand for is its description.
    button.setAttribute('aria-label', chipLabel('chipName', lead.name, lead.grade, lead.score));
    button.title = chipLabel('scoreSummary', lead.score, lead.grade);
    button.textContent = `${lead.grade} · ${lead.score}`;
    button.addEventListener('click', () => latest?.onToggle(!latest.expanded));
    return button;
  }

  return {
    element,
    cardSlot,
    draw(props) {
      latest = props;
      const lead = props.context?.lead;
      const now = lead ? `${lead.name}\n${lead.grade}\n${lead.score}` : `?${props.email}`;
      if (now !== shown) {
        const next = make(props);
        if (chip) chip.replaceWith(next);
        else element.prepend(next);
        chip = next;
        shown = now;
      }
      if (lead) chip!.setAttribute('aria-expanded', String(props.expanded));
      // Closed (by Escape in the card, or by the chip itself): focus goes back to the chip.
      if (wasExpanded && !props.expanded && chip instanceof HTMLButtonElement) chip.focus();
      wasExpanded = props.expanded;
    },
  };
}

/** Each label's words in the language in use, with markers where its values go. */
const templates = new Map<string, { text: string; marks: string[] }>();

/**
 * A chip's (or the record tab's) label, its message asked of the browser once per language with markers for the values and
 * filled in here: browser.i18n.getMessage costs a tenth of a millisecond or more a call, and a thread
 * has 70 chips to label in the task that shows it.
 */
export function chipLabel(key: MessageKey, ...values: (string | number)[]): string {
  const cacheKey = `${chosenLanguage() ?? 'browser'}:${key}`;
  let template = templates.get(cacheKey);
  if (!template) {
    const marks = values.map((_, n) => `\u0001${n}\u0001`);
    template = { text: t(key, ...marks), marks };
    templates.set(cacheKey, template);
  }
  return template.marks.reduce((text, mark, n) => text.split(mark).join(String(values[n])), template.text);
}
