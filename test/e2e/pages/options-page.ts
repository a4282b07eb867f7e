// The options page, as a test reads it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LoadedExtension } from '../extension';

/** The part of Chrome's API the options page is asked to call here. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ data?: { syncState?: { status: string; sourceId: string } } }> } };

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(extension: LoadedExtension): Promise<OptionsPage> {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    return new OptionsPage(page);
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
