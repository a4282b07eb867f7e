import { defineContentScript } from 'wxt/utils/define-content-script';
import css from '../../components/overlay/overlay.css?inline';
import { createViewFactory } from '../../components/overlay/view';
import { listenForNotices } from '../../lib/content/notices';
import { startOverlay } from '../../lib/content/overlay';
import { ask } from '../../lib/messaging/client';
import { gmail } from '../../lib/pages/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const overlay = startOverlay(ctx, () => gmail, { ask, createView: createViewFactory(css, () => gmail.reading) });
    listenForNotices(ctx, overlay);
  },
});
