// The CRM variants of issue 13 in Chromium, each served at its real URL (console workspaces, Dynamic
// Forms, native shadow DOM attached by the parser from declarative templates, HubSpot's data centres,
// Dynamics' regions and workspace sessions, Pipedrive deals): the card for the record's person, by
// the page's markup, and no card for anyone else. Pages whose markup shows no address are known by
// the record their URL names, which the overlay's record path answers: those tests wait for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmRecordKey, type CrmRecordRef } from '../../lib/domain/crm-record';
import type { Lead } from '../../lib/domain/model';
import { generateDemo } from '../../lib/sources/demo/generate';
import type { PageFixture } from '../fixtures/pages';
import { CRM_VARIANT_FIXTURES, type CrmVariantFixture } from '../fixtures/pages/crm-variants';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../fakes/lead-context-api';
import { wireLead } from '../fakes/wire';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './extension';
import { HostPage } from './pages/host-page';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ data?: { syncState?: { status: string; sourceId: string } } }> } };

/** The demo's people (seed 1, the extension's first sync): the saved pages name them. */
const DEMO: Lead[] = generateDemo({ seed: 1, now: Date.now() as never, repEmail: 'rep@leadlens.example' }).leads;
const nameOf = (email: string) => DEMO.find((lead) => lead.email === email)?.name;

/** The record a fixture's URL names, as the page adapter spells it (HubSpot's 0-1 is its contact). */
const refOf = (fixture: CrmVariantFixture): CrmRecordRef => ({ ...fixture.recordId!, objectType: fixture.recordId!.crm === 'hubspot' ? 'contact' : fixture.recordId!.objectType });
const demoRef = (fixture: CrmVariantFixture) => DEMO.find((lead) => lead.email === fixture.person)?.crmRecords?.find((candidate) => candidate.crm === fixture.recordId!.crm);
/** Pages with no address whose record the demo lacks: the company's own system knows their people by it. */
const BY_RECORD = CRM_VARIANT_FIXTURES.filter((fixture) => fixture.expected.length === 0 && !demoRef(fixture));
/** Its person is not in the cache yet: LeadLens asks for the record on the miss. */
const ON_MISS = BY_RECORD.find((fixture) => fixture.file.startsWith('dynamics/contact-form-no-email-field.'))!;

/** The demo's people as the Lead Context API serves them, each record-only page's person with that page's record. */
function servedLeads() {
  const withRecord = (lead: Lead) => {
    const page = BY_RECORD.find((fixture) => fixture.person === lead.email);
    return wireLead(page ? { ...lead, crmRecords: [...(lead.crmRecords ?? []), refOf(page)] } : lead);
  };
  const missed = DEMO.find((lead) => lead.email === ON_MISS.person)!;
  return { leads: DEMO.filter((lead) => lead !== missed).map(withRecord), unsynced: [withRecord(missed)] };
}

let extension: LoadedExtension;
let fake: FakeLeadContextApi;
beforeAll(async () => {
  const { leads, unsynced } = servedLeads();
  fake = await startFakeLeadContextApi({ token: 'e2e-token', records: { leads }, unsynced });
  extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
  await PopupPage.waitForFirstSync(extension);
  const options = await OptionsPage.open(extension);
  await options.turnOnSites('Salesforce (Lightning)', 'HubSpot', 'Dynamics 365', 'Pipedrive');
  await connectOutsideATest(options, fake);
  await options.page.close();
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

/** OptionsPage.connectLeadContextApi, polling by hand: expect.poll works only inside a test. */
async function connectOutsideATest(options: OptionsPage, { baseUrl, token }: FakeLeadContextApi): Promise<void> {
  await options.page.evaluate((connection) => chrome.runtime.sendMessage({ type: 'saveConnection', kind: 'http', ...connection }), { baseUrl, token });
  const syncState = () => options.page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'context', emails: ['someone@example.com'] })).data?.syncState);
  for (let waited = 0; waited < 30_000; waited += 200) {
    const state = await syncState();
    if (state?.sourceId?.startsWith('http') && state.status === 'idle') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The Lead Context API sync did not finish within 30 s.');
}

/** The page, once LeadLens has put one overlay beside each address the page shows of its record. */
async function openRecord(fixture: PageFixture, overlays: number): Promise<HostPage> {
  const record = await HostPage.open(extension, fixture);
  await expect.poll(() => record.page.locator('leadlens-overlay').count(), { timeout: 15_000 }).toBe(overlays);
  return record;
}

