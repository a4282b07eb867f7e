// Pipedrive: the person page's email addresses (a person may have several: one card each).
import { linkAddresses } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  details: '[data-testid="person-details"], .detailView',
  email: '[data-testid="email-value"] a[href^="mailto:"]',
};

export const pipedrive: PageAdapter = {
  id: 'pipedrive',
  matches: ['https://*.pipedrive.com/person/*'],
  find(doc) {
    const details = doc.querySelector(selectors.details);
    return details ? linkAddresses(details.querySelectorAll(selectors.email), 'record') : [];
  },
};

// Written against the person detail page, https://<company>.pipedrive.com/person/<id>: its email
// field lists each address as a mailto: link.
