// What the Firefox tests do on host pages and in the options, as the rep does it: chips clicked with
// the mouse, the card's buttons pressed in the card page itself, a site turned on with a real click
// (Firefox lets permissions.request run only from the user's own input), and what the demo's
// marketing system received, read from the extension's own database.
import type { Page } from 'puppeteer-core';
import { evaluateInCard, type FirefoxWithExtension } from './firefox';
import { readDemoInbox, type DemoDelivery } from './demo-inbox';

/** LeadLens's hosts beside the page's addresses: their shadow roots are closed, to the page and to these tests. */
export function chipCount(page: Page) {
  return page.$$eval('leadlens-overlay', (hosts) => hosts.length);
}

/** Hosts whose shadow root a script of the page can reach: none, as LeadLens closes them. */
export function openShadowRoots(page: Page) {
  return page.$$eval('leadlens-overlay', (hosts) => hosts.filter((host) => host.shadowRoot).length);
}

/**
 * Clicks the chip beside an address as the rep would: the host right after the first element that
 * carries the address (Gmail's `email` attribute, Outlook's title or a recipient chip's aria-label),
 * with the mouse, at its box.
 */
export async function clickChipOf(page: Page, email: string) {
  const host = await page.$(['email', 'title', 'aria-label'].map((attribute) => `[${attribute}="${email}"] + leadlens-overlay`).join(', '));
  if (!host) throw new Error(`No LeadLens chip beside ${email}.`);
  await host.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await host.boundingBox();
  if (!box) throw new Error(`The chip beside ${email} has no box.`);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const covered = await host.evaluate((element, atX, atY) => document.elementFromPoint(atX, atY) !== element && (document.elementFromPoint(atX, atY)?.outerHTML.slice(0, 120) ?? 'nothing'), x, y);
  if (covered) throw new Error(`The chip beside ${email} is under ${covered}.`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The card's name, as its region gives it, once the card's frame has drawn it. */
export const cardName = (firefox: FirefoxWithExtension) =>
  evaluateInCard(firefox.browser, `document.querySelector('[role="region"]')?.getAttribute('aria-label') ?? null`);

/** Clicks the card's button with this text, in the card page itself (the page's scripts cannot). */
export async function clickInCard(firefox: FirefoxWithExtension, text: string) {
  const clicked = await evaluateInCard(
    firefox.browser,
    `(() => { const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)}); button?.click(); return !!button; })()`,
  );
  if (!clicked) throw new Error(`No button "${text}" in the card.`);
}

/** The card's status lines: "Saved: …" once a verdict is queued. */
export const cardStatus = (firefox: FirefoxWithExtension) =>
  evaluateInCard(firefox.browser, `[...document.querySelectorAll('[role="status"]')].map((status) => status.textContent).join('')`);

/** What the demo's marketing system received, read in an extension page (they share the extension's database). */
export const demoInbox = (extensionPage: Page): Promise<DemoDelivery[]> => extensionPage.evaluate(readDemoInbox);

/** The element of `selector` whose trimmed text is `text`. */
async function byText(page: Page, selector: string, text: string) {
  const elements = await page.$$(selector);
  const texts = await Promise.all(elements.map((element) => element.evaluate((node) => node.textContent?.trim() ?? '')));
  const element = elements[texts.indexOf(text)];
  if (!element) throw new Error(`No ${selector} "${text}" in ${page.url()}.`);
  return element;
}

/** Turns a site on in the options page with a real click on its box, and saves. */
export async function turnOnSiteInOptions(options: Page, siteLabel: string) {
  await options.bringToFront();
  const box = await (await byText(options, 'label', siteLabel)).$('input[type="checkbox"]');
  if (!box) throw new Error(`The label "${siteLabel}" holds no checkbox.`);
  // Clear of the sticky save bar, which puppeteer's own scrolling may leave over the box.
  await box.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await box.click();
  await options.waitForFunction((element) => (element as HTMLInputElement).checked, {}, box);
  await (await byText(options, 'button', 'Save settings')).click();
  await options.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((status) => status.textContent?.includes('Settings saved.')));
}
