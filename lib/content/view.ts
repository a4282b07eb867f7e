// What the overlay runtime needs of the UI beside one address. The runtime decides which views are on
// the page and in what state; components/overlay draws them. The entrypoints hand the one to the
// other, so this folder never imports Preact components.
import type { ChipContext } from '../cache/chip-context';
import type { FoundAddress } from '../pages/types';

export interface ViewProps {
  email: string;
  /** Undefined while the background has not answered yet. */
  context: ChipContext | undefined;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  /** The rep gave feedback or acted in the card (its own page, which asks the background itself): read the lead again. */
  onChanged: () => void;
}

export interface OverlayView {
  /** Draws the chip, and the card's frame when expanded; the first draw with data puts the view on the page. */
  draw(props: ViewProps): void;
  /** Takes the view off the page for good. */
  remove(): void;
}

export interface ViewFactory {
  /**
   * Makes the view for one address without touching the page yet: the runtime makes a batch's views
   * before drawing any. A view reads no style while the page mutates (components/overlay/theme.ts),
   * and makes its host only when first drawn with data.
   */
  (found: FoundAddress): OverlayView;
  /**
   * Makes the view of the person a record page's URL names: a host of its own that depends on none
   * of the page's markup (a tab at the viewport's edge, opening the card's frame as a panel).
   */
  record(): OverlayView;
}
