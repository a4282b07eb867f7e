// HubSpot: the contact the URL names, and its email property in the left sidebar. The value is text
// (the label is an element of its own), or an input while it is edited. The right sidebar and a
// contact preview panel repeat the same property rows for other people: only the left sidebar counts.
import { addressesIn, firstPerEmail, inside, isInput, isShown, recordRef, scopesOf } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  sidebar: '[data-test-id="left-sidebar"]',
  /**
   * The email property's value beside its label: a truncated-string span in the layout seen 2026-11-22,
   * a styled-components value seen 2026-11-29; either way the row's hook and its label-and-value shape
   * stayed, so the row's non-label child is read, at its innermost element (whose text changes).
   */
  value: '[data-selenium-test="property-input-email"] > :not(label)',
};

/** Each portal's UI is on its data centre's host: app (NA1), app-na2, app-na3, app-eu1, app-ap1, and those to come. */
const APP_HOST = /^app(?:-[a-z]{2}\d+)?\.hubspot\.com$/;
const CONTACT_PATH = /^\/contacts\/\d+\/(?:record\/0-1|contact)\/(\d+)(?:\/|$)/;

export const hubspot: PageAdapter = {
  id: 'hubspot',
  // The current contact URL and the legacy one, which shows the same page.
  matches: ['https://*.hubspot.com/contacts/*/record/0-1/*', 'https://*.hubspot.com/contacts/*/contact/*'],
  accepts: (url) => APP_HOST.test(url.hostname),
  // 0-1 is HubSpot's type id for contacts; LeadLens names the type as lib/domain/crm-record.ts does.
  record: (url) => recordRef('hubspot', 'contact', CONTACT_PATH.exec(url.pathname)?.[1]),
  find(root) {
    const values = scopesOf(root, selectors.sidebar).flatMap((sidebar) => [...sidebar.querySelectorAll(selectors.value)].map(innermost));
    return inside(root, firstPerEmail(addressesIn(values.filter(isShown), (value) => (isInput(value) ? value.value : value.textContent), 'record')));
  },
  // The address is an element's text or an input's value, neither an attribute: the overlay reads an
  // element again when its children change, and the text's own element is a span with no element in it
  // (not the span around it, where LeadLens goes beside its anchor: that would read its own insertion).
  watch: {
    selector: '[data-selenium-test="property-input-email"], [data-selenium-test="property-input-email"] > *, span:not(:has(*)), input',
    attributes: ['style', 'hidden'],
  },
};

/**
 * Down to the innermost element that holds all of the value's text, whose children change when the
 * text does. Whatever else comes into the value (LeadLens, beside its anchor) has no text of its own.
 */
function innermost(element: Element): Element {
  let at = element;
  while (at.firstElementChild && !isInput(at) && at.firstElementChild.textContent === at.textContent) at = at.firstElementChild;
  return at;
}

// Written against the contact record, https://app.hubspot.com/contacts/<portal>/record/0-1/<id> (the
// legacy https://app.hubspot.com/contacts/<portal>/contact/<id> shows the same page) and the other data
// centres' hosts (app-na2, app-na3, app-eu1, app-ap1: the account information API's uiDomain,
// https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details),
// as public notes on the record page's DOM (brucetmkns/revguide.io docs/HUBSPOT_DOM.md:
// data-test-id="left-sidebar", "middle-pane", "records-right-sidebar", styled-components class names)
// and page objects (div[data-selenium-test="property-input-email"], span.private-truncated-string__inner > span)
// describe it. Saved pages: test/fixtures/pages/hubspot/.
