// axe-core on every page of the built extension, in English and Japanese, light and dark: the
// popup (on the demo, with a row's details, the reject form and the demo note open, and with 1,000
// handoffs), every section of the options, the Definitions and sections a policy locks, the loop
// report with verdicts in it, the welcome page, and the card in its frame on Gmail (light and dark
// pages). Any serious or critical violation fails, named with the elements it was found on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LoadedExtension } from './extension';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { HostPage, isCardFrame } from './pages/host-page';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { seedInWorker } from '../bench/seed';

/** The part of Chrome's API these tests call from an extension page. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
declare const axe: { run(context: Document, options: object): Promise<{ violations: Violation[]; passes: Violation[] }> };
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** The agreement a marketing system's policy might carry: SLA rules and grading. */
const AGREEMENT = {
  slaPolicy: {
    rules: [
      { id: 'hot', name: 'Hot lead (A1, A2)', match: { grades: ['A1', 'A2'] }, firstContactHours: 1, followUpHours: [4, 24] },
      { id: 'every-handoff', name: 'Every handoff', match: {}, firstContactHours: 4, followUpHours: [16] },
    ],
    dueSoonMinutes: 60,
  },
  grading: { fit: [75, 50, 25], readiness: [80, 60, 40], targetIndustries: ['Manufacturing', '製造業'] },
};

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LANGUAGES = ['en', 'ja'] as const;
const SCHEMES = ['light', 'dark'] as const;

/** The serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(page: Page | Frame): Promise<string[]> {
  // Evaluated through the DevTools protocol: extension pages' CSP refuses an inline script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function expectAccessible(page: Page | Frame, what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

let extension: LoadedExtension;
beforeAll(async () => {
  extension = await launchWithExtension();
  await PopupPage.waitForFirstSync(extension);
  // Verdicts and actions, so that the loop report draws every chart.
  const options = await OptionsPage.open(extension);
  await options.page.evaluate(async () => {
    const rows = await new Promise<{ id: string; email: string; status: string }[]>((resolve) => {
      const open = indexedDB.open('leadlens');
      open.onsuccess = () => {
        const request = open.result.transaction('handoffs').objectStore('handoffs').getAll();
        request.onsuccess = () => resolve(request.result);
      };
    });
    const pending = rows.filter((row) => row.status === 'pending');
    for (const [index, [action, reasonCode]] of [['contacted'], ['reject', 'has_vendor'], ['contacted']].entries()) {
      await chrome.runtime.sendMessage({ type: 'handoffAction', handoffId: pending[index]!.id, action, reasonCode });
    }
    for (const [index, [verdict, reasonCode]] of [['good_lead'], ['not_a_fit', 'too_small'], ['bad_timing', 'not_now']].entries()) {
      await chrome.runtime.sendMessage({ type: 'feedback', email: pending[3 + index]!.email, verdict, reasonCode });
    }
  });
  await options.page.close();
});
afterAll(async () => {
  await extension?.close();
});

describe.each(LANGUAGES)('in %s', (language) => {
  beforeAll(async () => {
    const options = await OptionsPage.open(extension);
    await options.chooseLanguage(language);
    await options.page.close();
  });

  it.each(SCHEMES)('the popup has no serious or critical violation, %s', async (colorScheme) => {
    const popup = await PopupPage.open(extension, (page) => page.emulateMedia({ colorScheme }));
    await popup.waitForLiveView();
    await popup.page.locator('.queue li').first().waitFor();
    await expectAccessible(popup.page, `popup, ${language}, ${colorScheme}`);
    // Then with what opens inside it: the demo note, a lead's details, the reject form.
    const { page } = popup;
    await page.locator('.demo-badge').click();
    const toggle = page.locator('button.handoff-open').first();
    if (await toggle.count()) await toggle.click();
    await page.locator('.handoff-actions [data-action="reject"]').first().click();
    await page.locator('.reject-form select').waitFor();
    await expectAccessible(page, `popup with its parts open, ${language}, ${colorScheme}`);
    await page.close();
  });

  it.each(SCHEMES)('every section of the options, and the loop report, have no serious or critical violation, %s', async (colorScheme) => {
    const options = await OptionsPage.open(extension);
    const { page } = options;
    await page.emulateMedia({ colorScheme });
    await page.locator('.report [data-metric="met"]').waitFor();
    await page.locator('.report svg').nth(2).waitFor();
    await expectAccessible(page, `options and report, ${language}, ${colorScheme}`);
    // Marketo's fields, its field names opened, and a time typed wrong: the parts that show only then.
    await page.locator('.connection select').selectOption('marketo');
    await page.locator('.marketo-fields summary').click();
    await page.locator('input[name="day0-start"]').fill('25:00');
    await page.locator('.field-error').waitFor();
    await expectAccessible(page, `options with Marketo's fields and an error, ${language}, ${colorScheme}`);
    await page.close();
  });

  it.each(SCHEMES)('the Definitions, and sections the agreement with marketing locks, have no serious or critical violation, %s', async (colorScheme) => {
    const options = await OptionsPage.open(extension, 'definitions');
    const { page } = options;
    await page.emulateMedia({ colorScheme });
    await page.locator('#definitions .matrix').waitFor();
    await expectAccessible(page, `Definitions, ${language}, ${colorScheme}`);
    // The agreement's SLA rules and grading: those sections read-only with where they come from.
    await options.setMarketingPolicy(AGREEMENT);
    await page.locator('fieldset.rules .lock-note').waitFor();
    expect(await page.locator('#definitions .sla-definitions li').count()).toBe(AGREEMENT.slaPolicy.rules.length);
    await expectAccessible(page, `Definitions and locked sections, ${language}, ${colorScheme}`);
    await options.setMarketingPolicy(null);
    await page.close();
  });

  it.each(SCHEMES)('the welcome page has no serious or critical violation, %s', async (colorScheme) => {
    const page = await extension.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${extension.extensionId}/welcome.html`);
    await page.locator('#rep-email').waitFor();
    await expectAccessible(page, `welcome, ${language}, ${colorScheme}`);
    await page.locator('#rep-email').fill('not an address');
    await page.locator('button[type="submit"]').click();
    await page.locator('#email-error').waitFor();
    await expectAccessible(page, `welcome with an error, ${language}, ${colorScheme}`);
    await page.close();
  });
});

describe('with 1,000 handoffs', () => {
  beforeAll(async () => {
    await extension.serviceWorker.evaluate(seedInWorker, { leads: 1000, handoffs: 1000, repEmail: 'rep@leadlens.example', now: Date.now() });
  });

  it.each(SCHEMES)('the popup draws a window of them and has no serious or critical violation, %s', async (colorScheme) => {
    const popup = await PopupPage.open(extension, (page) => page.emulateMedia({ colorScheme }));
    await popup.waitForLiveView();
    const list = popup.page.locator('.queue');
    await expect.poll(() => list.getAttribute('data-loaded'), { timeout: 15_000 }).toMatch(/^1\d{3}$/);
    expect(await list.locator('li').count()).toBeLessThan(60);
    await expectAccessible(popup.page, `popup with 1,000 handoffs, ${colorScheme}`);
    await popup.page.close();
  });
});

describe('the chips on Gmail', () => {
  const fixtures = {
    light: PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread-multi'))!,
    dark: PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/compose-and-hostile'))!,
  };
  // axe cannot enter a closed shadow root: each chip's shadow root is copied, styles and all, into an
  // open one beside it on the same page, where axe checks it as drawn.
  it.each(SCHEMES)('have no serious or critical violation on a %s page, the unknown contact\'s mark included', async (scheme) => {
    const gmail = await HostPage.open(extension, fixtures[scheme]);
    await gmail.page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => gmail.chip(/^LeadLens: /).count(), { timeout: 15_000 }).toBe(fixtures[scheme].expected.length);
    const copies = await gmail.overlayCopies();
    await gmail.page.evaluate((copied) => {
      const holder = document.createElement('div');
      holder.id = 'chip-copies';
      for (const { attributes, html } of copied) {
        const host = document.createElement('span');
        for (let index = 0; index < attributes.length; index += 2) host.setAttribute(attributes[index]!, attributes[index + 1]!);
        host.attachShadow({ mode: 'open' }).innerHTML = html; // LeadLens's own markup, as the browser read it
        holder.append(host);
      }
      document.querySelector('[role="main"]')!.prepend(holder);
    }, copies);
    const unknown = await gmail.page.evaluate(() => [...document.querySelectorAll('#chip-copies > span')].filter((host) => host.shadowRoot!.querySelector('[data-known="false"]')).length);
    expect(unknown).toBeGreaterThan(0);
    const checked = await axeOnChips(gmail.page);
    expect(checked.violations, `chips on a ${scheme} page`).toEqual([]);
    // Checked and passed, not left undecided: every unknown contact's mark is among color-contrast's passes.
    expect(checked.unknownContrastPassed).toBe(unknown);
    // Positive control: a mark faded to well under 4.5:1 does not pass.
    await gmail.page.evaluate(() => {
      for (const host of document.querySelectorAll('#chip-copies > span')) {
        const faded = document.createElement('style');
        faded.textContent = ".ll-chip[data-known='false'] { opacity: 0.4; }";
        host.shadowRoot!.append(faded);
      }
    });
    expect((await axeOnChips(gmail.page)).unknownContrastPassed).toBe(0);
    await gmail.page.close();
  });
});

/**
 * axe on the copies of the chips only (the saved Gmail page around them is Google's markup, not
 * ours): the serious and critical violations, and how many unknown contacts' marks passed contrast.
 */
