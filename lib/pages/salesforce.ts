// Salesforce Lightning: the email of the Lead or Contact record on screen. Lightning keeps pages the
// user has left in the DOM, hidden; the console keeps every open workspace tab, each with its own
// "active" page. Only the page of the selected tab counts.
import { firstPerEmail, inside, linkAddresses, scopesOf } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  /** The page on screen within its window: `.windowViewMode-normal.oneContent` (standard), `.windowViewMode-maximized` (console). */
  page: '.lafPageHost.active',
  consoleTab: 'section.tabContent.oneConsoleTab',
  selectedConsoleTab: 'section.tabContent.oneConsoleTab.active',
  /** Email fields in the highlights panel and the record details, not links in text fields. */
  email: [
    'records-highlights-details-item lightning-formatted-email a[href^="mailto:"]',
    'records-record-layout-item lightning-formatted-email a[href^="mailto:"]',
  ].join(', '),
};

export const salesforce: PageAdapter = {
  id: 'salesforce',
  matches: ['https://*.lightning.force.com/lightning/r/Lead/*', 'https://*.lightning.force.com/lightning/r/Contact/*'],
  find(root) {
    const page = scopesOf(root, selectors.page).find(
      (candidate) => candidate.closest(selectors.consoleTab)?.matches(selectors.selectedConsoleTab) ?? true,
    );
    return page ? inside(root, firstPerEmail(linkAddresses(page.querySelectorAll(selectors.email), 'record'))) : [];
  },
  // Which page, and which console tab, is on screen is a class ("active"); the address is a link's.
  watch: { selector: 'a[href^="mailto:"]', attributes: ['class', 'href'] },
};

// Written against Lightning Experience record pages, https://<org>.lightning.force.com/lightning/r/Lead/<id>/view
// and /Contact/<id>/view, standard navigation (#brandBand_N div.windowViewMode-normal.oneContent.active.lafPageHost)
// and console apps (.split-right section.tabContent.oneConsoleTab.active > div.windowViewMode-maximized.active.lafPageHost),
// as public Salesforce automation and extensions select them; fields are records-record-layout-item and
// records-highlights-details-item, the address a lightning-formatted-email's mailto: link.
