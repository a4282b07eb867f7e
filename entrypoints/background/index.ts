// The service worker: browser events wired to the background's behaviour (lib/background/app.ts),
// and the browser-facing helpers beside this file. Browser APIs are reached only from here down.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundApp, OUTBOX_ALARM, REMINDER_ALARM } from '../../lib/background/app';
import { LeadLensDb } from '../../lib/cache/db';
import { loadSettings, saveSettings, settingsItem } from '../../lib/cache/settings';
import type { Settings } from '../../lib/domain/settings-schema';
import { sourceFor } from '../../lib/sources';
import { receiveInDemoInbox } from '../../lib/sources/demo/inbox';
import { fetchMessages } from '../../lib/ui/i18n';
import { runAlarm, wakeAt } from './alarms';
import { listenToReminderClicks, showNotices } from './notifications';
import { applySites, startUp } from './startup';
import { openCardOnCommand, tellTab } from './tabs';
import { showBadge } from './toolbar';

export default defineBackground(() => {
  const now = () => Date.now();
  const db = new LeadLensDb();
  // Settings are read on every message: parsed once, read again only when they change.
  let settings: Promise<Settings> | null = null;
  const app = createBackgroundApp({
    db,
    extension: { id: browser.runtime.id, pagesUrl: browser.runtime.getURL('/') },
    loadSettings: () => (settings ??= loadSettings().then((loaded) => loaded.settings)),
    saveSettings,
    sourceFor: (current, token) => sourceFor(current, { now, token, demoInbox: (item) => receiveInDemoInbox(db, item) }),
    now,
    showBadge: (badge) => showBadge(browser, badge),
    scheduleOutbox: (when) => wakeAt(browser.alarms, OUTBOX_ALARM, when, now),
    notify: (notices) => showNotices(browser, notices),
    messagesFor: fetchMessages,
    notifyTab: (tabId, notice) => tellTab(browser.tabs, tabId, notice),
    scheduleReminders: (when) => wakeAt(browser.alarms, REMINDER_ALARM, when, now),
  });

  // New settings may change the grading (the cache is re-graded), the rep, the calendar, the rules or the
  // reminders: badge and reminders follow at once.
  settingsItem.watch(() => {
    settings = null;
    void applySites(browser);
    void app.settingsChanged();
  });
  browser.permissions.onRemoved.addListener(() => void applySites(browser));
  browser.runtime.onInstalled.addListener(() => void startUp(browser, app));
  browser.runtime.onStartup.addListener(() => void startUp(browser, app));
  browser.alarms.onAlarm.addListener((alarm) => runAlarm(app, alarm.name));
  // The sender as the browser gives it: the router answers by who is asking (lib/messaging/router.ts).
  browser.runtime.onMessage.addListener((message, sender) => app.handleMessage(message, sender));
  listenToReminderClicks(browser, app);
  browser.commands.onCommand.addListener((command) => void openCardOnCommand(browser.tabs, command));
});
