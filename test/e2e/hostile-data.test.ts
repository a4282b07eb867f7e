// Issue 12.6 in the browser: marketing's data is shown as text, wherever it shows. The Lead Context API
// fake serves a lead, its touches and a handoff whose every string holds markup that would run script
// if parsed as HTML, bidirectional override characters, and a 200 KB name; through the Gmail card,
// the popup's row and details, the options' loop report and its CSV, no script runs, no element is
// made from the data, no bidi control reaches the screen, and the layouts hold. A positive control
// in each page shows the probe sees a sink that does parse the same string.
// (Reminder notifications: a test cannot read a notification's text in Chromium, so the same values
// go through lib/background/reminder-notices.ts in test/lib/background/reminder-notices-hostile.test.ts.)
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../fakes/lead-context-api';
import { wireHandoff, wireLead, wireTouch } from '../fakes/wire';
import { makeHandoff, makeLead, makeTouch } from '../fixtures/factories';
import { HOSTILE_IMG, HOSTILE_SCRIPT, hostile, hostileName, stripped } from '../fixtures/hostile-text';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './extension';
import { HostPage, isCardFrame } from './pages/host-page';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
const NOAH = 'noah.wright@orbitlabs.example.com';
const MALLORY = 'mallory@hostile.example.com';
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const NOW = Date.now();

// Noah of the saved thread, every string of his hostile; the 200 KB name is his, so the chip, the card,
// the popup and the CSV all carry it.
const NAME = hostileName('=HYPERLINK("https://evil.example","x")');
const noah = makeLead(1, {
  email: NOAH,
  name: NAME,
  company: hostile('@SUM(1+1)'),
  title: hostile('-2+3'),
  industry: hostile('Industry'),
  qualifiedBy: hostile('Qualified by'),
  scoreFactors: [
    { label: hostile('Factor one'), points: 10 },
    { label: hostile('+Factor two'), points: 5 },
  ],
  score: 81,
  updatedAt: NOW,
});
// Mallory has a CRM link: a valid https URL whose query carries the same markup, the popup's row a link to it.
const CRM_URL = `https://crm.example.com/lead/1?q=${encodeURIComponent(HOSTILE_IMG)}`;
const mallory = makeLead(2, { email: MALLORY, name: hostile('Mallory'), company: hostile('Evil Corp'), crmUrl: CRM_URL, updatedAt: NOW });
const CAMPAIGN = hostile('+Campaign');
const touches = [
  makeTouch(1, NOAH, { title: hostile('Visited pricing'), campaign: CAMPAIGN, at: NOW - 3 * 3_600_000, url: CRM_URL }),
  makeTouch(2, NOAH, { title: hostile('=Opened email'), campaign: hostile('Nurture'), at: NOW - 4 * 3_600_000 }),
];
const handoffOf = (n: number, email: string) =>
  makeHandoff(n, {
    id: `hostile-${n}`,
    email,
    assigneeEmail: DEFAULT_SETTINGS.repEmail,
    rule: hostile('Rule'),
    source: hostile('Source'),
    handedOffAt: NOW - 2 * 3_600_000,
    firstContactDueAt: NOW + 2 * 24 * 3_600_000,
    updatedAt: NOW,
  });

