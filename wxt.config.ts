import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { FIREFOX_ID } from './lib/build/firefox';
import { holidayData } from './lib/build/holiday-data';
import { OPTIONAL_SITES } from './lib/pages/sites';

// The browser tests cannot click a permission prompt (Playwright does not reach them), so they
// use a build in which the optional sites' hosts and notifications are already granted; the code
// is the same.
const grantSites = process.env.LEADLENS_GRANT_SITES === '1';

// The granted build also has a fixed id, for the browser test of enterprise policies: Chromium finds
// an extension's policy by its id, and an unpacked extension's id comes from its path unless the
// manifest has a key. The id is derived from this public key (SHA-256 of it, the first 32 hex digits
// written a-p); its private half was never kept. The store's builds get their id from the store.
const TEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvcG4iVKHuo0ONtj9R3qZAMmA3KGVyhzp+PQLxgCHosRvIbuWjDs4xLL+9sssEn1nxC8Gn0FTUrroXBmAfDKivHxnHkhiNSClb84wuZ5vPnuFsvA82Tsp+Sd8Jn6yLhbEUJrhgNoql5SztdaG8oDykosh0NH/R1xPkfKxFc7/tURM0Gse/yFPGgVWS2lepIMJSuVOta2hdxKS7gwlD/VGjpdCl9yO16B2TVPR6s+psER+hqNcj/01G3DFePp2jvkUgCNNTn+bywT7nP7B4RnwDC0qExK2e4fsTxkYGai8nsalwq/5jdaA2GuCVpQpZvcykLX8Q2MD4xH5U3LmIQ51sQIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  outDir: grantSites ? '.output/granted' : '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The granted build has notifications too, for the same reason as the sites.
    permissions: ['storage', 'alarms', 'scripting', ...(grantSites ? ['notifications'] : [])],
    // Reminders: asked for when the rep turns them on.
    optional_permissions: ['notifications'],
    ...(grantSites ? { host_permissions: [...OPTIONAL_SITES.flatMap((site) => site.origins), 'http://127.0.0.1/*'] } : {}),
    // Asked for one origin at a time, when the user connects a marketing system there.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // The card page, framed beside a chip (components/overlay/CardFrame.tsx), where the content scripts
    // run: Gmail and the optional sites. Chromium's dynamic URL changes each session, so a page cannot
    // guess it to frame the card itself; Firefox's moz-extension host is random per install already.
    web_accessible_resources: [
      {
        resources: ['card.html'],
        matches: ['https://mail.google.com/*', ...new Set(OPTIONAL_SITES.flatMap((site) => site.origins))],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'open-card': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandOpenCard__' },
    },
    // Firefox keys an extension's storage and its moz-extension:// address to this id.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: FIREFOX_ID } } } : {}),
    // The policies IT may set (README, "For IT"), which Chrome validates before storage.managed has them.
    // Firefox takes its policies.json "3rdparty" entry without a schema, and warns at this key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(grantSites && browser !== 'firefox' ? { key: TEST_KEY } : {}),
  }),
  vite: () => ({ plugins: [preact(), holidayData()] }),
  hooks: {
    // Content scripts run on every Gmail load and must stay small: they talk to Chromium's own
    // promise-based chrome.* API (WXT's plain \`browser\`) instead of carrying webextension-polyfill,
    // 3 KB gzipped, which the background, popup and options keep.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const native = { find: /^wxt\/browser$/, replacement: fileURLToPath(import.meta.resolve('wxt/browser')) };
      config.resolve = { ...config.resolve, alias: Array.isArray(alias) ? [native, ...alias] : [native, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))] };
    },
  },
  webExt: {
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    // Chromium refuses to start as root without this; a developer's own account does not need it.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
});
