// The CRM variants of issue 13 in Chromium, each served at its real URL (console workspaces, Dynamic
// Forms, native shadow DOM attached by the parser from declarative templates, HubSpot's data centres,
// Dynamics' regions and workspace sessions, Pipedrive deals): the card for the record's person, by
// the page's markup, and no card for anyone else. Pages whose markup shows no address are known by
// the record their URL names, which the overlay's record path answers: those tests wait for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmRecordRef } from '../../lib/domain/crm-record';
import type { Lead } from '../../lib/domain/model';
import { generateDemo } from '../../lib/sources/demo/generate';
import type { PageFixture } from '../fixtures/pages';
import { CRM_VARIANT_FIXTURES, type CrmVariantFixture } from '../fixtures/pages/crm-variants';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './extension';
import { HostPage } from './pages/host-page';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

/** The demo's people (seed 1, the extension's first sync): the saved pages name them. */
const DEMO: Lead[] = generateDemo({ seed: 1, now: Date.now() as never, repEmail: 'rep@leadlens.example' }).leads;
const nameOf = (email: string) => DEMO.find((lead) => lead.email === email)?.name;

let extension: LoadedExtension;
beforeAll(async () => {
  extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
  await PopupPage.waitForFirstSync(extension);
  const options = await OptionsPage.open(extension);
  await options.turnOnSites('Salesforce (Lightning)', 'HubSpot', 'Dynamics 365', 'Pipedrive');
  await options.page.close();
});
afterAll(async () => {
  await extension?.close();
});

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
 * A saved page served at the URL of its person's record in the demo: the saved URLs' ids are made up,
 * and the demo has its people in Salesforce and some in HubSpot, none in Dynamics or Pipedrive.
 */
function atDemoRecord(fixture: CrmVariantFixture): PageFixture | null {
  const ref: CrmRecordRef | undefined = DEMO.find((lead) => lead.email === fixture.person)?.crmRecords?.find((candidate) => candidate.crm === fixture.recordId!.crm);
  const url = new URL(fixture.url);
  if (ref?.crm === 'salesforce') url.pathname = `/lightning/r/${ref.objectType}/${ref.id}/view`;
  else if (ref?.crm === 'hubspot') url.pathname = url.pathname.replace(/\/\d+$/, `/${ref.id}`);
  else return null;
  return { ...fixture, url: url.href };
}

describe('the CRM variants known by their record alone', () => {
  // A page whose markup shows no address: the overlay's record path shows the person its URL names
  // in a tab at the viewport's right edge, which opens the card.
  for (const fixture of CRM_VARIANT_FIXTURES.filter((candidate) => candidate.expected.length === 0)) {
    const served = atDemoRecord(fixture);
    if (!served) {
      it.todo(`${fixture.file}: the card for ${fixture.person}, once the demo has its ${fixture.recordId!.crm} record`);
      continue;
    }
    it(`${fixture.file}: the tab and card for ${fixture.person}, the person its URL names`, async () => {
      const record = await HostPage.open(extension, served);
      await record.page.setViewportSize({ width: 1366, height: 768 });
      const name = nameOf(fixture.person!)!;
      const tab = record.chip(`LeadLens: ${name}, grade`);
      await expect.poll(() => tab.count(), { timeout: 15_000 }).toBe(1);
      expect(await record.page.locator('leadlens-record').count()).toBe(1);
      expect(await record.page.locator('leadlens-overlay').count()).toBe(0);
      const box = await tab.box();
      expect(Math.round(box.x + box.width)).toBe(1366); // at the viewport's right edge
      await tab.click();
      const card = record.card(`LeadLens: ${name}`);
      await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
      expect(await record.cards().count()).toBe(1);
      await record.page.close();
    });
  }
});
