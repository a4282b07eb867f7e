// HubSpot: the contact record's email property, in the left sidebar. HubSpot renders the value as
// text in a span of its own (the label is a separate element), or as an input while it is edited.
import { addressesIn, firstPerEmail, inside, isInput, scopesOf } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  sidebar: '[data-test-id="left-sidebar"]',
  /** The email property's value: the truncated-string span that holds nothing else, or the edit input. */
  email: [
    '[data-selenium-test="property-input-email"] .private-truncated-string__inner > span',
    '[data-selenium-test="property-input-email"] input',
  ].join(', '),
};

export const hubspot: PageAdapter = {
  id: 'hubspot',
  // app-eu1: accounts hosted in HubSpot's EU data center.
  matches: ['app.hubspot.com', 'app-eu1.hubspot.com'].flatMap((host) => [`https://${host}/contacts/*/record/0-1/*`, `https://${host}/contacts/*/contact/*`]),
  find(root) {
    const fields = scopesOf(root, selectors.sidebar).flatMap((sidebar) => [...sidebar.querySelectorAll(selectors.email)]);
    return inside(root, firstPerEmail(addressesIn(fields, (field) => (isInput(field) ? field.value : field.textContent), 'record')));
  },
  // The address is the span's text or the input's value, neither an attribute: the overlay reads an
  // element again when its children change.
  watch: { selector: '.private-truncated-string__inner > span, input' },
};

// Written against the contact record, https://app.hubspot.com/contacts/<portal>/record/0-1/<id> (the
// legacy https://app.hubspot.com/contacts/<portal>/contact/<id> shows the same page), as public notes
// on the record page's DOM (data-test-id="left-sidebar", "middle-pane", "records-right-sidebar") and
// page objects (div[data-selenium-test="property-input-email"] span.private-truncated-string__inner > span)
// describe it.
