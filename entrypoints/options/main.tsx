import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { loadLanguage } from '../../lib/i18n';
import { loadSettings, saveSettings } from '../../lib/settings';
import './style.css';

const loaded = await loadSettings();
await loadLanguage(loaded.settings.language);
document.documentElement.lang = loaded.settings.language === 'auto' ? navigator.language : loaded.settings.language;

const load = async () => loaded;
const save = async (settings: Parameters<typeof saveSettings>[0]) => {
  await saveSettings(settings);
  if (settings.language !== loaded.settings.language) location.reload();
};

render(<OptionsPage load={load} save={save} />, document.getElementById('app')!);
