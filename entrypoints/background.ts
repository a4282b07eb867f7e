import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BADGE_ALARM, createBackgroundApp, OUTBOX_ALARM, REMINDER_ALARM, SYNC_ALARM } from '../lib/background/app';
import type { Notice } from '../lib/background/reminder-notices';
import type { BadgeState } from '../lib/background/badge';
import { LeadLensDb } from '../lib/cache/db';
import { loadSettings, saveSettings, settingsItem } from '../lib/cache/settings';
import { fetchMessages } from '../lib/ui/i18n';
import { registerSiteScripts } from '../lib/background/site-scripts';
import { sourceFor } from '../lib/sources';

export default defineBackground(() => {
  const now = () => Date.now();
  const db = new LeadLensDb();
  // Settings are read on every message: parsed once, read again only when they change.
  let settings: ReturnType<typeof readSettings> | null = null;
  const readSettings = async () => (await loadSettings()).settings;
  const app = createBackgroundApp({
    db,
    loadSettings: () => (settings ??= readSettings()),
    saveSettings,
    sourceFor: (settings, token) => sourceFor(settings, { now, token, demoInbox: (item) => db.receiveInDemoInbox(item) }),
    now,
    showBadge,
    scheduleOutbox: async (when) => {
      if (when === null) await browser.alarms.clear(OUTBOX_ALARM);
      else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(when, now() + 1000) });
    },
    notify,
    messagesFor: fetchMessages,
    // A tab closed meanwhile has nobody to tell.
    notifyTab: (tabId, notice) => browser.tabs.sendMessage(tabId, notice).then(() => undefined, () => undefined),
    scheduleReminders: async (when) => {
      if (when === null) await browser.alarms.clear(REMINDER_ALARM);
      else await browser.alarms.create(REMINDER_ALARM, { when: Math.max(when, now() + 1000) });
    },
  });

  /** Reminders need the notifications permission, which the rep grants when turning them on. */
  async function notify(notices: Notice[]) {
    if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
    for (const notice of notices) {
      await browser.notifications.create(notice.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: notice.title,
        message: notice.message,
        priority: 1,
      });
    }
  }

  /** A reminder opens its lead in the CRM when marketing gave a link, else the queue. */
  async function openReminder(id: string) {
    await browser.notifications.clear(id);
    const crmUrl = await app.reminderTarget(id);
    if (crmUrl) {
      await browser.tabs.create({ url: crmUrl });
      return;
    }
    // The popup opens only where the browser allows it without a click on the toolbar.
    await browser.action.openPopup().catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
  }

  async function showBadge(badge: BadgeState) {
    await Promise.all([
      browser.action.setBadgeText({ text: badge.text }),
      browser.action.setBadgeBackgroundColor({ color: badge.color }),
      browser.action.setTitle({ title: badge.title }),
    ]);
    if (badge.nextChangeAt === null) await browser.alarms.clear(BADGE_ALARM);
    else await browser.alarms.create(BADGE_ALARM, { when: badge.nextChangeAt });
  }

  async function applySites() {
    const { settings } = await loadSettings();
    await registerSiteScripts(settings.sites, browser.scripting, browser.permissions);
  }

  async function scheduleAndSync() {
    const { settings } = await loadSettings();
    await applySites();
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: settings.syncIntervalMinutes });
    // Finishes a re-grade that a closed browser cut short (nothing to do when the grading was applied);
    // it never throws, and the sync, which badges the cache, runs after it.
    await app.regradeIfNeeded();
    await app.sync();
    // Whatever a closed browser or a killed worker left in the outbox goes out now.
    await app.deliverOutbox();
  }

  // New settings may change the grading (the cache is re-graded), the rep, the calendar, the rules or the
  // reminders: badge and reminders follow at once.
  settingsItem.watch(() => {
    settings = null;
    void applySites();
    void app.settingsChanged();
  });
  browser.permissions.onRemoved.addListener(() => void applySites());
  browser.runtime.onInstalled.addListener(() => void scheduleAndSync());
  browser.runtime.onStartup.addListener(() => void scheduleAndSync());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void app.sync();
    if (alarm.name === BADGE_ALARM || alarm.name === REMINDER_ALARM) void app.refreshBadge();
    if (alarm.name === OUTBOX_ALARM) void app.deliverOutbox();
  });
  browser.runtime.onMessage.addListener((message, sender) => app.handleMessage(message, { tabId: sender.tab?.id }));
  // Registered only once the rep granted notifications: the API is absent until then.
  const onNotificationClicked = (id: string) => void openReminder(id);
  const listenToNotifications = () => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(onNotificationClicked)) {
      browser.notifications.onClicked.addListener(onNotificationClicked);
    }
  };
  listenToNotifications();
  browser.permissions.onAdded.addListener(listenToNotifications);
  // The keyboard command: the page's content script opens its first lead's card.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-card') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'openCard' }).catch(() => undefined);
  });
});