let extension: LoadedExtension;
let fake: FakeLeadContextApi;
beforeAll(async () => {
  fake = await startFakeLeadContextApi({
    token: 'e2e-token',
    records: { leads: [wireLead(noah), wireLead(mallory)], touches: touches.map(wireTouch), handoffs: [wireHandoff(handoffOf(1, NOAH)), wireHandoff(handoffOf(2, MALLORY))] },
  });
  extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
  await PopupPage.waitForFirstSync(extension);
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

interface Probe {
  pwned: unknown;
  /** Elements made from the data: an img pointing at "x", a script whose text sets the flag. */
  planted: number;
  bidi: boolean;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/** What a page (or frame) shows: did the flag get set, were elements made from the data, what text it reads. */
function probe(target: Page | Frame): Promise<Probe> {
  return target.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    const planted = roots.reduce(
      (sum, root) =>
        sum + root.querySelectorAll('img[src="x"], img[onerror]').length + [...root.querySelectorAll('script')].filter((script) => script.textContent?.includes('__llPwned')).length,
      0,
    );
    const text = document.body.innerText;
    return {
      pwned: (window as unknown as { __llPwned?: unknown }).__llPwned,
      planted,
      bidi: /[\u202A-\u202E\u2066-\u2069]/.test(text),
      text,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    };
  });
}

/**
 * The positive control: the page's own deliberately vulnerable sink, given the same strings. In a page
 * without a script policy (the host page) the img's onerror runs and sets the flag; an extension page's
 * policy blocks inline handlers, so there the probe's count of planted elements is what it sees.
 */
async function plantThroughInnerHtml(target: Page | Frame) {
  await target.evaluate((markup) => {
    const sink = document.createElement('div');
    sink.id = 'test-own-vulnerable-sink';
    sink.innerHTML = markup;
    document.body.append(sink);
  }, `${HOSTILE_IMG}${HOSTILE_SCRIPT}`);
}

async function unplant(target: Page | Frame) {
  await target.evaluate(() => document.getElementById('test-own-vulnerable-sink')?.remove());
}

/** The frame of the card page on the host page, and the frame element's width there. */
async function cardFrame(host: HostPage): Promise<{ frame: Frame; width: number }> {
  const frame = host.page.frames().filter(isCardFrame).at(-1)!;
  const element = await frame.frameElement();
  return { frame, width: (await element.boundingBox())!.width };
}

const popupWidth = (popup: PopupPage) => popup.page.evaluate(() => ({ body: document.body.getBoundingClientRect().width, scroll: document.documentElement.scrollWidth }));

describe('hostile data from the marketing system shows as text', () => {
  it('in the Gmail card, the popup, the loop report and its CSV: no script, no element, no bidi control, the layouts held', async () => {
    // Widths with the demo's well-behaved data, to compare with.
    const demoGmail = await HostPage.open(extension, thread);
    await demoGmail.chip(/^LeadLens: Noah Wright/).click();
    await expect.poll(() => demoGmail.card('LeadLens: Noah Wright').isVisible()).toBe(true);
    const demoCardWidth = (await cardFrame(demoGmail)).width;
    await demoGmail.page.close();
    const demoPopup = await PopupPage.open(extension);
    await demoPopup.waitForLiveView();
    const demoPopupWidth = await popupWidth(demoPopup);
    await demoPopup.page.close();

    const options = await OptionsPage.open(extension);
    await options.connectLeadContextApi(fake);

    // Gmail: the chip and the card.
    const gmail = await HostPage.open(extension, thread);
    const viewport = await gmail.page.evaluate(() => window.innerWidth);
    await gmail.chip('LeadLens: =HYPERLINK').click();
    const card = gmail.card('LeadLens: =HYPERLINK');
    await expect.poll(() => card.isVisible()).toBe(true);
    const { frame, width: cardWidth } = await cardFrame(gmail);
    expect(cardWidth).toBe(demoCardWidth);
    const inCard = await probe(frame);
    expect(inCard.pwned).toBeUndefined();
    expect(inCard.planted).toBe(0);
    expect(inCard.bidi).toBe(false);
    for (const shown of [stripped(NAME).slice(0, 200), stripped(noah.company), stripped(noah.title), stripped(noah.qualifiedBy!), stripped(noah.scoreFactors[0]!.label), stripped(touches[0]!.title), stripped(CAMPAIGN)]) {
      expect(inCard.text).toContain(shown);
    }
    expect(inCard.scrollWidth).toBeLessThanOrEqual(inCard.clientWidth + 1);
    const onGmail = await probe(gmail.page);
    expect(onGmail.pwned).toBeUndefined();
    expect(onGmail.scrollWidth).toBeLessThanOrEqual(viewport + 16);
    // Nothing LeadLens drew on the page (its closed shadow roots, read by the browser) came from the data.
    const overlay = await gmail.overlayMarkup();
    expect(overlay.filter((node) => node.startsWith('script') || node.includes('onerror') || node.startsWith('img'))).toEqual([]);
    // A verdict, so the report has the lead's campaign.
    await card.getByRole('button', { name: 'Not a fit' }).click();
    await card.getByRole('button', { name: 'Company too small' }).click();
    await expect.poll(() => card.getByRole('status').last().textContent()).toBe('Saved: Not a fit: Company too small');
    expect((await probe(frame)).pwned).toBeUndefined();

    // The positive controls: the same strings through a sink that parses them.
    await plantThroughInnerHtml(frame);
    const plantedInCard = await probe(frame);
    expect(plantedInCard.planted).toBeGreaterThan(0);
    await plantThroughInnerHtml(gmail.page);
    await expect.poll(async () => (await probe(gmail.page)).pwned).toBe(1);
    await gmail.page.close();

    // The popup: both rows, Noah's details, Mallory's link to the CRM.
    const popup = await PopupPage.open(extension);
    await popup.waitForLiveView();
    const noahRow = popup.items().filter({ hasText: '=HYPERLINK' });
    await noahRow.waitFor();
    await noahRow.locator('.handoff-open').click();
    await noahRow.locator('.lead-details').waitFor();
    const malloryRow = popup.items().filter({ hasText: 'Mallory' });
    expect(await malloryRow.locator('a.handoff-open').getAttribute('href')).toBe(CRM_URL);
    const inPopup = await probe(popup.page);
    expect(inPopup.pwned).toBeUndefined();
    expect(inPopup.planted).toBe(0);
    expect(inPopup.bidi).toBe(false);
    for (const shown of [stripped(NAME).slice(0, 200), stripped(noah.company), stripped(noah.title), stripped(mallory.name), stripped(mallory.company)]) {
      expect(inPopup.text).toContain(shown);
    }
    expect(await popupWidth(popup)).toEqual(demoPopupWidth);
    await plantThroughInnerHtml(popup.page);
    expect((await probe(popup.page)).planted).toBeGreaterThan(0);
    await unplant(popup.page);
    await popup.page.close();

    // The options' loop report, with the verdict under its campaign, and its CSV.
    await options.page.reload();
    const byCampaign = options.page.getByRole('img', { name: 'Verdicts by campaign' });
    await expect.poll(() => byCampaign.textContent(), { timeout: 15_000 }).toContain(stripped(CAMPAIGN));
    const inOptions = await probe(options.page);
    expect(inOptions.pwned).toBeUndefined();
    expect(inOptions.planted).toBe(0);
    expect(inOptions.bidi).toBe(false);
    expect(inOptions.scrollWidth).toBeLessThanOrEqual(inOptions.clientWidth + 1);
    const [download] = await Promise.all([options.page.waitForEvent('download'), options.page.getByRole('button', { name: 'Export CSV' }).click()]);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
    const [header, ...records] = rows;
    const at = (row: string[], column: string) => row[header!.indexOf(column)]!;
    const verdict = records.find((row) => row[0] === 'verdict' && at(row, 'email') === NOAH)!;
    const handoff = records.find((row) => row[0] === 'handoff' && at(row, 'email') === NOAH)!;
    for (const row of [verdict, handoff]) {
      // Formula-leading cells defused with a quote, the rest of the text intact (bidi controls dropped at the boundary).
      expect(at(row, 'name')).toBe(`'${stripped(NAME)}`);
      expect(at(row, 'company')).toBe(`'${stripped(noah.company)}`);
      expect(at(row, 'campaign')).toBe(`'${stripped(CAMPAIGN)}`);
    }
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.flat().some((cell) => BIDI.test(cell))).toBe(false);
    await plantThroughInnerHtml(options.page);
    expect((await probe(options.page)).planted).toBeGreaterThan(0);
    await options.page.close();
  }, 120_000);
});

/** RFC 4180: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (cell += '"'), index++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[index + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), index++;
    else cell += char;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}
