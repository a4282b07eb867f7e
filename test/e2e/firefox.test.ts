// The Firefox build in Debian's Firefox ESR: the same demo sync, popup, chips and one click back to
// marketing as in Chromium, through Firefox's own extension APIs (an event page, not a service worker).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptMatches, coversUrl } from './content-scripts';
import { expectedDemoQueue } from './demo-queue';
import { inQueueOrder } from './queue-order';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { evaluateInCard, GRANTED_FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
const salesforce = PAGE_FIXTURES.find((fixture) => fixture.adapter === 'salesforce')!;

/** The popup's rows, once the live view has drawn them. */
function queueRows(page: Page) {
  return page.$$eval('.queue li', (items) =>
    items.map((item) => ({ name: item.querySelector('.handoff-name')?.textContent ?? '', due: Number(item.getAttribute('data-due')), account: item.getAttribute('data-account') })),
  );
}

/** LeadLens's hosts beside the page's addresses: their shadow roots are closed, to the page and to these tests. */
function chipCount(page: Page) {
  return page.$$eval('leadlens-overlay', (hosts) => hosts.length);
}

/** Clicks the chip beside an address as the rep would: the host right after the address, with the mouse, at its box. */
async function clickChipOf(page: Page, email: string) {
  const host = await page.$(`span[email="${email}"] + leadlens-overlay`);
  if (!host) throw new Error(`No LeadLens chip beside ${email}.`);
  await host.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await host.boundingBox();
  if (!box) throw new Error(`The chip beside ${email} has no box.`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The card's name, as its region gives it, once the card's frame has drawn it. */
const cardName = (firefox: FirefoxWithExtension) => evaluateInCard(firefox.browser, `document.querySelector('[role="region"]')?.getAttribute('aria-label') ?? null`);

/** Clicks the card's button with this text, in the card page itself (the page's scripts cannot). */
async function clickInCard(firefox: FirefoxWithExtension, text: string) {
  const clicked = await evaluateInCard(
    firefox.browser,
    `(() => { const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)}); button?.click(); return !!button; })()`,
  );
  if (!clicked) throw new Error(`No button "${text}" in the card.`);
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
    expect(await gmail.$$eval('leadlens-overlay', (hosts) => hosts.filter((host) => host.shadowRoot).length)).toBe(0);

    await clickChipOf(gmail, 'noah.wright@orbitlabs.example.com');
    await expect.poll(() => cardName(firefox), { timeout: 15_000 }).toBe('LeadLens: Noah Wright');
    await clickInCard(firefox, 'Not a fit');
    await clickInCard(firefox, 'Company too small');
    const saved = () => evaluateInCard(firefox.browser, `[...document.querySelectorAll('[role="status"]')].map((status) => status.textContent).join('')`);
    await expect.poll(saved, { timeout: 10_000 }).toContain('Saved: Not a fit: Company too small');

    // The demo's marketing system received it: read from the extension's own database, which its pages share.
    const page = await firefox.openExtensionPage('options.html');
    const inbox = () =>
      page.evaluate(
        () =>
          new Promise<{ payload: { email?: string; verdict?: string; reasonCode?: string } }[]>((resolve, reject) => {
            const open = indexedDB.open('leadlens');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('meta').objectStore('meta').get('demo:inbox');
              get.onsuccess = () => {
                resolve(get.result?.value ?? []);
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(async () => (await inbox()).at(-1)?.payload, { timeout: 15_000 }).toMatchObject({
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
    expect(await record.$$eval('leadlens-overlay', (hosts) => hosts.length)).toBe(0);

    // A real click: Firefox lets permissions.request run only from the user's own input.
    await options.bringToFront();
    const labels = await options.$$('label');
    const texts = await Promise.all(labels.map((label) => label.evaluate((element) => element.textContent?.trim() ?? '')));
    const salesforceBox = await labels[texts.indexOf('Salesforce (Lightning)')]!.$('input[type="checkbox"]');
    // Clear of the sticky save bar, which puppeteer's own scrolling may leave over the box.
    await salesforceBox!.evaluate((box) => box.scrollIntoView({ block: 'center' }));
    await salesforceBox!.click();
    await expect.poll(() => salesforceBox!.evaluate((box) => (box as HTMLInputElement).checked)).toBe(true);
    const buttons = await options.$$('button');
    const buttonTexts = await Promise.all(buttons.map((button) => button.evaluate((element) => element.textContent?.trim() ?? '')));
    await buttons[buttonTexts.indexOf('Save settings')]!.click();
    await options.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((status) => status.textContent?.includes('Settings saved.')));
    await expect.poll(scriptRunsOnSalesforce).toBe(true);
    await options.close();

    await record.reload();
    await expect.poll(() => cardName(firefox), { timeout: 15_000 }).toBe('LeadLens: Noah Wright');
    await record.close();
  });
});
