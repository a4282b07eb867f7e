// What a host page looks like to LeadLens: where the addresses are, and what to attach to.
export interface FoundAddress {
  /** Trimmed and lower-cased. */
  email: string;
  /** The element the chip or card goes beside. */
  anchor: Element;
  role: 'sender' | 'recipient' | 'record' | 'link';
}

export interface PageAdapter {
  id: string;
  /** Match patterns (Chrome's syntax) for the pages this adapter reads. */
  matches: string[];
  /** Off unless the user turns it on (mailto links on any site). */
  optIn?: boolean;
  find(doc: Document): FoundAddress[];
}
