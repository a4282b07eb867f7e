import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { LeadLensDb } from '../../lib/db';
import { loadLanguage } from '../../lib/i18n';
import { loadSettings } from '../../lib/settings';
import './style.css';

const db = new LeadLensDb();
await loadLanguage((await loadSettings()).settings.language);
const settings = async () => (await loadSettings()).settings;
const syncNow = () => browser.runtime.sendMessage({ type: 'syncNow' });

render(<Popup db={db} loadSettings={settings} syncNow={syncNow} />, document.getElementById('app')!);
