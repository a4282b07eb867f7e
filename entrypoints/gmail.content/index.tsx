import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '../../lib/content/overlay';
import css from '../../components/card/card.css?inline';
import { ask } from '../../lib/messaging/client';
import { gmail } from '../../lib/pages/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const overlay = startOverlay(ctx, gmail, { ask, now: Date.now, css });
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
