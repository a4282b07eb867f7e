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
