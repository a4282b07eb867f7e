// The options page, as a test reads it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LoadedExtension } from '../extension';

/** The part of Chrome's API the options page is asked to call here. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ data?: { syncState?: { status: string; sourceId: string } } }> } };

export class OptionsPage {
  private constructor(readonly page: Page) {}

  /** The options page, or one of its sections by its anchor (`definitions`, as the card's "Qualified by" links). */
  static async open(extension: LoadedExtension, section?: string): Promise<OptionsPage> {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/options.html${section ? `#${section}` : ''}`);
    return new OptionsPage(page);
  }

  /**
   * Stands in for the marketing system's policy as a sync would cache it for the demo connection
   * (lib/cache/policy.ts), or removes it (null); the page reloads to read it.
   */
  async setMarketingPolicy(body: object | null) {
    await this.page.evaluate(
      (policy) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('leadlens');
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            const meta = tx.objectStore('meta');
            if (policy) meta.put({ key: 'marketingPolicy', value: { connection: 'demo ', fetchedAt: Date.now(), body: policy } });
            else meta.delete('marketingPolicy');
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      body,
    );
    await this.page.reload();
    await this.page.locator('#definitions').waitFor();
  }

  async turnOnSites(...names: string[]) {
    for (const name of names) {
      const box = this.page.getByRole('checkbox', { name });
      await box.click();
      await box.isChecked();
    }
    await this.save();
  }

  /** Switches the UI language as a rep does, in the options; the page reloads in it. */
  async chooseLanguage(language: 'en' | 'ja' | 'auto') {
    const select = this.page.locator('#rep-email').locator('xpath=ancestor::fieldset').getByRole('combobox');
    if ((await select.inputValue()) === language) return;
    await select.selectOption(language);
    await this.page.locator('.save-bar button[type="submit"]').click();
    await this.page.waitForFunction((lang) => lang === 'auto' || document.documentElement.lang === lang, language);
    await this.page.locator('#rep-email').waitFor();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  }

  /**
   * Connects the Lead Context API at `baseUrl` with the message the connection form's Save sends,
   * then waits until the first sync from it has finished.
   */
  async connectLeadContextApi({ baseUrl, token }: { baseUrl: string; token: string }) {
    await this.page.evaluate((connection) => chrome.runtime.sendMessage({ type: 'saveConnection', kind: 'http', ...connection }), { baseUrl, token });
    const syncState = () =>
      this.page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'context', emails: ['someone@example.com'] })).data?.syncState);
    await expect.poll(syncState, { timeout: 15_000 }).toMatchObject({ sourceId: expect.stringMatching(/^http/), status: 'idle' });
  }
}
