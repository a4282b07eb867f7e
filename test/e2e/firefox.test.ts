// The Firefox build in Debian's Firefox ESR: the same demo sync, popup, chips and one click back to
// marketing as in Chromium, through Firefox's own extension APIs (an event page, not a service worker).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptMatches, coversUrl } from './content-scripts';
import { expectedDemoQueue } from './demo-queue';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { GRANTED_FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
const salesforce = PAGE_FIXTURES.find((fixture) => fixture.adapter === 'salesforce')!;

/** The popup's rows, once the live view has drawn them. */
function queueRows(page: Page) {
  return page.$$eval('.queue li', (items) =>
    items.map((item) => ({ name: item.querySelector('.handoff-name')?.textContent ?? '', due: Number(item.getAttribute('data-due')) })),
  );
}

/** Every LeadLens chip on the page, by its accessible name, in document order. */
function chipNames(page: Page) {
  return page.$$eval('leadlens-overlay', (hosts) =>
    hosts.flatMap((host) => [...(host.shadowRoot?.querySelectorAll('.ll-chip') ?? [])].map((chip) => chip.getAttribute('aria-label') ?? '')),
  );
}

/** Clicks the button (or chip) with this accessible name or text inside LeadLens's shadow roots. */
async function clickInOverlay(page: Page, name: string) {
  const clicked = await page.$$eval(
    'leadlens-overlay',
    (hosts, wanted) => {
      const buttons = hosts.flatMap((host) => [...(host.shadowRoot?.querySelectorAll<HTMLElement>('button, [role="button"]') ?? [])]);
      const target = buttons.find((button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').trim().startsWith(wanted));
      target?.click();
      return !!target;
    },
    name,
  );
  if (!clicked) throw new Error(`No LeadLens button named "${name}" on the page.`);
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
    expect(rows.map((row) => row.due)).toEqual(rows.map((row) => row.due).sort((a, b) => a - b));
    await popup.close();
  });

  it('puts a chip beside each address of a Gmail thread and sends "Not a fit" from the card to marketing', async () => {
    const gmail = await firefox.openFixture(thread);
    await expect.poll(async () => (await chipNames(gmail)).length, { timeout: 20_000 }).toBe(thread.expected.length);
    const names = await chipNames(gmail);
    expect(names.filter((name) => /^LeadLens: Noah Wright, grade [A-D][1-4], score \d+$/.test(name))).toHaveLength(1);
    expect(names).toContain('LeadLens: stranger@unknown-corp.example.com is not known to marketing');

    await clickInOverlay(gmail, 'LeadLens: Noah Wright');
    await gmail.waitForSelector('leadlens-overlay >>> .ll-card', { timeout: 10_000 });
    await clickInOverlay(gmail, 'Not a fit');
    await clickInOverlay(gmail, 'Company too small');
    const saved = () => gmail.$$eval('leadlens-overlay', (hosts) => hosts.map((host) => host.shadowRoot?.querySelector('.ll-card [role="status"]:last-of-type')?.textContent ?? '').join(''));
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
    const cardNames = () =>
      record.$$eval('leadlens-overlay', (hosts) => hosts.flatMap((host) => [...(host.shadowRoot?.querySelectorAll('.ll-card') ?? [])].map((card) => card.getAttribute('aria-label') ?? '')));
    await expect.poll(cardNames, { timeout: 15_000 }).toEqual(['LeadLens: Noah Wright']);
    await record.close();
  });
});
