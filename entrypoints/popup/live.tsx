// The popup's live view: the database (Dexie) and the settings (parsed with zod) load here, after
// the first paint, and take over the page from it.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupProps } from '../../components/Popup';
import { LeadLensDb } from '../../lib/cache/db';
import { FIRST_SCREEN, type FirstScreen } from '../../lib/cache/first-screen';
import { chosenLanguage, loadLanguage, t, uiLocale } from '../../lib/ui/i18n';
import { countPending, pendingHandoffs } from '../../lib/cache/queue';
import { loadSettings, saveSettings } from '../../lib/cache/settings';

export async function startLivePopup(root: HTMLElement, first: FirstScreen | null, actions: Pick<PopupProps, 'syncNow' | 'act' | 'openOptions'>): Promise<void> {
  const db = new LeadLensDb();
  const { settings: initial } = await loadSettings();
  if ((initial.language === 'auto' ? null : initial.language) !== chosenLanguage()) await loadLanguage(initial.language);
  document.title = t('extName');
  document.documentElement.lang = uiLocale();
  // Without a first paint (no cache yet, odd stored settings), the top of the queue is read here, still before the first render.
  const initialQueue =
    first ??
    (await Promise.all([pendingHandoffs(db, initial.repEmail, FIRST_SCREEN), countPending(db, initial.repEmail)]).then(
      ([entries, total]) => ({ entries, total }),
      () => undefined, // the live query says what went wrong
    ));
  const settings = async () => (await loadSettings()).settings;
  // The permission prompt needs the click that asked for it: request first, then save.
  const enableReminders: PopupProps['enableReminders'] = async () => {
    if (!(await browser.permissions.request({ permissions: ['notifications'] }))) return false;
    const current = await settings();
    await saveSettings({ ...current, reminders: { ...current.reminders, enabled: true } });
    return true;
  };
  render(
    <Popup
      db={db}
      settings={initial}
      initialQueue={initialQueue}
      loadSettings={settings}
      {...actions}
      enableReminders={enableReminders}
    />,
    root,
  );
  root.dataset.view = 'live';
}
