// Launches Debian's Firefox ESR with LeadLens's Firefox build, driven by puppeteer-core over WebDriver
// BiDi (Playwright drives only its own patched Firefox, which this machine may not download).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_ID } from '../../lib/build/firefox';
import type { PageFixture } from '../fixtures/pages';
import { findFirefox } from './browsers';

export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));
/** The Firefox build with the optional sites' hosts granted up front, as GRANTED_EXTENSION_DIR is for Chromium. */
export const GRANTED_FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/granted/firefox-mv3', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/pages', import.meta.url));
/** Firefox gives each extension a random moz-extension:// host per profile; a pref pins LeadLens's. */
const EXTENSION_UUID = '3b5c1c59-1f4e-4d2a-9c44-1e3a1d0e7a11';

export interface FirefoxWithExtension {
  browser: Browser;
  /** Opens one of the extension's pages (popup.html, options.html) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a saved page at its real URL, served from the fixture. */
  openFixture(fixture: PageFixture): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxWithExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'leadlens-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    userDataDir: profile,
    // WebDriver BiDi navigates only http(s), file and about: pages unless allowed the rest.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: EXTENSION_UUID }) },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== FIREFOX_ID) throw new Error(`Firefox installed LeadLens as ${id}, not ${FIREFOX_ID}: is the build's gecko id missing?`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    async openExtensionPage(path) {
      // Firefox reports no navigation events for extension pages (its bug 1755014): goto() would wait
      // forever, so the test waits for the document itself. Puppeteer, told of no navigation, may then
      // keep evaluating in the blank page's realm, gone: on a busy machine the wait can fail for good,
      // and a new tab is the way out.
      for (let attempt = 1; ; attempt++) {
        const page = await browser.newPage();
        void page.goto(`moz-extension://${EXTENSION_UUID}/${path}`, { timeout: 5_000 }).catch(() => undefined);
        try {
          await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState === 'complete', { timeout: 10_000 });
          return page;
        } catch (error) {
          await page.close().catch(() => undefined);
          if (attempt === 3) throw error;
        }
      }
    },
    async openFixture(fixture) {
      const page = await browser.newPage();
      const origin = new URL(fixture.url).origin;
      const body = readFileSync(join(FIXTURES, fixture.file), 'utf8');
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (new URL(request.url()).origin === origin) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
        else void request.abort(); // this machine's network is closed: nothing else is fetched
      });
      await page.goto(fixture.url);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface BidiContext {
  context: string;
  url: string;
  children?: BidiContext[];
}
type BidiConnection = { send(method: string, params: object): Promise<{ result: unknown }> };
const bidi = (browser: Browser) => (browser as unknown as { connection: BidiConnection }).connection;

/**
 * The card page framed on a page (moz-extension://…/card.html). Puppeteer's page.frames() leaves
 * extension frames out, and the page's own scripts cannot reach it: the test asks Firefox's WebDriver
 * BiDi for its browsing context, and runs `expression` there. Null while there is no card frame.
 */
export async function evaluateInCard(browser: Browser, expression: string): Promise<unknown> {
  const { result } = (await bidi(browser).send('browsingContext.getTree', {})) as { result: { contexts: BidiContext[] } };
  const all = (contexts: BidiContext[]): BidiContext[] => contexts.flatMap((context) => [context, ...all(context.children ?? [])]);
  const card = all(result.contexts).find((context) => /^moz-extension:\/\/[^/]+\/card\.html/.test(context.url));
  if (!card) return null;
  const { result: evaluated } = (await bidi(browser).send('script.evaluate', {
    expression,
    target: { context: card.context },
    awaitPromise: true,
    resultOwnership: 'none',
  })) as { result: { type: string; result?: { type: string; value?: unknown } } };
  return evaluated.result?.value ?? null;
}
