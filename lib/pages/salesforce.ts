// Salesforce Lightning: the Lead or Contact the URL names, and the address in its standard Email
// field. Lightning keeps pages the user has left in the DOM, hidden; the console keeps every open
// workspace tab, each with its own "active" page and subtab; a record page keeps its unselected tabs;
// and in native shadow mode the field sits inside open shadow roots. Only the page on screen counts,
// and there only the field whose API name is Email: a custom email field can hold someone else.
import { closestComposed, composedParent, firstPerEmail, inside, isDocument, isShown, linkAddresses, queryAllDeep, queryAllOrFail, recordRef } from './dom';
import type { FoundAddress, PageAdapter } from './types';

export const selectors = {
  /** The page on screen within its window: `.windowViewMode-normal.oneContent` (standard), `.windowViewMode-maximized` (console). */
  page: '.lafPageHost.active',
  /** Console workspace tabs and, inside each, its subtabs: each hidden one keeps its own selected subtab "active". */
  consoleTab: 'section.tabContent.oneConsoleTab',
  selectedConsoleTab: 'section.tabContent.oneConsoleTab.active',
  /** A record page's tabs (Details, Related, Activity) not selected: kept, hidden by class. */
  hiddenTabPanel: '[role="tabpanel"].slds-hide',
  /** Every address link, in the light DOM or an open shadow root; the field it is the value of decides. */
  link: 'a[href^="mailto:"]',
  /** A field's API name, on its layout item or the item's first element (synthetic shadow), or first in the item's shadow root (native). */
  fieldName: '[data-target-selection-name]',
  /** The standard Email field of a Lead or Contact: `sfdc:RecordField.Lead.Email`, never `….Referred_By_Email__c`. */
  emailField: '[data-target-selection-name^="sfdc:RecordField."][data-target-selection-name$=".Email"]',
};

const RECORD_PATH = /^\/lightning\/r\/(Lead|Contact)\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view\/?$/;

export const salesforce: PageAdapter = {
  id: 'salesforce',
  matches: ['https://*.lightning.force.com/lightning/r/Lead/*', 'https://*.lightning.force.com/lightning/r/Contact/*'],
  // In the console the path is the focused subtab's record; ws= names its workspace's, not read.
  record(url) {
    const [, objectType, id] = RECORD_PATH.exec(url.pathname) ?? [];
    return objectType ? recordRef('salesforce', objectType, id) : null;
  },
  find(root) {
    if (isDocument(root)) return onScreenPages(queryAllOrFail(root, selectors.page)).flatMap(recordAddresses);
    // A part with no address of a record in it yields nothing, and the page is not read for it.
    const inPart = queryAllDeep(root, selectors.link).filter(isRecordEmail);
    const pages = onScreenPages([...new Set(inPart.map((link) => closestComposed(link, selectors.page)!))]);
    return inside(root, pages.flatMap(recordAddresses));
  },
  // Which page, console tab and record tab is on screen is a class ("active", "slds-hide"); the address
  // is a link's. In native shadow the link is inside its hosts: a field's value and the record page
  // are watched as they come in (not lightning-formatted-email, in synthetic shadow the link's parent,
  // where the overlay puts LeadLens: it would read its own insertion again).
  watch: {
    selector: 'a[href^="mailto:"], emailui-formatted-email-lead, emailui-formatted-email-contact, one-record-home-flexipage2',
    attributes: ['class', 'href', 'style', 'hidden'],
    shadowRoots: true,
  },
};

/** A page's record address: its Email field's first link, one card however often the page shows it. */
const recordAddresses = (page: Element): FoundAddress[] =>
  firstPerEmail(linkAddresses(queryAllDeep(page, selectors.link).filter(isRecordEmail), 'record'));

/** Pages on screen: every console tab around them selected, the workspace's as well as the subtab's. */
const onScreenPages = (pages: Element[]) =>
  pages.filter((page) => {
    for (let tab = closestComposed(page, selectors.consoleTab); tab; tab = nextTabOut(tab)) {
      if (!tab.matches(selectors.selectedConsoleTab)) return false;
    }
    return true;
  });

const nextTabOut = (tab: Element) => {
  const parent = composedParent(tab);
  return parent && closestComposed(parent, selectors.consoleTab);
};

/** A link in the standard Email field of a record page, not on a tab the user has not selected. */
const isRecordEmail = (link: Element) =>
  !!closestComposed(link, selectors.page) && isShown(link) && !closestComposed(link, selectors.hiddenTabPanel) && !!fieldOf(link)?.matches(selectors.emailField);

/** The nearest field around an element, by the element carrying its API name. */
function fieldOf(element: Element): Element | null {
  for (let at = composedParent(element); at; at = composedParent(at)) {
    if (at.matches(selectors.fieldName)) return at;
    const named = [...(at.shadowRoot?.children ?? [])].find((child) => child.matches(selectors.fieldName));
    if (named) return named;
  }
  return null;
}

// Written against Lightning Experience record pages, https://<org>.lightning.force.com/lightning/r/Lead/<id>/view
// and /Contact/<id>/view (15- or 18-character ids), standard navigation (#brandBand_N
// div.windowViewMode-normal.oneContent.active.lafPageHost) and console apps (.split-right
// section.tabContent.oneConsoleTab.active > div.oneWorkspace > div.wsTabset > section…oneConsoleTab.active >
// div.windowViewMode-maximized.active.lafPageHost; a focused subtab's URL with ws=<workspace record>), as
// public Salesforce automation and extensions select them; fields as Salesforce's UTAM page objects
// (npm salesforce-pageobjects 9.0.0: records/recordLayoutItem, record/flexipage/recordField,
// email/sfaEmailWrapper, email/formattedEmailWrapper, force/auraActionWrapper, lightning/formattedEmail,
// flexipage/tab2) describe them: records-record-layout-item and Dynamic Forms' record_flexipage-record-field
// with data-target-selection-name="sfdc:RecordField.<Object>.<Field>", the value an
// emailui-formatted-email-lead|contact (a.emailuiFormattedEmail) or a lightning-formatted-email (a), in
// synthetic shadow, mixed shadow and native shadow (https://developer.salesforce.com/docs/platform/lwc/guide/create-mixed-shadow.html).
// Hosts: Lightning is served on <MyDomain>.lightning.force.com (sandboxes <MyDomain>--<name>.sandbox.lightning.force.com),
// as the Apex DomainCreator.getLightningHostname() reference gives it; <MyDomain>.my.salesforce.com is the
// login and Classic host, whose record pages are not these. Saved pages: test/fixtures/pages/salesforce/.
