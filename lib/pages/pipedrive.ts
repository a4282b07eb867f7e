// Pipedrive: the person page's email addresses (a person may have several: one card each).
import { recordLinks } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  details: '[data-testid="person-details"], .detailView',
  email: '[data-testid="email-value"] a[href^="mailto:"]',
};

export const pipedrive: PageAdapter = {
  id: 'pipedrive',
  matches: ['https://*.pipedrive.com/person/*'],
  // A person may have several addresses: one card each.
  find: (doc) => recordLinks(doc, selectors.details, selectors.email, false),
};

// Written against the person detail page, https://<company>.pipedrive.com/person/<id>: its email
// field lists each address as a mailto: link.
