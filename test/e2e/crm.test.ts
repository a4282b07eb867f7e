import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { contentScriptMatches, coversUrl } from './content-scripts';
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

/** Whether Chromium would run one of LeadLens's content scripts on the URL, as it says itself. */
async function scriptRunsOn(url: string): Promise<boolean> {
  return coversUrl(await extension.serviceWorker.evaluate(contentScriptMatches), url);
}

async function turnOnSites(...names: string[]) {
  const options = await OptionsPage.open(extension);
  await options.turnOnSites(...names);
  await options.page.close();
}

describe('LeadLens in the CRMs', () => {
  it('reads no CRM until the user turns it on, then shows the card on that same record', async () => {
    const salesforce = fixture('salesforce');
    // No script of LeadLens's would run there: not the manifest's, none registered. The page agrees.
    expect(await scriptRunsOn(salesforce.url)).toBe(false);
    const record = await HostPage.open(extension, salesforce);
    expect(await record.page.locator('leadlens-overlay').count()).toBe(0);

    // The control: the same page does get the card once Salesforce is on.
    await turnOnSites('Salesforce (Lightning)');
    await expect.poll(() => scriptRunsOn(salesforce.url)).toBe(true);
    await record.page.reload();
    const card = record.card('LeadLens: Noah Wright');
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.getByText('Orbit Labs').count()).toBeGreaterThan(0);
    expect(await record.page.locator('leadlens-overlay').count()).toBe(1); // the hidden console tab gets none
    await record.page.close();
  });

  it('shows the card on a HubSpot record once HubSpot is on, and none on Dynamics until that is on too', async () => {
    await turnOnSites('HubSpot');
    const hubspot = await HostPage.open(extension, fixture('hubspot'));
    await expect.poll(() => hubspot.card('LeadLens: 渡辺 和也').count(), { timeout: 15_000 }).toBe(1);
    await hubspot.page.close();

    const dynamics = fixture('dynamics');
    expect(await scriptRunsOn(dynamics.url)).toBe(false);
    const record = await HostPage.open(extension, dynamics);
    expect(await record.page.locator('leadlens-overlay').count()).toBe(0);

    await turnOnSites('Dynamics 365');
    await expect.poll(() => scriptRunsOn(dynamics.url)).toBe(true);
    await record.page.reload();
    await expect.poll(() => record.card('LeadLens: Ava Clark').count(), { timeout: 15_000 }).toBe(1);
    await record.page.close();
  });
});
