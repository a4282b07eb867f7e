// Pipedrive: the person page's email field, a mailto: link per address (a person may have several:
// one card each).
import { inside, linkAddresses, scopesOf } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  /** The person's details panel; not the activity feed, which links to everyone written to. */
  details: '[data-testid="person-details"]',
  email: '[data-testid="email-value"] a[href^="mailto:"]',
};

export const pipedrive: PageAdapter = {
  id: 'pipedrive',
  matches: ['https://*.pipedrive.com/person/*'],
  find: (root) => inside(root, scopesOf(root, selectors.details).flatMap((details) => linkAddresses(details.querySelectorAll(selectors.email), 'record'))),
  watch: { selector: 'a[href^="mailto:"]', attributes: ['href'] },
};

// Written against the person page, https://<company>.pipedrive.com/person/<id>, whose email field lists
// each address with its label (Work, Home, Other). No public reference for its markup was found: these
// selectors follow the saved page in test/fixtures/pages/pipedrive and must be checked against a live
// capture (with "open email links in: default mail app", the field is a mailto: link).
