// The account context in the built extension, on the demo data, in English and Japanese: the card's
// section of who else at the lead's company was active (and a person's own card in the same frame,
// with the way back), nothing for a free-mail address, the popup's handoffs gathered under their
// account with a count, and the loop report's tables by account.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { accountKeyOf } from '../../lib/domain/account';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { generateDemo } from '../../lib/sources/demo/source';
import type { LoadedExtension } from './extension';
import { useSyncedExtension } from './synced-extension';
import { HostPage, isCardFrame } from './pages/host-page';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { inQueueOrder } from './queue-order';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
const DAY = 86_400_000;

/**
 * What the demo holds of a lead's account, worked out from the demo's generator rather than taken
 * from the code under test: the others at the account with a touch in the last 90 days.
 */
function demoAccount(email: string) {
  const demo = generateDemo({ seed: DEFAULT_SETTINGS.source.demoSeed, now: Date.now(), repEmail: DEFAULT_SETTINGS.repEmail });
  const lead = demo.leads.find((candidate) => candidate.email === email)!;
  const key = accountKeyOf(lead);
  const since = Date.now() - 90 * DAY;
  const others = demo.leads.filter((other) => other.email !== email && key !== undefined && accountKeyOf(other) === key);
  const lastTouch = (person: string) => Math.max(...demo.touches.filter((touch) => touch.email === person).map((touch) => touch.at));
  // Latest touch first, as the card lists them.
  const active = others.filter((other) => lastTouch(other.email) >= since).sort((a, b) => lastTouch(b.email) - lastTouch(a.email));
  return { lead, key, active, demo };
}

let extension: LoadedExtension;
useSyncedExtension((launched) => (extension = launched));

async function useLanguage(language: 'en' | 'ja') {
  const options = await OptionsPage.open(extension);
  await options.chooseLanguage(language);
  await options.page.close();
}

const cardFrame = (host: HostPage): Frame => host.page.frames().filter(isCardFrame).at(-1)!;
/** What has focus in the card's frame: the region's name, or a control's text. */
const focusIn = (frame: Frame) =>
  frame.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.getAttribute('role') === 'region' ? `region ${active.getAttribute('aria-label')}` : (active?.textContent ?? '');
  });

/** The account whose people the tests open: the Gmail thread's lead from a company with others active. */
const SUBJECT = { name: '渡辺 和也', email: 'kazuya.watanabe@aoba-foods.example.jp' };

describe('the account in the card', () => {
  it('shows who else at the company was active below the actions, opens a person in the same frame and comes back', async () => {
    await useLanguage('en');
    const { lead, active } = demoAccount(SUBJECT.email);
    expect(active.length).toBeGreaterThan(0);
    const gmail = await HostPage.open(extension, thread);
    await gmail.chip(new RegExp(`^LeadLens: ${SUBJECT.name}`)).first().click();
    const card = gmail.card(`LeadLens: ${SUBJECT.name}`);
    const heading = card.locator('.ll-account h3');
    await heading.waitFor();
    const people = active.length === 1 ? '1 other person' : `${Math.min(active.length, 999)} other people`;
    expect(await heading.textContent()).toBe(`At ${lead.company}: ${people} active in the last 90 days`);
    // Below what is due and what to do, above the touches.
    const order = await card.region().evaluate((region) => [...region.children].map((child) => child.className || child.tagName));
    expect(order.indexOf('ll-account')).toBeGreaterThan(order.indexOf('ll-feedback'));
    expect(order.indexOf('ll-account')).toBeLessThan(order.lastIndexOf('H3'));
    expect(await card.getByRole('img', { name: /^Touches by week over the last 13 weeks, oldest first: / }).count()).toBe(1);
    const listed = () => card.locator('.ll-person').evaluateAll((items) => items.map((item) => item.getAttribute('data-email')));
    // Five at first, latest touch first; the rest of the twenty on request.
    expect(await listed()).toEqual(active.slice(0, 5).map((person) => person.email));
    if (active.length > 5) {
      await card.getByRole('button', { name: `Show all (${Math.min(active.length, 20)})` }).click();
      expect(await listed()).toEqual(active.slice(0, 20).map((person) => person.email));
    }
    expect(await card.locator('.ll-person-grade').first().textContent()).toMatch(/^[A-D][1-4]$/);

    // With the keyboard: the person's name opens their card, focus on it; Back returns focus to the name.
    const person = active[0]!;
    await card.locator('.ll-person-open').first().focus();
    await gmail.page.keyboard.press('Enter');
    const theirs = gmail.card(`LeadLens: ${person.name}`);
    await theirs.region().waitFor();
    await expect.poll(() => focusIn(cardFrame(gmail))).toBe(`region LeadLens: ${person.name}`);
    await gmail.page.keyboard.press('Tab');
    expect(await focusIn(cardFrame(gmail))).toBe(`← Back to ${SUBJECT.name}`);
    await gmail.page.keyboard.press('Enter');
    await card.region().waitFor();
    await expect.poll(() => focusIn(cardFrame(gmail))).toBe(`${person.name} (open their card)`);
    await gmail.page.close();
  });

  it('reads in Japanese', async () => {
    await useLanguage('ja');
    const { lead } = demoAccount(SUBJECT.email);
    const gmail = await HostPage.open(extension, thread);
    await gmail.chip(new RegExp(`^LeadLens: ${SUBJECT.name}`)).first().click();
    const card = gmail.card(`LeadLens: ${SUBJECT.name}`);
    const heading = card.locator('.ll-account h3');
    await heading.waitFor();
    expect(await heading.textContent()).toMatch(new RegExp(`^${lead.company} では、ほかに\\d+人が過去90日間に活動しています$`));
    expect(await card.locator('.ll-account').textContent()).toContain('この企業で最も高い適合度: ');
    expect(await card.getByRole('img', { name: /^過去13週間の週ごとの接点（古い順）: / }).count()).toBe(1);
    await card.locator('.ll-person-open').first().click();
    await expect.poll(() => cardFrame(gmail).getByRole('button', { name: `${SUBJECT.name} に戻る` }).count()).toBe(1);
    await gmail.page.close();
    await useLanguage('en');
  });

  it('shows nothing of an account for a free-mail address, and shows it for a corporate one', async () => {
    const { demo } = demoAccount(SUBJECT.email);
    const freeMail = demo.leads.find((lead) => accountKeyOf(lead) === undefined);
    expect(freeMail, 'the demo has a lead at a free-mail address').toBeDefined();
    const open = async (email: string) => {
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/card.html#email=${encodeURIComponent(email)}`);
      await page.getByRole('region', { name: /^LeadLens: / }).waitFor();
      return page;
    };
    const corporate = await open(SUBJECT.email);
    await corporate.locator('.ll-account').waitFor(); // the positive control: the same page shows it for a company
    await corporate.close();
    const personal = await open(freeMail!.email);
    await personal.locator('.ll-feedback').waitFor();
    await personal.waitForTimeout(500); // the account's answer comes apart from the lead's
    expect(await personal.locator('.ll-account').count()).toBe(0);
    await personal.close();
  });
});

