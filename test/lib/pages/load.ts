// Opens a saved page as the adapters see it in the browser: parsed, at its real URL.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PageFixture } from '../../fixtures/pages';

export const FIXTURES_DIR = join(__dirname, '../../fixtures/pages');

/** Needs the happy-dom environment: the window's URL is what document.location reports. */
export function loadPage(fixture: Pick<PageFixture, 'file' | 'url'>): Document {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(fixture.url);
  const doc = new DOMParser().parseFromString(readFileSync(join(FIXTURES_DIR, fixture.file), 'utf8'), 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/**
 * What a browser does with <template shadowrootmode> when it parses a page, and DOMParser and happy-dom
 * do not: each template becomes its parent's shadow root, innermost first (a template's own templates
 * are in its content).
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    attachDeclarativeShadowRoots(template.content);
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    template.parentElement!.attachShadow({ mode }).append(template.content);
    template.remove();
  }
}

/** Every element inside root (not root itself), those in open shadow roots too. */
export function allElements(root: Document | ShadowRoot | Element): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [element, ...(element.shadowRoot ? allElements(element.shadowRoot) : [])]);
}

/** Every saved page on disk, as manifest paths ('gmail/thread….html'). */
export function fixtureFilesOnDisk(): string[] {
  return readdirSync(FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(FIXTURES_DIR, join(FIXTURES_DIR, file)).split('\\').join('/'))
    .sort();
}
