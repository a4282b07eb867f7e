// `npm run screenshots`: the card, the popup and the options page (with the loop report) in English
// and Japanese, taken from the built extension in Chromium on the demo data, into docs/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { launchWithExtension, type LoadedExtension } from '../e2e/extension';
import { HostPage } from '../e2e/pages/host-page';
import { OptionsPage } from '../e2e/pages/options-page';
import { PopupPage } from '../e2e/pages/popup-page';

const OUT = join(__dirname, '../../docs/screenshots');
const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
let extension: LoadedExtension;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  extension = await launchWithExtension();
  const popup = await PopupPage.open(extension);
  await popup.items().first().waitFor({ timeout: 30_000 });
  // A few verdicts and actions, so the loop report has something to show.
  for (const [action, reason] of [['Mark contacted'], ['Mark contacted'], ['Reject (recycle to nurture)', 'has_vendor'], ['Mark contacted']] as const) {
    const group = popup.page.getByRole('group', { name: /^Actions for / }).first();
    await group.getByRole('button', { name: action }).click();
    if (reason) {
      await popup.page.getByRole('combobox', { name: 'Why reject?' }).selectOption(reason);
      await popup.page.getByRole('button', { name: 'Reject', exact: true }).click();
    }
  }
  await popup.page.close();
  const gmail = await HostPage.open(extension, thread);
  await gmail.chips().first().waitFor({ timeout: 15_000 });
  for (const [name, verdict, reason] of [['Noah Wright', 'Good lead'], ['渡辺 和也', 'Not a fit', 'Company too small']] as const) {
    await gmail.chip(new RegExp(`^LeadLens: ${name}`)).first().click();
    const card = gmail.card(`LeadLens: ${name}`);
    await card.getByRole('button', { name: verdict }).click();
    if (reason) await card.getByRole('button', { name: reason }).click();
    await card.getByRole('status').last().filter({ hasText: /^Saved/ }).waitFor();
    await gmail.page.keyboard.press('Escape');
  }
  await gmail.page.close();
});
afterAll(async () => {
  await extension?.close();
});

async function shoot(language: 'en' | 'ja') {
  const options = await OptionsPage.open(extension);
  await options.page.setViewportSize({ width: 900, height: 1000 });
  const select = options.page.locator('form:not(.connection) select').first();
  if ((await select.inputValue()) !== language) {
    await select.selectOption(language);
    await options.page.locator('.save-bar button[type="submit"]').click();
    await options.page.waitForLoadState('load');
    await options.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  }
  await options.page.locator('.report [data-metric="met"]').waitFor();
  await options.page.screenshot({ path: join(OUT, `options-${language}.png`) });
  await options.page.locator('.report').screenshot({ path: join(OUT, `report-${language}.png`) });
  await options.page.close();

  const popup = await PopupPage.open(extension);
  await popup.page.setViewportSize({ width: 420, height: 640 });
  await popup.page.locator('.queue li').first().waitFor();
  await popup.waitForLiveView(); // the first paint has no sync line yet
  await popup.page.screenshot({ path: join(OUT, `popup-${language}.png`) });
  await popup.page.close();

  const gmail = await HostPage.open(extension, thread);
  await gmail.page.setViewportSize({ width: 1100, height: 900 });
  await gmail.chip(/^LeadLens: Noah Wright/).click();
  const card = gmail.page.locator('leadlens-overlay .ll-card');
  await card.locator('.ll-touch').first().waitFor();
  await card.locator(language === 'ja' ? 'text=ターゲット外' : 'text=Not a fit').waitFor();
  await card.screenshot({ path: join(OUT, `card-${language}.png`) });
  await gmail.page.close();
}

it('takes the screenshots in English and Japanese', async () => {
  await shoot('en');
  await shoot('ja');
  await shoot('en'); // and leaves the profile as it found it
  for (const name of ['card', 'popup', 'options', 'report'].flatMap((what) => [`${what}-en`, `${what}-ja`])) {
    const png = readFileSync(join(OUT, `${name}.png`));
    expect(png.subarray(1, 4).toString(), name).toBe('PNG');
    expect(png.length, name).toBeGreaterThan(5_000);
  }
});
