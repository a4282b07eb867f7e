import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BADGE_ALARM, createBackgroundApp, OUTBOX_ALARM, SYNC_ALARM } from '../lib/background-app';
import type { BadgeState } from '../lib/badge';
import { LeadLensDb } from '../lib/db';
import { loadSettings, saveSettings, settingsItem } from '../lib/settings';
import { registerSiteScripts } from '../lib/site-scripts';
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
  });

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
    await app.sync();
    // Whatever a closed browser or a killed worker left in the outbox goes out now.
    await app.deliverOutbox();
  }

  settingsItem.watch(() => {
    settings = null;
    void applySites();
  });
  browser.permissions.onRemoved.addListener(() => void applySites());
  browser.runtime.onInstalled.addListener(() => void scheduleAndSync());
  browser.runtime.onStartup.addListener(() => void scheduleAndSync());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void app.sync();
    if (alarm.name === BADGE_ALARM) void app.refreshBadge();
    if (alarm.name === OUTBOX_ALARM) void app.deliverOutbox();
  });
  browser.runtime.onMessage.addListener((message) => app.handleMessage(message));
  // The keyboard command: the page's content script opens its first lead's card.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-card') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'openCard' }).catch(() => undefined);
  });
});
