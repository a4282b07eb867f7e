import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './extension';
import { HostPage } from './pages/host-page';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

const fixture = (adapter: string) => PAGE_FIXTURES.find((candidate) => candidate.adapter === adapter)!;

let extension: LoadedExtension;
beforeAll(async () => {
  extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
  await PopupPage.waitForFirstSync(extension);
});
afterAll(async () => {
  await extension?.close();
});

describe('LeadLens in the CRMs', () => {
  it('reads no CRM until the user turns it on', async () => {
    const salesforce = await HostPage.open(extension, fixture('salesforce'));
    await salesforce.page.waitForTimeout(1000);
    expect(await salesforce.page.locator('leadlens-overlay').count()).toBe(0);
    await salesforce.page.close();
  });

  it('shows the card on the Salesforce and HubSpot records once they are on, and nowhere else', async () => {
    const options = await OptionsPage.open(extension);
    await options.turnOnSites('Salesforce (Lightning)', 'HubSpot');
    await options.page.close();

    const salesforce = await HostPage.open(extension, fixture('salesforce'));
    const card = salesforce.card('LeadLens: Noah Wright');
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.getByText('Orbit Labs').count()).toBeGreaterThan(0);
    expect(await salesforce.page.locator('leadlens-overlay').count()).toBe(1); // the hidden console tab gets none
    await salesforce.page.close();

    const hubspot = await HostPage.open(extension, fixture('hubspot'));
    await expect.poll(() => hubspot.card('LeadLens: 渡辺 和也').count(), { timeout: 15_000 }).toBe(1);
    await hubspot.page.close();

    const dynamics = await HostPage.open(extension, fixture('dynamics'));
    await dynamics.page.waitForTimeout(1000);
    expect(await dynamics.page.locator('leadlens-overlay').count()).toBe(0);
    await dynamics.page.close();
  });
});
