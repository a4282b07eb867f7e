// The card on the saved Gmail thread at 1366x768, in Chromium: the keyboard command opens the card
// of the message in view; the keyboard alone opens a card from its chip, gives a verdict with a
// reason and comes back to the chip; a card opened from a chip low on the screen stays on screen.
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { pressOpenCardCommand, type LoadedExtension } from './extension';
import { useSyncedExtension } from './synced-extension';
import { HostPage, isCardFrame } from './pages/host-page';
import { demoInbox } from './demo-inbox';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread-multi'))!;
const VIEWPORT = { width: 1366, height: 768 };
const NOAH = 'noah.wright@orbitlabs.example.com';

let extension: LoadedExtension;
useSyncedExtension((launched) => (extension = launched));

/** The thread at 1366x768, with every chip drawn; `spacer` px of room put between its two messages. */
async function openThread(spacer = 0): Promise<HostPage> {
  const gmail = await HostPage.open(extension, thread);
  await gmail.page.setViewportSize(VIEWPORT);
  await expect.poll(() => gmail.chip(/^LeadLens: /).count(), { timeout: 15_000 }).toBe(thread.expected.length);
  await gmail.page.evaluate((height) => {
    const gap = document.createElement('div');
    gap.style.height = `${height}px`;
    document.querySelector('.h7[role="listitem"]')!.before(gap);
  }, spacer);
  await gmail.page.bringToFront();
  return gmail;
}

const pressCommand = () => pressOpenCardCommand(extension);

/** Scrolls the page so that the header of the message from `email` stands `top` px below the viewport's top. */
async function scrollHeaderTo(gmail: HostPage, email: string, top: number) {
  await gmail.page.evaluate(
    ([address, offset]) => {
      const header = document.querySelector(`.gs h3.iw [email="${address}"]`)!;
      scrollBy(0, header.getBoundingClientRect().top - offset);
    },
    [email, top] as const,
  );
}

/** The address of the chip that has focus: its host follows the address it is for. */
const focusedChipFor = (gmail: HostPage) =>
  gmail.page.evaluate(() => {
    const active = document.activeElement;
    return active?.tagName === 'LEADLENS-OVERLAY' ? active.previousElementSibling?.getAttribute('email') ?? null : null;
  });

const cardFrame = (gmail: HostPage) => gmail.page.frames().filter(isCardFrame).at(-1);

/** The focused control in the card's frame, by its accessible text. */
const focusedInCard = (frame: Frame) =>
  frame.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active && active !== document.body ? (active.getAttribute('aria-label') ?? active.textContent ?? '').trim() : null;
  });

describe('the card with the keyboard', () => {
  it('opens, on the keyboard command, the card of the message in view rather than the first lead on the page', async () => {
    const gmail = await openThread(1500);
    await scrollHeaderTo(gmail, NOAH, 200); // the collapsed message from 渡辺 和也 is far above, off screen
    await pressCommand();
    await expect.poll(() => gmail.card(/^LeadLens: /).count()).toBe(1);
    expect(await gmail.card('LeadLens: Noah Wright').count()).toBe(1);

    // Positive control: back at the top, the message in view is 渡辺 和也's, the first on the page.
    await gmail.page.keyboard.press('Escape');
    await expect.poll(() => gmail.card(/^LeadLens: /).count()).toBe(0);
    await gmail.page.evaluate(() => scrollTo(0, 0));
    await pressCommand();
    await expect.poll(() => gmail.card('LeadLens: 渡辺 和也').count()).toBe(1);
    await gmail.page.close();
  });

  it('opens a card from its chip, gives a verdict with a reason and returns to the chip, with the keyboard only', async () => {
    const gmail = await openThread();
    await gmail.page.locator('body').focus();
    for (let presses = 0; (await focusedChipFor(gmail)) !== NOAH; presses++) {
      expect(presses, 'Tab reaches the chip').toBeLessThan(40);
      await gmail.page.keyboard.press('Tab');
    }
    await gmail.page.keyboard.press('Enter');
    const card = gmail.card('LeadLens: Noah Wright');
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    const frame = cardFrame(gmail)!;
    // Focus is in the card: Tab goes through its controls to the verdict.
    await expect.poll(() => frame.evaluate(() => document.hasFocus())).toBe(true);
    for (let presses = 0; (await focusedInCard(frame)) !== 'Not a fit'; presses++) {
      expect(presses, 'Tab reaches "Not a fit"').toBeLessThan(30);
      await gmail.page.keyboard.press('Tab');
    }
    const before = (await demoInbox(extension)).length;
    await gmail.page.keyboard.press('Enter');
    for (let presses = 0; (await focusedInCard(frame)) !== 'Company too small'; presses++) {
      expect(presses, 'Tab reaches the reason').toBeLessThan(10);
      await gmail.page.keyboard.press('Tab');
    }
    await gmail.page.keyboard.press('Enter');
    await expect.poll(() => card.getByRole('status').last().textContent()).toBe('Saved: Not a fit: Company too small');
    await expect.poll(async () => (await demoInbox(extension)).length).toBe(before + 1);

    await gmail.page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => focusedChipFor(gmail)).toBe(NOAH);
    await gmail.page.close();
  });
});

