// @vitest-environment happy-dom
// Every selector of every adapter, with the number of elements it matches on each saved page, inside
// its open shadow roots too. A change in a count is a change in what the adapter sees: look at the page
// before changing the number.
import { describe, expect, it } from 'vitest';
import { queryAllDeep } from '../../../lib/pages/dom';
import { selectors as dynamics } from '../../../lib/pages/dynamics';
import { selectors as gmail } from '../../../lib/pages/gmail';
import { selectors as hubspot } from '../../../lib/pages/hubspot';
import { selectors as mailto } from '../../../lib/pages/mailto';
import { selectors as outlook } from '../../../lib/pages/outlook';
import { selectors as pipedrive } from '../../../lib/pages/pipedrive';
import { selectors as salesforce } from '../../../lib/pages/salesforce';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { loadPage } from './load';

const SELECTORS: Record<string, Record<string, string>> = { gmail, salesforce, hubspot, dynamics, pipedrive, outlook, mailto };

// prettier-ignore
const gmailCounts = (main: number, threadId: number, threadView_2022_10_21: number, threadView_2018: number, sender: number,
  recipient: number, collapsedSender: number, body: number, composeChip_2021_10: number, composeChip_2019: number, composeSummary: number) =>
  ({ main, threadId, threadView_2022_10_21, threadView_2018, sender, recipient, collapsedSender, body, composeChip_2021_10, composeChip_2019, composeSummary });

// prettier-ignore
const salesforceCounts = (page: number, consoleTab: number, selectedConsoleTab: number, hiddenTabPanel: number, link: number, fieldName: number, emailField: number) =>
  ({ page, consoleTab, selectedConsoleTab, hiddenTabPanel, link, fieldName, emailField });

