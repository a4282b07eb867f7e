// What a host page looks like to LeadLens: where the addresses are, and what to attach to.
import type { CrmRecordRef } from '../domain/crm-record';

export type AddressRole = 'sender' | 'recipient' | 'record' | 'link';

export interface FoundAddress {
  /** Trimmed and lower-cased. */
  email: string;
  /** The element the chip or card goes beside: inside the page and connected when found. */
  anchor: Element;
  role: AddressRole;
}

export interface PageAdapter {
  id: string;
  /** Match patterns (WXT's and Chrome's syntax) for the pages this adapter reads. */
  matches: string[];
  /**
   * What a match pattern cannot say, such as the shape of a host under a wildcard (a CRM's regional
   * hosts): the adapter reads only the matching URLs it accepts. Without it, every matching URL.
   */
  accepts?(url: URL): boolean;
  /** Off unless the user turns it on (mailto links on any site). */
  optIn?: boolean;
  /**
   * The addresses on the page, given the document; given an element (a part of the page that
   * changed), exactly those that find(document) reports at or inside it.
   */
  find(root: Document | Element): FoundAddress[];
  /**
   * What the rep reads on this page (message bodies, the text being written): a card opened from a
   * chip is placed clear of it when the window has room beside it.
   */
  reading?: string;
  /** What the overlay watches between full reads of the page. Without it, every added element is read. */
  watch?: PageWatch;
  /**
   * The CRM record a page's URL names (a Salesforce Lead, a Dynamics contact, a Pipedrive deal...):
   * the most stable identity a record page offers, read before (and without) its markup. Null on
   * pages that name no record.
   */
  record?(url: URL): CrmRecordRef | null;
}

export interface PageWatch {
  /**
   * Every element that may carry an address: loose, and with no ancestors in it (a parent with `>` at
   * most), so that matches() and querySelector() answer alike in browsers and happy-dom (see
   * within in dom.ts). An element that neither matches nor holds one yields nothing from find(), so
   * a change to it is not read.
   */
  selector: string;
  /**
   * Attributes whose change can change what find() reports at or inside an element: an address's
   * own, and those that show or hide it. `style` counts only when it hides or shows (isShown's rule).
   */
  attributes?: string[];
  /**
   * The class names find() reads (those its selectors name), where `class` is among the attributes: a
   * change of class that adds or removes none of them changes nothing find() reports, however many
   * addresses the element holds (Gmail restyles its containers by class all the time: presence,
   * hover, focus). Absent, every change of class counts.
   */
  classes?: ReadonlySet<string>;
  /**
   * The page renders addresses inside its open shadow roots (Salesforce Lightning in native shadow
   * mode): the overlay finds and observes those roots too. Off, it never looks for them: on a page
   * of Gmail's size that look is a walk of all its 16,000 elements at every full read.
   */
  shadowRoots?: boolean;
}

/** A selector that should match on this page and did not: the page's markup has probably changed. */
export class SelectorError extends Error {
  constructor(readonly selector: string) {
    super(`LeadLens: nothing matches ${selector}`);
    this.name = 'SelectorError';
  }
}
