// Pipedrive: the person or deal the URL names, and the person's addresses in the record's sidebar: a
// person page's details, a deal page's Person card. Each address is a mailto: link (a person may have
// several: one card each). Pipedrive's class names are hashed and its test hooks come and go between
// builds, so the sidebar is read by its shape: the first of its cards with an address is the person's,
// and an address beside a link to another record (a possible duplicate) is that record's.
import { inside, isShown, linkAddresses, recordRef, scopesOf } from './dom';
import type { FoundAddress, PageAdapter } from './types';

export const selectors = {
  /** The record's sidebar: a person's details, or a deal's Summary, Person, Organization and Participants cards. */
  sidebar: 'main aside',
  link: 'a[href^="mailto:"]',
  /** Links to records: an address whose own element has one beside it belongs to that record. */
  recordLink: 'a[href*="/person/"], a[href*="/organization/"], a[href*="/deal/"]',
};

const RECORD_PATH = /^\/(person|deal)\/(\d+)(?:\/|$)/;

export const pipedrive: PageAdapter = {
  id: 'pipedrive',
  matches: ['https://*.pipedrive.com/person/*', 'https://*.pipedrive.com/deal/*'],
  record(url) {
    const [, objectType, id] = RECORD_PATH.exec(url.pathname) ?? [];
    return objectType ? recordRef('pipedrive', objectType, id) : null;
  },
  find: (root) => inside(root, scopesOf(root, selectors.sidebar, 'aside').flatMap(personAddresses)),
  watch: { selector: selectors.link, attributes: ['href', 'style', 'hidden'] },
};

/** The addresses of the sidebar's first card that has any, but those that sit beside another record's link. */
function personAddresses(sidebar: Element): FoundAddress[] {
  const links = [...sidebar.querySelectorAll(selectors.link)].filter(isShown);
  const card = links[0] && cardOf(sidebar, links[0]);
  const own = links.filter((link) => card?.contains(link) && !link.parentElement?.querySelector(selectors.recordLink));
  return linkAddresses(own, 'record');
}

/** The sidebar's child that holds the element. */
function cardOf(sidebar: Element, element: Element): Element {
  let at = element;
  while (at.parentElement && at.parentElement !== sidebar) at = at.parentElement;
  return at;
}

// Written against the person page, https://<company>.pipedrive.com/person/<id>, whose email field lists
// each address with its label (Work, Home, Other), and the deal page, https://<company>.pipedrive.com/deal/<id>,
// whose Person card links /person/<id> and shows the person's address, with "open email links in:
// default mail app" (the field is then a mailto: link). No public reference for this markup was found:
// the person model (pipedrive/client-php docs/Model/PersonItem.md: email [{value, primary, label}]),
// the URL shapes and an extension reading the page's first mailto: link (cooltabs/pipedrive_chrome_tab_email_extractor)
// are all there is. These rules follow the saved pages in test/fixtures/pages/pipedrive and must be
// checked against a live capture.
