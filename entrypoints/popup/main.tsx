import { render } from 'preact';
import { FIRST_SCREEN, Popup, type PopupProps } from '../../components/Popup';
import { ask } from '../../lib/client';
import { LeadLensDb } from '../../lib/db';
import { loadLanguage } from '../../lib/i18n';
import { browser } from 'wxt/browser';
import { countPending, pendingHandoffs } from '../../lib/queue';
import { loadSettings, saveSettings } from '../../lib/settings';
import './style.css';

const db = new LeadLensDb();
// The database opens while the settings are read, and the top of the queue is read before the first
// render, which then shows it: no empty frame, no wait for effects.
void db.open().catch(() => undefined); // a failure shows where the queue is read
const { settings: initial } = await loadSettings();
const [initialQueue] = await Promise.all([
  Promise.all([pendingHandoffs(db, initial.repEmail, FIRST_SCREEN), countPending(db, initial.repEmail)]).then(
    ([entries, total]) => ({ entries, total }),
    () => undefined, // the live query says what went wrong
  ),
  loadLanguage(initial.language),
]);
const settings = async () => (await loadSettings()).settings;
const syncNow = () => ask({ type: 'syncNow' });
const act: PopupProps['act'] = async (handoffId, action, reasonCode) => {
  await ask({ type: 'handoffAction', handoffId, action, reasonCode });
};

// The permission prompt needs the click that asked for it: request first, then save.
const enableReminders: PopupProps['enableReminders'] = async () => {
  if (!(await browser.permissions.request({ permissions: ['notifications'] }))) return false;
  const current = await settings();
  await saveSettings({ ...current, reminders: { ...current.reminders, enabled: true } });
  return true;
};

render(
  <Popup db={db} settings={initial} initialQueue={initialQueue} loadSettings={settings} syncNow={syncNow} act={act} enableReminders={enableReminders} />,
  document.getElementById('app')!,
);
