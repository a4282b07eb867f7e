import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '../../components/overlay/start-overlay';
import css from '../../components/card/card.css?inline';
import { ask } from '../../lib/client';
import { gmail } from '../../lib/pages/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const overlay = startOverlay(ctx, gmail, { ask, now: Date.now, css });
    const onCommand = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === 'openCard') overlay.openCard();
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
  },
});