describe('the CRM variants, by their markup', () => {
  const shown = CRM_VARIANT_FIXTURES.filter((fixture) => fixture.expected.length > 0);

  it.each(shown)('$file: the card for the record\'s person, and none for anyone else', async (fixture) => {
    const name = nameOf(fixture.person!);
    expect(name, `${fixture.person} is a person of the demo`).toBeTruthy();
    const record = await openRecord(fixture, fixture.expected.length);
    await expect.poll(() => record.card(`LeadLens: ${name}`).count(), { timeout: 15_000 }).toBe(1);
    expect(await record.cards().count()).toBe(1);
    // Any other address the page shows of the record (Pipedrive's second one) is no lead: a quiet mark.
    expect(await record.chip(/is not known to marketing$/).count()).toBe(fixture.expected.length - 1);
    await record.page.close();
  });

  it('follows the Salesforce console to another workspace, whose lead is then the only card', async () => {
    const fixture = CRM_VARIANT_FIXTURES.find((candidate) => candidate.file.startsWith('salesforce/console-several-workspace-tabs.'))!;
    const record = await openRecord(fixture, 1);
    await record.page.evaluate(() => {
      document.getElementById('workspace-1')!.classList.remove('active');
      document.getElementById('workspace-2')!.classList.add('active');
    });
    await expect.poll(() => record.card('LeadLens: Liam Clark').count(), { timeout: 15_000 }).toBe(1);
    expect(await record.cards().count()).toBe(1);
    await record.page.close();
  });
});

/**
 * A saved page served at the URL of its person's record: in the demo for Salesforce and HubSpot (the
 * saved URLs' ids are made up); as saved for the pages whose record only the Lead Context API has.
 */
function atRecord(fixture: CrmVariantFixture): PageFixture {
  if (BY_RECORD.includes(fixture)) return fixture;
  const ref = demoRef(fixture)!;
  const url = new URL(fixture.url);
  if (ref.crm === 'salesforce') url.pathname = `/lightning/r/${ref.objectType}/${ref.id}/view`;
  else url.pathname = url.pathname.replace(/\/\d+$/, `/${ref.id}`);
  return { ...fixture, url: url.href };
}

/** The record tab and, on its click, the card: both for the person the URL names, and nobody else. */
async function expectRecordTab(fixture: CrmVariantFixture): Promise<void> {
  const record = await HostPage.open(extension, atRecord(fixture));
  await record.page.setViewportSize({ width: 1366, height: 768 });
  const name = nameOf(fixture.person!)!;
  expect(name, `${fixture.person} is a person of the demo`).toBeTruthy();
  const tab = record.chip(`LeadLens: ${name}, grade`);
  await expect.poll(() => tab.count(), { timeout: 15_000 }).toBe(1);
  expect(await record.page.locator('leadlens-record').count()).toBe(1);
  expect(await record.page.locator('leadlens-overlay').count()).toBe(0);
  const box = await tab.box();
  expect(Math.round(box.x + box.width)).toBe(1366); // at the viewport's right edge
  await tab.click();
  await expect.poll(() => record.card(`LeadLens: ${name}`).count(), { timeout: 15_000 }).toBe(1);
  expect(await record.cards().count()).toBe(1);
  await record.page.close();
}

describe('the CRM variants known by their record alone', () => {
  // A page whose markup shows no address: the overlay's record path shows the person its URL names
  // in a tab at the viewport's right edge, which opens the card.
  const recordOnly = CRM_VARIANT_FIXTURES.filter((fixture) => fixture.expected.length === 0 && fixture !== ON_MISS);
  it.each(recordOnly)('$file: the tab and card for the person its URL names', async (fixture) => {
    await expectRecordTab(fixture);
  });

  it(`${ON_MISS.file}: a record not in the cache is asked for once, then its tab and card appear`, async () => {
    const key = encodeURIComponent(crmRecordKey(refOf(ON_MISS))!);
    const asked = () => fake.received.filter((request) => request.path === '/v1/leads' && request.query.includes(`crmRecord=${key}`)).length;
    expect(asked()).toBe(0);
    await expectRecordTab(ON_MISS);
    expect(asked()).toBe(1);
  });
});
