// Any page's mailto: links, for sites LeadLens has no adapter for. Off unless the user turns it on.
import { dedupe, linkAddresses, within } from './dom';
import type { PageAdapter } from './types';

export const selectors = { link: 'a[href^="mailto:" i]' };

export const mailto: PageAdapter = {
  id: 'mailto',
  optIn: true,
  matches: ['https://*/*'],
  // A link may name the same address twice (mailto:a@x,a@x): one chip.
  find: (root) => dedupe(linkAddresses(within(root, selectors.link), 'link')),
  watch: { selector: selectors.link, attributes: ['href'] },
};

// Written against RFC 6068 (the mailto URI scheme, https://www.rfc-editor.org/rfc/rfc6068): addresses
// are comma-separated and percent-encoded before any "?" header fields, which are ignored.
