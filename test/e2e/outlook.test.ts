// Outlook on the web in Chromium (issue 17): nothing until the rep turns Outlook on; then one chip per
// address the adapter finds on each saved page at its real URL, the card from a chip, and a verdict
// from that card reaching the demo's marketing system. The hostile body yields no chip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTLOOK_FIXTURES } from '../fixtures/pages/outlook-fixtures';
import { coversUrl, contentScriptMatches } from './content-scripts';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './extension';
import { HostPage } from './pages/host-page';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { demoInbox as demoInboxOf } from './demo-inbox';

const readingPane = OUTLOOK_FIXTURES[0]!;

let extension: LoadedExtension;
beforeAll(async () => {
  extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
  await PopupPage.waitForFirstSync(extension);
});
afterAll(async () => {
  await extension?.close();
});

const demoInbox = () => demoInboxOf(extension);

describe('LeadLens in Outlook on the web', () => {
  it('reads no Outlook page until the rep turns Outlook on, then does', async () => {
    const options = await OptionsPage.open(extension);
    const scripted = async () => coversUrl(await extension.serviceWorker.evaluate(contentScriptMatches), readingPane.url);
    expect(await scripted()).toBe(false);
    const before = await HostPage.open(extension, readingPane);
    expect(await before.page.locator('leadlens-overlay').count()).toBe(0);
    await before.page.close();

    await options.turnOnSites('Outlook on the web');
    await expect.poll(scripted, { timeout: 15_000 }).toBe(true);
    await options.page.close();
    const after = await HostPage.open(extension, readingPane);
    await expect.poll(() => after.page.locator('leadlens-overlay').count(), { timeout: 15_000 }).toBe(readingPane.expected.length);
    await after.page.close();
  });

  it.each(OUTLOOK_FIXTURES.slice(1))('$file: one overlay per address the adapter finds', async (fixture) => {
    const outlook = await HostPage.open(extension, fixture);
    await expect.poll(() => outlook.page.locator('leadlens-overlay').count(), { timeout: 15_000 }).toBe(fixture.expected.length);
    if (fixture.dark) expect(await outlook.page.locator('leadlens-overlay').first().getAttribute('data-theme')).toBe('dark');
    await outlook.page.close();
  });

  it('opens the card from a chip and sends a verdict from it', async () => {
    const outlook = await HostPage.open(extension, readingPane);
    const chip = outlook.chip(/^LeadLens: Noah Wright/).first();
    await expect.poll(() => chip.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await chip.click();
    const card = outlook.card('LeadLens: Noah Wright');
    await expect.poll(() => card.isVisible()).toBe(true);
    const before = (await demoInbox()).length;
    await card.getByRole('button', { name: 'Good lead' }).click();
    await expect.poll(async () => (await demoInbox()).length, { timeout: 15_000 }).toBe(before + 1);
    expect((await demoInbox()).at(-1)!.payload).toMatchObject({ verdict: 'good_lead', email: 'noah.wright@orbitlabs.example.com' });
    await outlook.page.close();
  });
});
