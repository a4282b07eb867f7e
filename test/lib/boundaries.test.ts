// Which side of the extension each folder runs on, held against the real import graph: esbuild
// bundles each entry as Vite would (type-only imports erased) and the test reads what it pulled in.
// Content scripts run in the host page's renderer: they must not reach the extension's database,
// Dexie or the stored credentials (DESIGN.md: they ask the background instead).
import { build, type Plugin } from 'esbuild';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

/** CSS and asset imports (`card.css?inline`) are not code: left out of the graph. */
const skipAssets: Plugin = {
  name: 'skip-assets',
  setup(build) {
    build.onResolve({ filter: /\.css(\?.*)?$/ }, (args) => ({ path: args.path, namespace: 'asset' }));
    build.onLoad({ filter: /.*/, namespace: 'asset' }, () => ({ contents: 'export default ""', loader: 'js' }));
  },
};

async function importGraph(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [skipAssets],
    // Build-time virtual modules (the holiday lists) are not part of a content script.
    external: ['virtual:*'],
  });
  return Object.keys(result.metafile.inputs).map((input) => relative(root, join(root, input)));
}

const UI_LIBRARY = /node_modules\/preact\//;
const FORBIDDEN_IN_CONTENT = [/^lib\/cache\//, /node_modules\/dexie\//, /^lib\/background\//, /^lib\/sources\//];
/** Account matching's lists (public suffixes, 14,000 free-mail domains): the background's alone. */
const ACCOUNT_LISTS = [/^lib\/domain\/account\.ts$/, /node_modules\/tldts/, /node_modules\/free-email-domains\//];

describe('what a content script may import', () => {
  for (const entry of ['entrypoints/gmail.content/index.tsx', 'entrypoints/sites.content/index.tsx']) {
    it(`${entry} reaches neither the database, Dexie, the credentials nor the background`, async () => {
      const graph = await importGraph(entry);
      // Positive control: the graph was really read (the adapters and the overlay runtime are in it).
      expect(graph).toEqual(expect.arrayContaining(['lib/pages/dom.ts', 'lib/content/overlay.ts']));
      expect(graph.filter((file) => FORBIDDEN_IN_CONTENT.some((pattern) => pattern.test(file)))).toEqual([]);
      expect(graph.filter((file) => ACCOUNT_LISTS.some((pattern) => pattern.test(file)))).toEqual([]);
    });

    it(`${entry} carries no UI library: its chips and card frame are drawn with the DOM (under 15 KB gzipped)`, async () => {
      expect((await importGraph(entry)).filter((file) => UI_LIBRARY.test(file))).toEqual([]);
    });
  }

  it('would notice a UI library: the card page, drawn with Preact, has it', async () => {
    expect((await importGraph('entrypoints/card/main.tsx')).some((file) => UI_LIBRARY.test(file))).toBe(true);
  });

  it('would notice a content script that did reach the database', async () => {
    const graph = await importGraph('lib/cache/db.ts');
    expect(graph.filter((file) => FORBIDDEN_IN_CONTENT.some((pattern) => pattern.test(file)))).toEqual(
      expect.arrayContaining(['lib/cache/db.ts', expect.stringMatching(/node_modules\/dexie\//)]),
    );
    expect(FORBIDDEN_IN_CONTENT.some((pattern) => pattern.test('lib/cache/credentials.ts'))).toBe(true);
  });
});

describe('where account matching runs', () => {
  // The popup and the options page group by the key the cache stored (account-name.ts), never by the lists.
  for (const entry of ['entrypoints/popup/main.tsx', 'entrypoints/popup/live.tsx', 'entrypoints/options/main.tsx']) {
    it(`${entry} loads neither the public-suffix nor the free-mail list`, async () => {
      const graph = await importGraph(entry);
      expect(graph).toEqual(expect.arrayContaining(['lib/domain/model.ts']));
      expect(graph.filter((file) => ACCOUNT_LISTS.some((pattern) => pattern.test(file)))).toEqual([]);
    });
  }

  it('would notice a page that did (the background does)', async () => {
    const graph = await importGraph('lib/domain/account.ts');
    expect(graph.filter((file) => ACCOUNT_LISTS.some((pattern) => pattern.test(file)))).toEqual(
      expect.arrayContaining(['lib/domain/account.ts', expect.stringMatching(/node_modules\/tldts/), expect.stringMatching(/node_modules\/free-email-domains\//)]),
    );
  });
});

describe('layers of lib/', () => {
  // What each folder may import at run time (type-only imports are erased and not counted).
  const MAY_IMPORT: Record<string, string[]> = {
    domain: ['domain'],
    time: ['domain', 'time'],
    ui: ['domain', 'time', 'ui'],
    pages: ['pages', 'domain/crm-record.ts'],
    messaging: ['domain', 'ui', 'messaging'],
    cache: ['domain', 'time', 'cache'],
    content: ['domain', 'ui', 'pages', 'messaging', 'content'],
  };
  for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
    it(`lib/${folder} imports only from ${allowed.join(', ')}`, async () => {
      const { readdirSync } = await import('node:fs');
      const files = readdirSync(join(root, 'lib', folder), { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const graph = await importGraph(join('lib', folder, file));
        const strays = graph.filter((input) => input.startsWith('lib/') && !allowed.some((layer) => input === `lib/${layer}` || input.startsWith(`lib/${layer}/`)));
        expect(strays, `lib/${folder}/${file}`).toEqual([]);
      }
    });
  }
});