async function axeOnChips(page: Page): Promise<{ violations: string[]; unknownContrastPassed: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const { violations, unknownContrastPassed } = await page.evaluate(async () => {
    const results = await axe.run({ include: [['#chip-copies']] } as unknown as Document, { resultTypes: ['violations', 'passes'] });
    const contrast = results.passes.find((rule) => rule.id === 'color-contrast');
    const unknownPassed = (contrast?.nodes ?? []).filter((node) => node.html.includes('data-known="false"')).length;
    return { violations: results.violations, unknownContrastPassed: unknownPassed };
  });
  return {
    violations: violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    unknownContrastPassed,
  };
}

describe('the card, in its frame on Gmail', () => {
  const fixtures = {
    light: PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!,
    dark: PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/compose-and-hostile'))!,
  };
  it.each(SCHEMES)('has no serious or critical violation on a %s page', async (scheme) => {
    const gmail = await HostPage.open(extension, fixtures[scheme]);
    // A lead's chip, in the language the tests above left.
    await gmail.chip(/^LeadLens: .*[A-D][1-4] · \d+$/).first().click();
    const frame = gmail.page.frames().find(isCardFrame)!;
    await expect.poll(() => frame.getByRole('region', { name: /^LeadLens: / }).count(), { timeout: 10_000 }).toBe(1);
    // The account section comes with its own answer: checked too (these pages' leads all work at a company).
    await frame.locator('.ll-account .ll-person').first().waitFor();
    await expectAccessible(frame, `the card on a ${scheme} page`);
    await gmail.page.close();
  });
});
