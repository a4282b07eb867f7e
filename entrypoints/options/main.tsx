import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage, type OptionsPageProps } from '../../components/options/OptionsPage';
import { ask } from '../../lib/messaging/client';
import { loadLanguage, t, uiLocale } from '../../lib/ui/i18n';
import { LeadLensDb } from '../../lib/cache/db';
import { loopReport } from '../../lib/cache/report';
import { clearSetAside, readSyncStatus } from '../../lib/cache/sync-status';
import { loadSettings, saveSettings } from '../../lib/cache/settings';
import { createBusinessClock } from '../../lib/time/sla';
import '../../components/palette.css';
import './style.css';

const initial = await loadSettings();
await loadLanguage(initial.settings.language);
document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');

const save: OptionsPageProps['save'] = async (settings) => {
  const result = await saveSettings(settings);
  if (settings.language !== initial.settings.language) location.reload();
  return result;
};

// The rep's settings (local) and the organisation's policy (managed): another tab, a sync or IT may change them.
const watch: OptionsPageProps['watch'] = (changed) => {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && 'settings' in changes)) changed();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
};

const connection: OptionsPageProps['connection'] = {
  onSave: (details) => ask({ type: 'saveConnection', ...details }),
  onTest: (details) => ask({ type: 'testConnection', ...details }),
  listHubSpotProperties: (request) => ask({ type: 'listHubSpotProperties', ...request }),
  requestAccess: (origins) => browser.permissions.request({ origins }),
  hasAccess: (origins) => browser.permissions.contains({ origins }),
};

// The report reads the local cache: extension pages share the background's database.
const db = new LeadLensDb();
const report: OptionsPageProps['report'] = {
  now: () => Date.now(),
  load: async (period) => {
    const { settings } = await loadSettings();
    return loopReport(db, period, {
      repEmail: settings.repEmail,
      clock: createBusinessClock(settings.calendar),
      policy: settings.slaPolicy,
      reasons: settings.feedbackReasons,
      now: Date.now(),
    });
  },
};

render(
  <OptionsPage
    load={loadSettings}
    save={save}
    watch={watch}
    connection={connection}
    requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
    report={report}
    syncStatus={{ load: () => readSyncStatus(db), clear: () => clearSetAside(db), now: () => Date.now() }}
  />,
  document.getElementById('app')!,
);
