// The popup opens in two steps. First paint: the top of the queue as the background last worked it
// out, one read of plain IndexedDB, drawn with nothing heavier than Preact and the business
// calendar, so that it shows at once. Then the live view (live.tsx) loads the database library and
// the settings schema, reads the queue itself and takes over.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView, type OptionsSection } from '../../components/PopupView';
import { ask } from '../../lib/messaging/client';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { openCache, readFirstScreen, usableSettings, type FirstScreen } from '../../lib/cache/first-screen';
import { loadLanguage, t, uiLocale } from '../../lib/ui/i18n';
import type { HandoffAction } from '../../lib/domain/model';
import '../../components/palette.css';
import './style.css';

const root = document.getElementById('app')!;
/** What the rep's clicks ask of the browser and the background, the same in the first paint and the live view. */
const actions = {
  syncNow: () => ask({ type: 'syncNow' }),
  act: async (handoffId: string, action: HandoffAction, reasonCode?: string) => void (await ask({ type: 'handoffAction', handoffId, action, reasonCode })),
  // A section of the options needs its address; the options page itself opens the browser's way.
  openOptions: (section?: OptionsSection) =>
    void (section ? browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) }) : browser.runtime.openOptionsPage()).then(() => window.close()),
};

async function firstPaint(): Promise<FirstScreen | null> {
  const cache = openCache(); // while the settings are read
  const settings = usableSettings((await browser.storage.local.get('settings')).settings, DEFAULT_SETTINGS);
  if (!settings) {
    void cache.then((db) => db?.close());
    return null;
  }
  await loadLanguage(settings.language);
  document.title = t('extName');
  document.documentElement.lang = uiLocale();
  const first = await readFirstScreen(cache, settings.repEmail);
  if (!first) return null;
  render(
    <PopupView
      settings={settings}
      entries={first.entries}
      total={first.total}
      sync={first.sync}
      dead={[]}
      now={Date.now()}
      {...actions}
      onEnableReminders={() => undefined}
    />,
    root,
  );
  root.dataset.view = 'first';
  return first;
}

// Whatever the first paint meets (a database of an older version, settings it cannot draw with), the live view copes.
const first = await firstPaint().catch(() => null);
// The live view's script loads once the first paint is on screen, not in its way.
if (first) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const { startLivePopup } = await import('./live');
await startLivePopup(root, first, actions);