// prettier-ignore
const outlookCounts = (mainModule: number, sender: number, recipient: number, composeChip: number, recipientField: number, listPerson: number, body: number) =>
  ({ mainModule, sender, recipient, composeChip, recipientField, listPerson, body });

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
  // The Lead's Description holds a mailto: link, in a field of its own.
  'salesforce/console-lead-and-hidden-contact.2026-11-22.html': salesforceCounts(2, 2, 1, 0, 6, 5, 2),
  // The Leads list the user came from, hidden, links its leads; only the Email field is named.
  'salesforce/lead-record.2026-11-22.html': salesforceCounts(1, 0, 0, 0, 4, 1, 1),
  'salesforce/contact-record-dark.2026-11-22.html': salesforceCounts(1, 0, 0, 0, 3, 1, 1),
  // Referred By Email (a custom email field), the Description's link, the hidden Activity tab's timeline, the utility bar.
  'salesforce/lead-emailui-formatted-email.2026-11-29.html': salesforceCounts(1, 0, 0, 1, 6, 9, 1),
  // Dynamic Forms: the custom billing email, a Chatter post and the related contacts.
  'salesforce/contact-dynamic-forms.2026-11-29.html': salesforceCounts(1, 0, 0, 0, 5, 6, 1),
  // Every link in a native shadow root: none in the light DOM.
  'salesforce/lead-native-shadow-leaf.2026-11-29.html': salesforceCounts(1, 0, 0, 1, 5, 4, 1),
  // Fields, tabs and links all inside shadow roots.
  'salesforce/contact-native-shadow-flexipage.2026-11-29.html': salesforceCounts(1, 0, 0, 1, 6, 4, 1),
  // No Email field in the layouts: the URL names the lead.
  'salesforce/lead-no-email.2026-11-29.html': salesforceCounts(1, 0, 0, 0, 2, 6, 0),
  // Three workspaces, their subtabs: four "active" page hosts, three Email fields, one on screen.
  'salesforce/console-several-workspace-tabs.2026-11-29.html': salesforceCounts(4, 7, 4, 0, 13, 4, 3),
  // The right sidebar previews an associated contact's email property too, with no label.
  'hubspot/contact-record.2026-11-22.html': { sidebar: 1, value: 2 },
  // Editing: the input, and the Save and Cancel buttons' group.
  'hubspot/legacy-contact-url.2026-11-22.html': { sidebar: 1, value: 2 },
  'hubspot/contact-record-current-layout.2026-11-29.html': { sidebar: 1, value: 1 },
  'hubspot/contact-record-na2-editing.2026-11-29.html': { sidebar: 1, value: 2 },
  // The preview panel's contact, outside the left sidebar.
  'hubspot/legacy-contact-url-ap1.2026-11-29.html': { sidebar: 1, value: 2 },
  'hubspot/contact-no-email-shown.2026-11-29.html': { sidebar: 1, value: 0 },
  // The Quick Create panel's email field sits outside the main form.
  'dynamics/lead-form.2026-11-22.html': { form: 1, email: 2 },
  'dynamics/contact-form.2026-11-22.html': { form: 1, email: 1 },
  'dynamics/contact-form-crm17.2026-11-29.html': { form: 1, email: 2 },
  // Three sessions' forms: the focused contact's, its case tab's (no email field), a background contact's.
  'dynamics/csw-multisession.2026-11-29.html': { form: 3, email: 2 },
  'dynamics/lead-form-email-on-unopened-tab.2026-11-29.html': { form: 1, email: 0 },
  'dynamics/contact-form-no-email-field.2026-11-29.html': { form: 1, email: 0 },
  // The flow and the (hidden) help menu link other people.
  'pipedrive/person.2026-11-22.html': { sidebar: 1, link: 6, recordLink: 1 },
  // The duplicates panel lists another person's address.
  'pipedrive/person-single-email.2026-11-22.html': { sidebar: 1, link: 2, recordLink: 1 },
  // A possible duplicate's address beside its /person/ link, the organization's inbox, the flow.
  'pipedrive/person-no-testid.2026-11-29.html': { sidebar: 1, link: 9, recordLink: 5 },
  // The Person card's address; the organization's billing inbox and the flow's people.
  'pipedrive/deal.2026-11-29.html': { sidebar: 1, link: 6, recordLink: 6 },
  // The rep in To has no address: two recipients of three.
  'outlook/reading-pane.2026-11-29.html': outlookCounts(1, 1, 2, 0, 0, 3, 1),
  // Three expanded messages, one the rep's own (no address); the collapsed one has no header lines.
  'outlook/conversation.2026-11-29.html': outlookCounts(1, 2, 4, 0, 0, 4, 3),
  // Pop-outs: no mail module.
  'outlook/popout-read.2026-11-29.html': outlookCounts(0, 1, 2, 0, 0, 0, 1),
  // Bcc's field is a field, its chip no chip of ours.
  'outlook/compose.2026-11-29.html': outlookCounts(0, 0, 0, 4, 3, 0, 1),
  'outlook/inline-reply.2026-11-29.html': outlookCounts(1, 1, 1, 3, 2, 2, 2),
  // Seven titles hold an address; two are no person's (a nameless sender's, a subject's).
  'outlook/message-list.2026-11-29.html': outlookCounts(1, 0, 0, 0, 0, 7, 0),
  'outlook/reading-pane-dark.2026-11-29.html': outlookCounts(1, 1, 1, 0, 0, 3, 1),
  // The body's unprefixed forgeries match the selectors; the body is never read.
  'outlook/hostile-body.2026-11-29.html': outlookCounts(1, 2, 2, 1, 1, 4, 1),
  // The new host serves the same app: the reading pane's selectors, one message and one row.
  'outlook/cloud-microsoft.2026-11-29.html': outlookCounts(1, 1, 1, 0, 0, 1, 1),
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
      Object.entries(SELECTORS[fixture.adapter]!).map(([name, selector]) => [name, queryAllDeep(doc, selector).length]),
    );
    expect(counts).toEqual(SELECTOR_COUNTS[fixture.file]);
  });
});
