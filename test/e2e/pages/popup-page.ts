// The popup, as a test reads it.
import type { Page } from 'playwright-core';
import type { LoadedExtension } from '../extension';

export class PopupPage {
  private constructor(readonly page: Page) {}

  /** Opens the popup in a new tab; `beforeOpening` may set the page up first (an init script, say). */
  static async open(extension: LoadedExtension, beforeOpening?: (page: Page) => Promise<unknown>): Promise<PopupPage> {
    const page = await extension.context.newPage();
    await beforeOpening?.(page);
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    return new PopupPage(page);
  }

  /** Waits until the install's sync has filled the queue, as a rep's first look would. */
  static async waitForFirstSync(extension: LoadedExtension, timeout = 30_000): Promise<void> {
    const popup = await PopupPage.open(extension);
    await popup.items().first().waitFor({ timeout });
    await popup.page.close();
  }

  /** Waits until the live view has taken over from the first paint, its sync line written. */
  async waitForLiveView(): Promise<void> {
    await this.page.locator('#app[data-view="live"] .sync-line span:not(:empty)').waitFor();
  }

  queue() {
    return this.page.getByRole('list', { name: 'Pending handoffs' });
  }

  items() {
    return this.queue().getByRole('listitem');
  }

  /** The rows drawn, in order; `account` is the account whose group a row is in (components/popup/account-groups.ts). */
  async handoffs(): Promise<{ name: string; state: string; due: number; sla: string; account: string | null }[]> {
    return this.items().evaluateAll((items) =>
      items.map((item) => ({
        name: item.querySelector('.handoff-name')?.textContent ?? '',
        state: item.getAttribute('data-state') ?? '',
        due: Number(item.getAttribute('data-due')),
        sla: item.querySelector('.handoff-sla')?.textContent ?? '',
        account: item.getAttribute('data-account'),
      })),
    );
  }

  /** A handoff's row by its lead's name. */
  row(name: string) {
    return this.items().filter({ has: this.page.locator('.handoff-name', { hasText: name }) });
  }

  /** Where focus is: the row it is in (by lead name) and what it is on (a button's words, or "name" for the row's name). */
  async focus(): Promise<{ row: string | null; on: string }> {
    return this.page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      const row = active?.closest('.handoff')?.querySelector('.handoff-name')?.textContent ?? null;
      const on = active?.classList.contains('handoff-open') ? 'name' : (active?.textContent ?? '') || active?.tagName || 'none';
      return { row, on };
    });
  }
}