/** Each account heading in the popup, with the rows of its group. */
async function accountGroups(page: Page) {
  return page.locator('.queue li').evaluateAll((items) => {
    const groups: { heading: string; key: string; members: number }[] = [];
    for (const item of items) {
      const heading = item.querySelector('.account-heading');
      const key = item.getAttribute('data-account');
      if (heading) groups.push({ heading: heading.textContent ?? '', key: key ?? '', members: 1 });
      else if (key && groups.at(-1)?.key === key) groups.at(-1)!.members++;
    }
    return groups;
  });
}

describe('the account in the popup', () => {
  for (const language of ['en', 'ja'] as const) {
    it(`gathers an account's handoffs under it with the count (${language})`, async () => {
      await useLanguage(language);
      const popup = await PopupPage.open(extension);
      await popup.waitForLiveView();
      await popup.page.locator('.queue li').first().waitFor(); // the list's name is in the UI's language
      const groups = await accountGroups(popup.page);
      expect(groups.length, 'the demo has an account with two or more of the rep’s handoffs').toBeGreaterThan(0);
      for (const group of groups) {
        const count = String(group.members);
        expect(group.heading).toMatch(language === 'en' ? new RegExp(`^.+: ${count} handoffs$`) : new RegExp(`^.+（引き渡し${count}件）$`));
        expect(group.members).toBeGreaterThanOrEqual(2);
      }
      expect(inQueueOrder(await popup.handoffs())).toBe(true);
      expect(inQueueOrder([{ due: 2 }, { due: 1 }])).toBe(false); // the check can fail
      // A heading, one level under the urgency groups; not a stop for the keyboard.
      // Read together, once the list has drawn what it draws: the windowed list may add rows between two reads.
      const headingsMatchGroups = async () => {
        const headings = await popup.page.getByRole('heading', { level: 4 }).count();
        const drawn = (await accountGroups(popup.page)).length;
        return drawn > 0 && headings === drawn;
      };
      await expect.poll(headingsMatchGroups, { timeout: 5_000 }).toBe(true);
      const first = popup.page.locator('.account-heading').first().locator('xpath=ancestor::li');
      await first.locator('.handoff-open').focus();
      await popup.page.keyboard.press('ArrowDown');
      const next = await popup.focus();
      expect(next.on).toBe('name');
      expect(next.row).toBe(await first.locator('xpath=following-sibling::li[1]').locator('.handoff-name').textContent());
      await popup.page.close();
    });
  }
});

describe('the account in the loop report', () => {
  it('tables the handoffs and verdicts by account, and the accounts whose leads were rejected most', async () => {
    await useLanguage('en');
    // A "Not a fit" for the subject, so the report has an account's rejection to show.
    const gmail = await HostPage.open(extension, thread);
    await gmail.chip(new RegExp(`^LeadLens: ${SUBJECT.name}`)).first().click();
    const card = gmail.card(`LeadLens: ${SUBJECT.name}`);
    await card.getByRole('button', { name: 'Not a fit' }).click();
    await card.getByRole('button', { name: 'Company too small' }).click();
    await card.getByRole('status').last().filter({ hasText: /^Saved/ }).waitFor();
    await gmail.page.close();

    const { lead } = demoAccount(SUBJECT.email);
    const options = await OptionsPage.open(extension);
    const report = options.page.locator('.report');
    await report.locator('[data-metric="met"]').waitFor();
    const tableOf = (label: string) =>
      report.locator('figure', { has: options.page.getByRole('img', { name: label, exact: true }) }).locator('table tr').evaluateAll((rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
      );
    const handoffs = await tableOf('Handoffs by account and SLA outcome');
    expect(handoffs.length).toBeGreaterThan(0);
    for (const [, met, missed, open] of handoffs) {
      expect([met, missed, open]).toEqual([expect.stringMatching(/^Met: \d+$/), expect.stringMatching(/^Missed: \d+$/), expect.stringMatching(/^Still open: \d+$/)]);
    }
    const verdicts = await tableOf('Verdicts by account');
    expect(verdicts.find(([name]) => name === lead.company)?.[2]).toMatch(/^Not a fit: [1-9]\d*$/);
    const rejected = await tableOf('Accounts whose leads were rejected most');
    expect(rejected.find(([name]) => name === lead.company)?.[1]).toMatch(/^Rejected or not a fit: [1-9]\d*$/);
    await options.page.close();
  });
});
