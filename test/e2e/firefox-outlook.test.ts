// Outlook on the web in Debian's Firefox ESR (issue 17), as outlook.test.ts does it in Chromium:
// nothing runs on Outlook until the rep turns it on with a real click in the options; then each saved
// Outlook page at its real URL gets one chip per address the adapter finds, and a chip of one of the
// demo's leads opens the card, whose verdict reaches the demo's marketing system.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { generateDemo } from '../../lib/sources/demo/source';
import { OUTLOOK_FIXTURES } from '../fixtures/pages/outlook-fixtures';
import { contentScriptMatches, coversUrl } from './content-scripts';
import { GRANTED_FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { cardName, chipCount, clickChipOf, clickInCard, demoInbox, openShadowRoots, turnOnSiteInOptions } from './firefox-pages';

const readingPane = OUTLOOK_FIXTURES[0]!;
const demo = generateDemo({ seed: DEFAULT_SETTINGS.source.demoSeed, now: Date.now(), repEmail: DEFAULT_SETTINGS.repEmail });
const leadNames = new Map(demo.leads.map((lead) => [lead.email, lead.name]));
/**
 * Each page with the first address on it that is one of the demo's leads and no earlier page's (a
 * stranger's chip opens no card, and a lead's verdict once given is not sent again); null for none.
 */
const chosen = new Set<string>();
const variants = OUTLOOK_FIXTURES.map((fixture) => {
  const lead = fixture.expected.map(({ email }) => email).find((email) => leadNames.has(email) && !chosen.has(email)) ?? null;
  if (lead) chosen.add(lead);
  return { fixture, lead };
});

describe('LeadLens on Outlook on the web in Firefox', () => {
  let firefox: FirefoxWithExtension;
  /** The options page Outlook was turned on in, kept open to read the demo's inbox from (a second extension page at once is not reliably reachable over BiDi). */
  let options: Page;
  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(GRANTED_FIREFOX_EXTENSION_DIR);
  });
  // A host page a failed test left open would keep its card, which the next test would read as its own.
  afterEach(async () => {
    for (const page of await firefox.browser.pages()) if (/^https?:/.test(page.url())) await page.close();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('reads no Outlook page until the rep turns Outlook on, then registers its script for every Outlook host', async () => {
    // As Firefox itself says (no script of the manifest's or registered covers it), and as the page shows.
    options = await firefox.openExtensionPage('options.html');
    const scripted = async (url: string) => coversUrl(await options.evaluate(contentScriptMatches), url);
    for (const { fixture } of variants) expect(await scripted(fixture.url), fixture.url).toBe(false);
    const before = await firefox.openFixture(readingPane);
    expect(await chipCount(before)).toBe(0);

    // A real click: Firefox lets permissions.request run only from the user's own input.
    await turnOnSiteInOptions(options, 'Outlook on the web');
    for (const { fixture } of variants) await expect.poll(() => scripted(fixture.url), { message: fixture.url }).toBe(true);

    // The same tab, reloaded: the control that the page above would have had chips had Outlook been on.
    await before.reload();
    await expect.poll(() => chipCount(before), { timeout: 20_000 }).toBe(readingPane.expected.length);
    await before.close();
  });

  it.each(variants)('$fixture.file at its real URL: a chip per address, the card, a verdict to marketing', async ({ fixture, lead }) => {
    const outlook = await firefox.openFixture(fixture);
    await expect.poll(() => chipCount(outlook), { timeout: 20_000 }).toBe(fixture.expected.length);
    expect(await openShadowRoots(outlook)).toBe(0);
    if (fixture.dark) expect(await outlook.$eval('leadlens-overlay', (host) => host.getAttribute('data-theme'))).toBe('dark');
    if (lead === null) {
      // Only strangers and forged names here: each has its chip, which opens no card.
      expect(fixture.expected.every(({ email }) => !leadNames.has(email))).toBe(true);
      await outlook.close();
      return;
    }

    // The compose form was saved with its contact suggestions open over the To line; Outlook closes
    // them when the rep clicks elsewhere, which a saved page cannot do, so the test closes them for it.
    await outlook.$eval('[role="listbox"][aria-label="Suggested contacts"]', (list) => list.remove()).catch(() => undefined);
    await clickChipOf(outlook, lead);
    await expect.poll(() => cardName(firefox), { timeout: 15_000 }).toBe(`LeadLens: ${leadNames.get(lead)}`);
    await clickInCard(firefox, 'Good lead');
    await expect.poll(async () => (await demoInbox(options)).at(-1)?.payload, { timeout: 15_000 }).toMatchObject({ email: lead, verdict: 'good_lead' });
    await outlook.close();
  });
});
