// What the background tells a page's content script: the keyboard command (open a card), and the
// leads it found after the page had asked. Both content scripts listen the same way.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface NoticeTarget {
  openCard(): void;
  /** `records`: the keys of the records the page asked about that turned up. */
  refresh(emails: string[], records?: string[]): void;
}

export function listenForNotices(ctx: ContentScriptContext, overlay: NoticeTarget): void {
  const onNotice = (message: unknown) => {
    // Checked by hand, not with zod (too big for a content script): three fields of a known sender.
    const notice = message as { type?: unknown; emails?: unknown; records?: unknown } | null;
    if (notice?.type === 'openCard') overlay.openCard();
    if (notice?.type === 'leadsChanged' && Array.isArray(notice.emails)) {
      overlay.refresh(strings(notice.emails), Array.isArray(notice.records) ? strings(notice.records) : []);
    }
  };
  const strings = (values: unknown[]) => values.filter((value): value is string => typeof value === 'string');
  browser.runtime.onMessage.addListener(onNotice);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onNotice));
}
