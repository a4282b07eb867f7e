import { render } from 'preact';
import { Popup, type PopupProps } from '../../components/Popup';
import { ask } from '../../lib/client';
import { LeadLensDb } from '../../lib/db';
import { loadLanguage } from '../../lib/i18n';
import { loadSettings } from '../../lib/settings';
import './style.css';

const db = new LeadLensDb();
await loadLanguage((await loadSettings()).settings.language);
const settings = async () => (await loadSettings()).settings;
const syncNow = () => ask({ type: 'syncNow' });
const act: PopupProps['act'] = async (handoffId, action, reasonCode) => {
  await ask({ type: 'handoffAction', handoffId, action, reasonCode });
};

render(<Popup db={db} loadSettings={settings} syncNow={syncNow} act={act} />, document.getElementById('app')!);
