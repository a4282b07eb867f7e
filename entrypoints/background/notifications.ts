// Reminders as system notifications, and where a click on one leads.
import type { browser } from 'wxt/browser';
import type { BackgroundApp } from '../../lib/background/app';
import type { Notice } from '../../lib/background/reminder-notices';

type Browser = typeof browser;

/** Reminders need the notifications permission, which the rep grants when turning them on. */
export async function showNotices({ permissions, notifications, runtime }: Pick<Browser, 'permissions' | 'notifications' | 'runtime'>, notices: Notice[]): Promise<void> {
  if (!(await permissions.contains({ permissions: ['notifications'] }))) return;
  for (const notice of notices) {
    await notifications.create(notice.id, {
      type: 'basic',
      iconUrl: runtime.getURL('/icon/128.png'),
      title: notice.title,
      message: notice.message,
      priority: 1,
    });
  }
}

/** A reminder opens its lead in the CRM when marketing gave a link, else the queue. */
export async function openReminder(browser: Pick<Browser, 'notifications' | 'tabs' | 'action' | 'runtime'>, app: BackgroundApp, id: string): Promise<void> {
  await browser.notifications.clear(id);
  const crmUrl = await app.reminderTarget(id);
  if (crmUrl) {
    await browser.tabs.create({ url: crmUrl });
    return;
  }
  // The popup opens only where the browser allows it without a click on the toolbar.
  await browser.action.openPopup().catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
}

/**
 * Listens to clicks on reminders, now and whenever a permission is granted: the notifications API
 * is absent until the rep grants it.
 */
export function listenToReminderClicks(browser: Browser, app: BackgroundApp): void {
  const onClicked = (id: string) => void openReminder(browser, app, id);
  const listen = () => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(onClicked)) browser.notifications.onClicked.addListener(onClicked);
  };
  listen();
  browser.permissions.onAdded.addListener(listen);
}
