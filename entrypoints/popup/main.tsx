import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { LeadLensDb } from '../../lib/db';
import { loadSettings } from '../../lib/settings';
import './style.css';

const db = new LeadLensDb();
const settings = async () => (await loadSettings()).settings;
const syncNow = () => browser.runtime.sendMessage({ type: 'syncNow' });

render(<Popup db={db} loadSettings={settings} syncNow={syncNow} />, document.getElementById('app')!);
