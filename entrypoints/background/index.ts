// The service worker: browser events wired to the background's behaviour (lib/background/app.ts),
// and the browser-facing helpers beside this file. Browser APIs are reached only from here down.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundApp, OUTBOX_ALARM, REMINDER_ALARM } from '../../lib/background/app';
import { LeadLensDb } from '../../lib/cache/db';
import { browserPolicyReaders, policyTokenFor } from '../../lib/cache/policy';
import { loadSettings, saveSettings, settingsItem, type LoadedSettingsWithOrigins } from '../../lib/cache/settings';
import { accountKeyOf } from '../../lib/domain/account';
import type { Settings } from '../../lib/domain/settings-schema';
import { sourceFor } from '../../lib/sources';
import { receiveInDemoInbox } from '../../lib/sources/demo/inbox';
import { fetchMessages } from '../../lib/ui/i18n';
import { runAlarm, wakeAt } from './alarms';
import { listenToReminderClicks, showNotices } from './notifications';
import { applySites, startUp } from './startup';
import { openCardOnCommand, tellTab } from './tabs';
import { showBadge } from './toolbar';

/** A policy LeadLens could not wholly apply is said in the worker's console; the options page shows it too. */
function reportPolicyProblems({ settings, policy }: LoadedSettingsWithOrigins): Settings {
  for (const problem of policy.problems) console.warn(`LeadLens: ${problem}`);
  return settings;
}

export default defineBackground(() => {
  const now = () => Date.now();
  // The one writer of leads keys their accounts (the popup and the options page open it without the lists).
  const db = new LeadLensDb(undefined, { accountKeyOf });
  const policies = browserPolicyReaders(db);
  // Settings are read on every message: parsed once (with both policies), read again only when they change.
  let settings: Promise<Settings> | null = null;
  const readSettings = () => (settings ??= loadSettings(policies).then(reportPolicyProblems));
  const app = createBackgroundApp({
    db,
    extension: { id: browser.runtime.id, pagesUrl: browser.runtime.getURL('/') },
    loadSettings: readSettings,
    saveSettings: (next) => saveSettings(next, policies),
    policyChanged: () => {
      settings = null;
    },
    policyToken: (source) => policyTokenFor(policies, source),
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
    void applySites(browser, readSettings);
    void app.settingsChanged();
  });
  // The organisation's policy changed (IT pushed a new one): the same, and a connection it set is synced.
  browser.storage.onChanged.addListener((_changes, areaName) => {
    if (areaName !== 'managed') return;
    // Sites after: the change reads the settings as they were before forgetting them.
    void app.managedPolicyChanged().then(() => applySites(browser, readSettings));
  });
  browser.permissions.onRemoved.addListener(() => void applySites(browser, readSettings));
  browser.runtime.onInstalled.addListener((details) => {
    // A new install opens the welcome page: what LeadLens does, the demo data, the rep's email.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    void startUp(browser, app, readSettings);
  });
  browser.runtime.onStartup.addListener(() => void startUp(browser, app, readSettings));
  browser.alarms.onAlarm.addListener((alarm) => runAlarm(app, alarm.name));
  // The sender as the browser gives it: the router answers by who is asking (lib/messaging/router.ts).
  browser.runtime.onMessage.addListener((message, sender) => app.handleMessage(message, sender));
  listenToReminderClicks(browser, app);
  browser.commands.onCommand.addListener((command) => void openCardOnCommand(browser.tabs, command));
});
