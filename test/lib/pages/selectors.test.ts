// @vitest-environment happy-dom
// Every selector of every adapter, with the number of elements it matches on each saved page. A
// change in a count is a change in what the adapter sees: look at the page before changing the number.
import { describe, expect, it } from 'vitest';
import { selectors as dynamics } from '../../../lib/pages/dynamics';
import { selectors as gmail } from '../../../lib/pages/gmail';
import { selectors as hubspot } from '../../../lib/pages/hubspot';
import { selectors as mailto } from '../../../lib/pages/mailto';
import { selectors as pipedrive } from '../../../lib/pages/pipedrive';
import { selectors as salesforce } from '../../../lib/pages/salesforce';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { loadPage } from './load';

const SELECTORS: Record<string, Record<string, string>> = { gmail, salesforce, hubspot, dynamics, pipedrive, mailto };

// prettier-ignore
const gmailCounts = (main: number, threadId: number, threadView_2022_10_21: number, threadView_2018: number, sender: number,
  recipient: number, collapsedSender: number, body: number, composeChip_2021_10: number, composeChip_2019: number, composeSummary: number) =>
  ({ main, threadId, threadView_2022_10_21, threadView_2018, sender, recipient, collapsedSender, body, composeChip_2021_10, composeChip_2019, composeSummary });

const SELECTOR_COUNTS: Record<string, Record<string, number>> = {
  'gmail/thread-multi-recipient.2026-11-22.html': gmailCounts(1, 1, 0, 1, 1, 3, 1, 2, 0, 0, 0),
  'gmail/thread-collapsed.2026-11-22.html': gmailCounts(1, 1, 0, 1, 1, 4, 3, 2, 0, 0, 0),
  // A stale copy of the thread view, hidden: two subjects, two views, one read.
  'gmail/thread-dark.2026-11-22.html': gmailCounts(1, 2, 0, 2, 2, 5, 1, 2, 0, 0, 0),
  // Five chips and five names in recipient lines; of each, the hidden ones are not read.
  'gmail/compose.2026-11-22.html': gmailCounts(1, 0, 0, 0, 0, 0, 0, 0, 5, 0, 5),
  // Forged header markup inside the message body matches the selectors; the body is never read.
  'gmail/compose-and-hostile.2026-11-22.html': gmailCounts(1, 1, 0, 1, 2, 11, 0, 2, 4, 2, 0),
  // Two workspace tabs, each with an "active" page host; the Contact's links are in the hidden one.
  'salesforce/console-lead-and-hidden-contact.2026-11-22.html': { page: 2, consoleTab: 2, selectedConsoleTab: 1, email: 4 },
  'salesforce/lead-record.2026-11-22.html': { page: 1, consoleTab: 0, selectedConsoleTab: 0, email: 2 },
  'salesforce/contact-record-dark.2026-11-22.html': { page: 1, consoleTab: 0, selectedConsoleTab: 0, email: 2 },
  // The right sidebar previews an associated contact's email property too.
  'hubspot/contact-record.2026-11-22.html': { sidebar: 1, email: 2 },
  'hubspot/legacy-contact-url.2026-11-22.html': { sidebar: 1, email: 1 },
  // The Quick Create panel's email field sits outside the main form.
  'dynamics/lead-form.2026-11-22.html': { form: 1, email: 2 },
  'dynamics/contact-form.2026-11-22.html': { form: 1, email: 1 },
  'pipedrive/person.2026-11-22.html': { details: 1, email: 2 },
  // The duplicates panel lists another person's address.
  'pipedrive/person-single-email.2026-11-22.html': { details: 1, email: 2 },
  // Seven mailto: links, three of them broken.
  'mailto/company-contact-page.2026-11-22.html': { link: 7 },
};

describe.each(PAGE_FIXTURES)('$file', (fixture) => {
  it('states a count for every selector of its adapter, and no other', () => {
    expect(Object.keys(SELECTOR_COUNTS[fixture.file] ?? {}).sort()).toEqual(Object.keys(SELECTORS[fixture.adapter]!).sort());
  });

  it('matches the stated number of elements with each selector', () => {
    const doc = loadPage(fixture);
    const counts = Object.fromEntries(
      Object.entries(SELECTORS[fixture.adapter]!).map(([name, selector]) => [name, doc.querySelectorAll(selector).length]),
    );
    expect(counts).toEqual(SELECTOR_COUNTS[fixture.file]);
  });
});
