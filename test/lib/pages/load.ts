// Opens a saved page as the adapters see it in the browser: parsed, at its real URL.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PageFixture } from '../../fixtures/pages';

export const FIXTURES_DIR = join(__dirname, '../../fixtures/pages');

/** Needs the happy-dom environment: the window's URL is what document.location reports. */
export function loadPage(fixture: Pick<PageFixture, 'file' | 'url'>): Document {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(fixture.url);
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES_DIR, fixture.file), 'utf8'), 'text/html');
}

/** Every saved page on disk, as manifest paths ('gmail/thread….html'). */
export function fixtureFilesOnDisk(): string[] {
  return readdirSync(FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(FIXTURES_DIR, join(FIXTURES_DIR, file)).split('\\').join('/'))
    .sort();
}
