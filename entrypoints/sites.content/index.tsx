import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import css from '../../components/overlay/overlay.css?inline';
import { createViewFactory } from '../../components/overlay/view';
import { listenForNotices } from '../../lib/content/notices';
import { startOverlay } from '../../lib/content/overlay';
import { storedSites } from '../../lib/content/site-settings';
import { ask } from '../../lib/messaging/client';
import { SITES_IN_FORCE_KEY } from '../../lib/domain/policy-keys';
import { siteAdapterFor } from '../../lib/pages';

// Registered by the background for the sites the user turned on (lib/background/site-scripts.ts). These
// sites navigate without reloading, so the adapter is chosen again for each URL.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    // Read without zod (see storedSites); malformed settings turn no site on, as the background then
    // falls back to the defaults. The sites in force (a policy's included) as the background wrote
    // them; the rep's own settings before the background first did.
    const stored = await browser.storage.local.get([SITES_IN_FORCE_KEY, 'settings']);
    const inForce = stored[SITES_IN_FORCE_KEY] ?? (stored.settings as { sites?: unknown } | undefined)?.sites;
    const enabled = storedSites({ sites: inForce }) ?? [];
    const adapter = () => siteAdapterFor(location.href, enabled);
    const overlay = startOverlay(ctx, adapter, { ask, createView: createViewFactory(css, () => adapter()?.reading) });
    listenForNotices(ctx, overlay);
  },
});
