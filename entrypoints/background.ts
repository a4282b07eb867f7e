import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundApp, SYNC_ALARM } from '../lib/background-app';
import { LeadLensDb } from '../lib/db';
import { loadSettings } from '../lib/settings';
import { sourceFor } from '../lib/sources';

export default defineBackground(() => {
  const now = () => Date.now();
  const app = createBackgroundApp({
    db: new LeadLensDb(),
    loadSettings: async () => (await loadSettings()).settings,
    sourceFor: (settings) => sourceFor(settings, now),
    now,
  });

  async function scheduleAndSync() {
    const { settings } = await loadSettings();
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: settings.syncIntervalMinutes });
    await app.sync();
  }

  browser.runtime.onInstalled.addListener(() => void scheduleAndSync());
  browser.runtime.onStartup.addListener(() => void scheduleAndSync());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void app.sync();
  });
  browser.runtime.onMessage.addListener((message) => app.handleMessage(message));
});
