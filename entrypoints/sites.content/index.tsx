import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import css from '../../components/card/card.css?inline';
import { startOverlay } from '../../lib/content/overlay';
import { ask } from '../../lib/messaging/client';
import { siteAdapterFor } from '../../lib/pages';
import type { PageAdapter } from '../../lib/pages/types';

// Registered by the background for the sites the user turned on (lib/background/site-scripts.ts). These
// sites navigate without reloading, so the adapter is chosen again for each URL.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    const stored = (await browser.storage.local.get('settings')).settings as { sites?: unknown } | undefined;
    const enabled = Array.isArray(stored?.sites) ? stored.sites.filter((id): id is string => typeof id === 'string') : [];
    const currentPage: PageAdapter = {
      id: 'sites',
      matches: [],
      find: (doc) => siteAdapterFor(location.href, enabled)?.find(doc) ?? [],
    };
    const overlay = startOverlay(ctx, currentPage, { ask, now: Date.now, css });
    // From the background: the keyboard command, and leads it found after the page asked.
    const onCommand = (message: unknown) => {
      const notice = message as { type?: unknown; emails?: unknown } | null;
      if (notice?.type === 'openCard') overlay.openCard();
      if (notice?.type === 'leadsChanged' && Array.isArray(notice.emails)) overlay.refresh(notice.emails.filter((email): email is string => typeof email === 'string'));
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
  },
});
