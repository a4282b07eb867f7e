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
import './style.css';

const initial = await loadSettings();
await loadLanguage(initial.settings.language);
document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');

const save: OptionsPageProps['save'] = async (settings) => {
  await saveSettings(settings);
  if (settings.language !== initial.settings.language) location.reload();
};

const connection: OptionsPageProps['connection'] = {
  onSave: (details) => ask({ type: 'saveConnection', ...details }),
  onTest: (details) => ask({ type: 'testConnection', ...details }),
  requestAccess: (origins) => browser.permissions.request({ origins }),
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
    connection={connection}
    requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
    report={report}
    syncStatus={{ load: () => readSyncStatus(db), clear: () => clearSetAside(db), now: () => Date.now() }}
  />,
  document.getElementById('app')!,
);
