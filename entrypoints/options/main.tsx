import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage, type OptionsPageProps } from '../../components/options/OptionsPage';
import { ask } from '../../lib/client';
import { loadLanguage } from '../../lib/i18n';
import { loadSettings, saveSettings } from '../../lib/settings';
import './style.css';

const initial = await loadSettings();
await loadLanguage(initial.settings.language);
document.documentElement.lang = initial.settings.language === 'auto' ? navigator.language : initial.settings.language;

const save: OptionsPageProps['save'] = async (settings) => {
  await saveSettings(settings);
  if (settings.language !== initial.settings.language) location.reload();
};

const connection: OptionsPageProps['connection'] = {
  onSave: (details) => ask({ type: 'saveConnection', ...details }),
  onTest: (details) => ask({ type: 'testConnection', ...details }),
  requestAccess: (origins) => browser.permissions.request({ origins }),
};

render(<OptionsPage load={loadSettings} save={save} connection={connection} />, document.getElementById('app')!);
