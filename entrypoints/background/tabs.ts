// What the background tells the content scripts in tabs.
import type { browser } from 'wxt/browser';
import type { LeadsChangedNotice } from '../../lib/messaging/messages';

type Tabs = Pick<typeof browser.tabs, 'query' | 'sendMessage'>;

/** These leads are now in the cache. A tab closed meanwhile has nobody to tell. */
export function tellTab(tabs: Tabs, tabId: number, notice: LeadsChangedNotice): Promise<void> {
  return tabs.sendMessage(tabId, notice).then(
    () => undefined,
    () => undefined,
  );
}

/** The keyboard command: the active page's content script opens its first lead's card. */
export async function openCardOnCommand(tabs: Tabs, command: string): Promise<void> {
  if (command !== 'open-card') return;
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await tabs.sendMessage(tab.id, { type: 'openCard' }).catch(() => undefined);
}
