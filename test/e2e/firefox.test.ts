// The Firefox build in Debian's Firefox ESR: the same demo sync, popup, chips and one click back to
// marketing as in Chromium, through Firefox's own extension APIs (an event page, not a service worker).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptMatches, coversUrl } from './content-scripts';
import { expectedDemoQueue } from './demo-queue';
import { inQueueOrder } from './queue-order';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { GRANTED_FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { cardName, cardStatus, chipCount, clickChipOf, clickInCard, demoInbox, openShadowRoots, turnOnSiteInOptions } from './firefox-pages';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
const salesforce = PAGE_FIXTURES.find((fixture) => fixture.adapter === 'salesforce')!;

/** The popup's rows, once the live view has drawn them. */
function queueRows(page: Page) {
  return page.$$eval('.queue li', (items) =>
    items.map((item) => ({ name: item.querySelector('.handoff-name')?.textContent ?? '', due: Number(item.getAttribute('data-due')), account: item.getAttribute('data-account') })),
  );
}

describe('LeadLens in Firefox', () => {
  let firefox: FirefoxWithExtension;
  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('syncs the demo on install, and the popup lists the pending handoffs in deadline order', async () => {
    const expected = expectedDemoQueue();
    const popup = await firefox.openExtensionPage('popup.html');
    await expect.poll(async () => (await queueRows(popup)).length, { timeout: 30_000 }).toBe(expected.length);
    const rows = await queueRows(popup);
    expect(new Set(rows.map((row) => row.name))).toEqual(new Set(expected));
    expect(inQueueOrder(rows)).toBe(true); // deadline order, an account's handoffs gathered at its first
    await popup.close();
  });

  it('puts a chip beside each address of a Gmail thread and sends "Not a fit" from the card to marketing', async () => {
    const gmail = await firefox.openFixture(thread);
    await expect.poll(() => chipCount(gmail), { timeout: 20_000 }).toBe(thread.expected.length);
    // Closed to the page, and to a test that reads the page as a script would.
    expect(await openShadowRoots(gmail)).toBe(0);

    await clickChipOf(gmail, 'noah.wright@orbitlabs.example.com');
    await expect.poll(() => cardName(firefox), { timeout: 15_000 }).toBe('LeadLens: Noah Wright');
    await clickInCard(firefox, 'Not a fit');
    await clickInCard(firefox, 'Company too small');
    await expect.poll(() => cardStatus(firefox), { timeout: 10_000 }).toContain('Saved: Not a fit: Company too small');

    // The demo's marketing system received it: read from the extension's own database, which its pages share.
    const page = await firefox.openExtensionPage('options.html');
    await expect.poll(async () => (await demoInbox(page)).at(-1)?.payload, { timeout: 15_000 }).toMatchObject({
      email: 'noah.wright@orbitlabs.example.com',
      verdict: 'not_a_fit',
      reasonCode: 'too_small',
    });
    await Promise.all([gmail.close(), page.close()]);
  });
});

describe('LeadLens on a CRM in Firefox', () => {
  let firefox: FirefoxWithExtension;
  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(GRANTED_FIREFOX_EXTENSION_DIR);
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it("reads no CRM until the rep turns it on, then registers its script through Firefox's scripting API", async () => {
    // No script of LeadLens's would run there, as Firefox itself says (not the manifest's, none
    // registered), and the page agrees; the same page then gets the card once Salesforce is on.
    const options = await firefox.openExtensionPage('options.html');
    const scriptRunsOnSalesforce = async () => coversUrl(await options.evaluate(contentScriptMatches), salesforce.url);
    expect(await scriptRunsOnSalesforce()).toBe(false);
    const record = await firefox.openFixture(salesforce);
    expect(await chipCount(record)).toBe(0);

    // A real click: Firefox lets permissions.request run only from the user's own input.
    await turnOnSiteInOptions(options, 'Salesforce (Lightning)');
    await expect.poll(scriptRunsOnSalesforce).toBe(true);
    await options.close();

    await record.reload();
    await expect.poll(() => cardName(firefox), { timeout: 15_000 }).toBe('LeadLens: Noah Wright');
    await record.close();
  });
});
