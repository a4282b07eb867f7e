// `npm run screenshots`: README's pictures, at 1366x768 in English and Japanese, taken from the built
// extension in Chromium on the demo data into docs/screenshots/: the card in Gmail and in Outlook on
// the web, the popup with 1,000 handoffs, the welcome page, the options page and the loop report; and
// the account context: the card's account section and the popup's handoffs gathered by account.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { OUTLOOK_FIXTURES } from '../fixtures/pages/outlook-fixtures';
import { seedInWorker } from '../bench/seed';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from '../e2e/extension';
import { HostPage } from '../e2e/pages/host-page';
import { OptionsPage } from '../e2e/pages/options-page';
import { PopupPage } from '../e2e/pages/popup-page';

const OUT = join(__dirname, '../../docs/screenshots');
const LAPTOP = { width: 1366, height: 768 };
const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
const outlook = OUTLOOK_FIXTURES[0]!;
let extension: LoadedExtension;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
  await PopupPage.waitForFirstSync(extension);
  const options = await OptionsPage.open(extension);
  await options.turnOnSites('Outlook on the web');
  await options.page.close();
  // A verdict, so the loop report and the card have something to show.
  const gmail = await HostPage.open(extension, thread);
  await gmail.chip(/^LeadLens: Noah Wright/).first().click();
  const card = gmail.card('LeadLens: Noah Wright');
  await card.getByRole('button', { name: 'Not a fit' }).click();
  await card.getByRole('button', { name: 'Company too small' }).click();
  await card.getByRole('status').last().filter({ hasText: /^Saved/ }).waitFor();
  await gmail.page.close();
});
afterAll(async () => {
  await extension?.close();
});

/** A host page at laptop size with the card of `name` open from its chip, shot whole. */
async function shootCard(page: Promise<HostPage>, name: string, file: string) {
  const host = await page;
  await host.page.setViewportSize(LAPTOP);
  await host.chip(new RegExp(`^LeadLens: ${name}`)).first().click();
  const card = host.card(new RegExp(`^LeadLens: ${name}`));
  await card.locator('.ll-touch').first().waitFor();
  await host.page.screenshot({ path: join(OUT, file) });
  await host.page.close();
}

async function shootPage(page: Page, file: string, ready: string) {
  await page.setViewportSize(LAPTOP);
  await page.locator(ready).first().waitFor();
  await page.screenshot({ path: join(OUT, file) });
}

async function shoot(language: 'en' | 'ja') {
  const options = await OptionsPage.open(extension);
  await options.chooseLanguage(language);
  await shootPage(options.page, `options-${language}.png`, '.report [data-metric="met"]');
  await options.page.locator('.report').scrollIntoViewIfNeeded();
  await options.page.screenshot({ path: join(OUT, `report-${language}.png`) });
  await options.page.close();

  const welcome = await extension.context.newPage();
  await welcome.goto(`chrome-extension://${extension.extensionId}/welcome.html`);
  await shootPage(welcome, `welcome-${language}.png`, '#rep-email');
  await welcome.close();

  await shootCard(HostPage.open(extension, thread), 'Noah Wright', `card-${language}.png`);
  await shootCard(HostPage.open(extension, outlook), 'Noah Wright', `card-outlook-${language}.png`);
}

/** The card scrolled to its account section, the popup at its first account's handoffs and the report's accounts, on the demo. */
async function shootAccounts(language: 'en' | 'ja') {
  const host = await HostPage.open(extension, thread);
  await host.page.setViewportSize(LAPTOP);
  await host.chip(/^LeadLens: 渡辺 和也/).first().click();
  const card = host.card(/^LeadLens: 渡辺 和也/);
  await card.locator('.ll-account .ll-person').first().waitFor();
  await card.locator('.ll-account').evaluate((section) => section.scrollIntoView({ block: 'start' }));
  await host.page.screenshot({ path: join(OUT, `card-account-${language}.png`) });
  await host.page.close();

  const popup = await PopupPage.open(extension);
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await popup.waitForLiveView();
  const heading = popup.page.locator('.account-heading').first();
  await heading.waitFor();
  await heading.evaluate((element) => element.closest('li')!.scrollIntoView({ block: 'start' }));
  await popup.page.screenshot({ path: join(OUT, `popup-accounts-${language}.png`) });
  await popup.page.close();

  const options = await OptionsPage.open(extension);
  await options.page.setViewportSize(LAPTOP);
  await options.page.locator('.account-report figure').first().waitFor();
  await options.page.locator('.account-report').evaluate((section) => section.scrollIntoView({ block: 'start' }));
  await options.page.screenshot({ path: join(OUT, `report-accounts-${language}.png`) });
  await options.page.close();
}

async function shootBusyPopup(language: 'en' | 'ja') {
  const options = await OptionsPage.open(extension);
  await options.chooseLanguage(language);
  await options.page.close();
  const popup = await PopupPage.open(extension);
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await popup.waitForLiveView();
  await popup.page.locator('.queue li').first().waitFor();
  await popup.page.screenshot({ path: join(OUT, `popup-${language}.png`) });
  await popup.page.close();
}

it('takes the screenshots in English and Japanese', async () => {
  await shoot('en');
  await shootAccounts('en');
  await shoot('ja');
  await shootAccounts('ja');
  // The popup last: a thousand handoffs of the rep's, on top of the demo's.
  await extension.serviceWorker.evaluate(seedInWorker, { leads: 1000, handoffs: 1000, repEmail: 'rep@leadlens.example', now: Date.now() });
  await shootBusyPopup('en');
  await shootBusyPopup('ja');
  for (const name of ['card', 'card-outlook', 'card-account', 'popup', 'popup-accounts', 'options', 'report', 'report-accounts', 'welcome'].flatMap((what) => [`${what}-en`, `${what}-ja`])) {
    const png = readFileSync(join(OUT, `${name}.png`));
    expect(png.subarray(1, 4).toString(), name).toBe('PNG');
    expect(png.length, name).toBeGreaterThan(5_000);
  }
});
