// A host page (Gmail, a CRM) served from a saved fixture at its real URL, with LeadLens on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageFixture } from '../../fixtures/pages';
import type { LoadedExtension } from '../extension';

const FIXTURES = join(__dirname, '../../fixtures/pages');

export class HostPage {
  private constructor(readonly page: Page) {}

  static async open(extension: LoadedExtension, fixture: PageFixture): Promise<HostPage> {
    const page = await extension.context.newPage();
    const origin = new URL(fixture.url).origin;
    await page.route(`${origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, fixture.file), 'utf8') }),
    );
    await page.goto(fixture.url);
    return new HostPage(page);
  }

  /** LeadLens's chips, in document order, as the accessibility tree names them. */
  chips() {
    return this.page.locator('leadlens-overlay .ll-chip');
  }

  chip(name: RegExp | string) {
    return this.page.getByRole('button', { name });
  }

  card(name: RegExp | string) {
    return this.page.getByRole('region', { name });
  }
}
