// The first-run page, opened by the background when LeadLens is installed (components/welcome).
import { render } from 'preact';
import { WelcomePage } from '../../components/welcome/WelcomePage';
import { loadLanguage, t, uiLocale } from '../../lib/ui/i18n';
import { loadSettings, saveSettings } from '../../lib/cache/settings';
import '../../components/palette.css';
import './style.css';

const { settings } = await loadSettings();
await loadLanguage(settings.language);
document.documentElement.lang = uiLocale();
document.title = t('welcomeTitle');

/** Saved over what is stored now, not over what the page opened with: the options may have changed since. */
async function saveEmail(repEmail: string) {
  const { settings: current } = await loadSettings();
  await saveSettings({ ...current, repEmail });
}

render(<WelcomePage repEmail={settings.repEmail} demo={settings.source.kind === 'demo'} saveEmail={saveEmail} />, document.getElementById('app')!);
