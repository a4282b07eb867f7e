// @vitest-environment happy-dom
// The CRM variants of issue 13: each page yields its record's person by markup where the markup has
// it, and nobody else: not a custom email field, a Chatter post, a hidden tab, console workspace or
// session, a preview panel or a possible duplicate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/pages';
import { dynamics } from '../../../lib/pages/dynamics';
import { hubspot } from '../../../lib/pages/hubspot';
import { pipedrive } from '../../../lib/pages/pipedrive';
import { salesforce } from '../../../lib/pages/salesforce';
import type { FoundAddress } from '../../../lib/pages/types';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { CRM_VARIANT_FIXTURES } from '../../fixtures/pages/crm-variants';
import { attachDeclarativeShadowRoots, FIXTURES_DIR, loadPage } from './load';

const fixture = (file: string) => PAGE_FIXTURES.find((candidate) => candidate.file.startsWith(file))!;
const emails = (found: FoundAddress[]) => found.map(({ email }) => email);
const page = (file: string) => loadPage(fixture(file));

describe.each(CRM_VARIANT_FIXTURES)('$file', (variant) => {
  it(variant.expected.length > 0 ? "yields the record's person first, as the record's" : 'yields nobody: the URL alone names the record', () => {
    const found = adapterFor(variant.url)!.find(loadPage(variant));
    if (variant.expected.length > 0) expect(found[0]?.email).toBe(variant.person);
    else expect(found).toEqual([]);
    expect(found.every(({ role }) => role === 'record')).toBe(true);
  });
});

describe('Salesforce', () => {
  it('reads the standard Email field only, not a custom email field in the same layout', () => {
    const doc = page('salesforce/lead-emailui-formatted-email.');
    expect(emails(salesforce.find(doc))).toEqual(['sophia.walker@crescent-capital.example.com']);
    // Were Referred_By_Email__c the only email field, nothing would be read.
    doc.querySelector('[data-target-selection-name="sfdc:RecordField.Lead.Email"]')!.remove();
    expect(salesforce.find(doc)).toEqual([]);
  });

  it('reads the Dynamic Forms field by its API name, not the Chatter post or the related contacts', () => {
    const found = emails(salesforce.find(page('salesforce/contact-dynamic-forms.')));
    expect(found).toEqual(['takuya.yamada@minato-soft.example.jp']);
  });

  it('reads into open shadow roots, and stops at a tab the user has not selected', () => {
    const doc = page('salesforce/lead-native-shadow-leaf.');
    expect(doc.querySelectorAll('a[href^="mailto:"]')).toHaveLength(0);
    expect(emails(salesforce.find(doc))).toEqual(['ethan.brown@summit-energy.example.com']);
    const [details, related] = doc.querySelectorAll('[role="tabpanel"]');
    details!.classList.replace('slds-show', 'slds-hide');
    related!.classList.replace('slds-hide', 'slds-show');
    expect(salesforce.find(doc)).toEqual([]);
  });

  it('finds the field five shadow roots below its layout item, and reads the item as a part of the page', () => {
    const doc = page('salesforce/contact-native-shadow-flexipage.');
    const [found] = salesforce.find(doc);
    expect(found?.email).toBe('megumi.ito@hokuto-bank.example.jp');
    let depth = 0;
    for (let root = found!.anchor.getRootNode(); root !== doc; root = (root as ShadowRoot).host.getRootNode()) depth++;
    expect(depth).toBeGreaterThanOrEqual(10);
    const item = doc.querySelector('one-record-home-flexipage2')!;
    expect(salesforce.find(item)).toEqual([found]);
  });

  it('leaves a closed shadow root alone', () => {
    const html = readFileSync(join(FIXTURES_DIR, fixture('salesforce/lead-native-shadow-leaf.').file), 'utf8');
    const doc = new DOMParser().parseFromString(html.replaceAll('shadowrootmode="open"><a href="mailto:', 'shadowrootmode="closed"><a href="mailto:'), 'text/html');
    attachDeclarativeShadowRoots(doc);
    expect(salesforce.find(doc)).toEqual([]);
  });

  it('reads only the page of the selected workspace, whose own subtabs keep "active" while hidden', () => {
    const doc = page('salesforce/console-several-workspace-tabs.');
    expect(emails(salesforce.find(doc))).toEqual(['grace.walker@granite-co.example.com']);
    const [mia, granite, liam] = doc.querySelectorAll('#workspace-0, #workspace-1, #workspace-2');
    granite!.classList.remove('active');
    liam!.classList.add('active');
    expect(emails(salesforce.find(doc))).toEqual(['liam.clark@summit-energy.example.com']);
    liam!.classList.remove('active');
    mia!.classList.add('active');
    expect(emails(salesforce.find(mia!))).toEqual(['mia.taylor@granite-co.example.com']);
    expect(salesforce.find(liam!)).toEqual([]);
  });
});

describe('HubSpot', () => {
  it('reads the left sidebar, not the preview panel that repeats the property rows for another contact', () => {
    expect(emails(hubspot.find(page('hubspot/legacy-contact-url-ap1.')))).toEqual(['yoko.yoshida@tokai-medical.example.jp']);
  });

  it('reads the current layout by the row and its label, not its generated class names', () => {
    const doc = page('hubspot/contact-record-current-layout.');
    for (const element of doc.querySelectorAll('[class]')) element.setAttribute('class', 'sc-x');
    expect(emails(hubspot.find(doc))).toEqual(['aya.watanabe@hokuto-bank.example.jp']);
  });

  it('reads an edited value as it stands, and nothing from the owner, timeline or associations', () => {
    const found = hubspot.find(page('hubspot/contact-record-na2-editing.'));
    expect(found.map(({ email, anchor }) => [email, anchor.tagName])).toEqual([['james.wright@crescent-capital.example.com', 'INPUT']]);
  });
});

describe('Dynamics 365', () => {
  it('reads the focused session of the Customer Service workspace, and follows focus to another', () => {
    const doc = page('dynamics/csw-multisession.');
    expect(emails(dynamics.find(doc))).toEqual(['ava.wright@orbitlabs.example.com']);
    doc.getElementById('session-1')!.setAttribute('style', 'display: none;');
    doc.getElementById('session-2')!.removeAttribute('style');
    expect(emails(dynamics.find(doc))).toEqual(['emma.king@orbitlabs.example.com']);
  });

  it('reads nothing in a session whose focused tab is not the contact form', () => {
    const doc = page('dynamics/csw-multisession.');
    doc.getElementById('s1-panel-1')!.setAttribute('style', 'display: none;');
    doc.getElementById('s1-panel-2')!.removeAttribute('style');
    expect(dynamics.find(doc)).toEqual([]);
  });
});

describe('Pipedrive', () => {
  it("reads the person's addresses on a page without test hooks, not a possible duplicate's or the organization's", () => {
    const found = emails(pipedrive.find(page('pipedrive/person-no-testid.')));
    expect(found).toEqual(['sophia.taylor@crescent-capital.example.com', 'sophia.t@home-mail.example.net']);
  });

  it("reads the deal's Person card, not the organization's inbox, the participants or the flow", () => {
    expect(emails(pipedrive.find(page('pipedrive/deal.')))).toEqual(['emma.clark@granite-co.example.com']);
  });
});
