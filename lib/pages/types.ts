// What a host page looks like to LeadLens: where the addresses are, and what to attach to.
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
  /** Off unless the user turns it on (mailto links on any site). */
  optIn?: boolean;
  find(doc: Document): FoundAddress[];
}

/** A selector that should match on this page and did not: the page's markup has probably changed. */
export class SelectorError extends Error {
  constructor(readonly selector: string) {
    super(`LeadLens: nothing matches ${selector}`);
    this.name = 'SelectorError';
  }
}