describe('the card at 1366x768', () => {
  it('opened from a chip near the bottom, is sized to the room there, off neither edge, its verdicts in reach, the chip uncovered', async () => {
    const gmail = await openThread(1500);
    await scrollHeaderTo(gmail, NOAH, VIEWPORT.height - 60);
    const chip = gmail.chip(/^LeadLens: Noah Wright/);
    const chipBox = await chip.box();
    expect(chipBox.y).toBeGreaterThan(VIEWPORT.height - 100); // the chip is low on the screen
    await chip.click();
    const card = gmail.card('LeadLens: Noah Wright');
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    // The frame as the browser laid it out, read through the closed shadow root.
    const frameBox = async () => {
      const cardFrameNode = await gmail.overlayNode((node) => node.nodeName === 'IFRAME' && (node.attributes ?? []).includes('ll-card-frame'));
      return gmail.nodeBox(cardFrameNode!.backendNodeId);
    };
    await expect.poll(async () => (await frameBox()).height).toBeGreaterThan(200); // the card has said how tall it is
    const box = await frameBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
    const overlaps = box.y < chipBox.y + chipBox.height && chipBox.y < box.y + box.height && box.x < chipBox.x + chipBox.width && chipBox.x < box.x + box.width;
    expect(overlaps, 'the card covers the chip and its header').toBe(false);
    // The card scrolls inside its frame: the verdicts come into view there.
    const verdict = card.getByRole('button', { name: 'Not a fit' });
    await verdict.scrollIntoViewIfNeeded();
    const inFrame = (await verdict.boundingBox())!;
    expect(inFrame.y + inFrame.height).toBeLessThanOrEqual(box.y + box.height + 1);
    expect(inFrame.y).toBeGreaterThanOrEqual(box.y - 1);
    await gmail.page.close();
  });

  it('opened from a chip in a message being read, covers none of the message text on screen, nor the chip', async () => {
    const gmail = await openThread();
    await scrollHeaderTo(gmail, NOAH, 150);
    const chip = gmail.chip(/^LeadLens: Noah Wright/);
    const chipBox = await chip.box();
    await chip.click();
    const card = gmail.card('LeadLens: Noah Wright');
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    const cardFrameNode = await gmail.overlayNode((node) => node.nodeName === 'IFRAME' && (node.attributes ?? []).includes('ll-card-frame'));
    const box = await gmail.nodeBox(cardFrameNode!.backendNodeId);
    // Gmail's message bodies (gmail.ts selectors.body) as laid out, those on screen.
    const bodies = await gmail.page.evaluate(() =>
      [...document.querySelectorAll('.a3s, .ii.gt')]
        .map((body) => body.getBoundingClientRect())
        .filter((rect) => rect.width > 0 && rect.bottom > 0 && rect.top < innerHeight)
        .map(({ x, y, width, height }) => ({ x, y, width, height })),
    );
    expect(bodies.length).toBeGreaterThan(0); // the check below has something to check
    const overlap = (a: typeof box, b: typeof box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const body of bodies) expect(overlap(box, body), `the card covers a message body at ${JSON.stringify(body)}`).toBe(false);
    expect(overlap(box, chipBox), 'the card covers its chip').toBe(false);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(box.width).toBeGreaterThanOrEqual(300);
    await gmail.page.close();
  });
});
