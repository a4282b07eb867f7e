// The options page, as a test reads it.
import type { Page } from 'playwright-core';
import type { LoadedExtension } from '../extension';

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

  async save() {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  }
}
