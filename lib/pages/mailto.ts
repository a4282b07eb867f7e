// Any page's mailto: links, for sites LeadLens has no adapter for. Off unless the user turns it on.
import { linkAddresses } from './dom';
import type { PageAdapter } from './types';

export const selectors = { link: 'a[href^="mailto:" i]' };

export const mailto: PageAdapter = {
  id: 'mailto',
  optIn: true,
  matches: ['https://*/*'],
  find: (doc) => linkAddresses(doc.querySelectorAll(selectors.link), 'link'),
};

// Written against RFC 6068 (the mailto URI scheme): comma-separated, percent-encoded addresses
// before any "?" header fields.
