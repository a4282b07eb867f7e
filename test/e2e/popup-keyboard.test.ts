// The popup with the keyboard only, in Chromium: Tab to a row's action, Enter, and focus lands on
// the next row; the action is held for Undo, then sent once; Escape closes the reject form and
// focus goes back to its button. And a click is never lost: closing the popup sends what it held.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './extension';
import { useSyncedExtension } from './synced-extension';
import { PopupPage } from './pages/popup-page';

let extension: LoadedExtension;
useSyncedExtension((launched) => (extension = launched));

/** A handoff's status in the extension's database, read in the service worker. */
function statusOf(handoffId: string): Promise<string> {
  return extension.serviceWorker.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('leadlens');
        open.onsuccess = () => {
          const request = open.result.transaction('handoffs').objectStore('handoffs').get(id);
          request.onsuccess = () => resolve(request.result?.status ?? 'gone');
        };
      }),
    handoffId,
  );
}

/** Presses Tab until focus is on `selector`, as a keyboard user would, and fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let press = 0; press < max; press++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const rowIds = (page: Page) => page.locator('.queue li').evaluateAll((items) => items.map((item) => item.getAttribute('data-row-id')!));

describe('the popup with the keyboard only', () => {
  it('Tab to a row\'s action, Enter: focus lands on the next row, and the action is sent once when Undo has passed', async () => {
    const popup = await PopupPage.open(extension);
    const { page } = popup;
    await popup.waitForLiveView();
    const [first, second] = await rowIds(page);
    await tabTo(page, `[data-row-id="${first}"] [data-action="contacted"]`);
    await page.keyboard.press('Enter');
    expect(await popup.focus()).toMatchObject({ on: 'name', row: await page.locator(`[data-row-id="${second}"] .handoff-name`).textContent() });
    await expect.poll(() => page.locator(`[data-row-id="${first}"] .handoff-held`).textContent()).toBe('Marked contacted · Undo');
    expect(await statusOf(first!)).toBe('pending'); // held, not sent
    await expect.poll(() => statusOf(first!), { timeout: 10_000 }).toBe('contacted');
    await expect.poll(() => page.locator(`[data-row-id="${first}"]`).count(), { timeout: 5_000 }).toBe(0);
    // Focus stayed on the row the rep moved on to, not the page.
    expect((await popup.focus()).on).toBe('name');
    await page.close();
  });

  it('Undo with the keyboard sends nothing', async () => {
    const popup = await PopupPage.open(extension);
    const { page } = popup;
    await popup.waitForLiveView();
    const [first] = await rowIds(page);
    await tabTo(page, `[data-row-id="${first}"] [data-action="contacted"]`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab'); // back from the next row's name to Undo
    await tabTo(page, `[data-row-id="${first}"] .undo`);
    await page.keyboard.press('Enter');
    expect(await popup.focus()).toMatchObject({ on: 'name' });
    await page.waitForTimeout(6_500);
    expect(await statusOf(first!)).toBe('pending');
    await page.close();
  });

  it('Escape closes the reject form and gives focus back to its button; Cancel too', async () => {
    const popup = await PopupPage.open(extension);
    const { page } = popup;
    await popup.waitForLiveView();
    const [first] = await rowIds(page);
    const reject = `[data-row-id="${first}"] [data-action="reject"]`;
    await tabTo(page, reject);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('Escape');
    expect(await page.locator('.reject-form').count()).toBe(0);
    expect(await page.evaluate((selector) => document.activeElement === document.querySelector(selector), reject)).toBe(true);
    await page.keyboard.press('Enter');
    await tabTo(page, '.reject-buttons button[type="button"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate((selector) => document.activeElement === document.querySelector(selector), reject)).toBe(true);
    await page.close();
  });

  it('the skip link jumps past the list, and Sync now keeps focus while it syncs', async () => {
    const popup = await PopupPage.open(extension);
    const { page } = popup;
    await popup.waitForLiveView();
    await tabTo(page, '.skip-link');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('popup-end');
    await tabTo(page, '.sync-line button');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.closest('.sync-line') !== null)).toBe(true);
    await page.close();
  });

  it('never loses a click: closing the popup inside the Undo window sends the action', async () => {
    const popup = await PopupPage.open(extension);
    const { page } = popup;
    await popup.waitForLiveView();
    const [first] = await rowIds(page);
    await page.locator(`[data-row-id="${first}"] [data-action="contacted"]`).click();
    await page.close();
    await expect.poll(() => statusOf(first!), { timeout: 10_000 }).toBe('contacted');
  });
});
