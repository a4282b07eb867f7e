// HubSpot: the contact record's email, in the left sidebar's About section.
import { recordLinks } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  sidebar: '[data-test-id="left-sidebar"], [data-selenium-test="profile-sidebar"]',
  email: 'a[href^="mailto:"]',
};

export const hubspot: PageAdapter = {
  id: 'hubspot',
  matches: ['https://app.hubspot.com/contacts/*/record/0-1/*', 'https://app.hubspot.com/contacts/*/contact/*'],
  find: (doc) => recordLinks(doc, selectors.sidebar, selectors.email),
};

// Written against the contact record, https://app.hubspot.com/contacts/<portal>/record/0-1/<id>
// (and the legacy /contacts/<portal>/contact/<id>): the sidebar shows the email property as a mailto: link.
