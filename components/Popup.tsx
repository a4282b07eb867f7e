// The toolbar popup, live: the rep's queue, the sync state and undelivered writes read from the
// cache and redrawn whenever they change there. What it looks like is PopupView.tsx.
import { useEffect, useState } from 'preact/hooks';
import type { LeadLensDb } from '../lib/cache/db';
import type { FirstScreen } from '../lib/cache/first-screen';
import type { Settings } from '../lib/domain/settings-schema';
import { deadItems } from '../lib/background/outbox';
import { countPending, countTouches, pendingHandoffs } from '../lib/cache/queue';
import { SYNC_STATE_KEY, type SyncState } from '../lib/cache/db-name';
import { FIRST_SCREEN, PopupView, type PopupViewProps } from './PopupView';
import { useLiveQuery, useNow } from './use-live-query';

export { FIRST_SCREEN };

export interface PopupProps extends Pick<PopupViewProps, 'syncNow' | 'act' | 'openOptions'> {
  db: LeadLensDb;
  /** The settings as the popup opened; loadSettings reads them again after a change made here. */
  settings: Settings;
  loadSettings: () => Promise<Settings>;
  /** Asks for notifications and turns reminders on; false when the rep said no. */
  enableReminders: () => Promise<boolean>;
  /** The top of the queue and its length (and the sync state, when the first paint had it), read before the first render so that it shows the rows at once. */
  initialQueue?: FirstScreen;
}

export function Popup({ db, settings: initialSettings, loadSettings, syncNow, act, openOptions, enableReminders, initialQueue }: PopupProps) {
  const [settings, setSettings] = useState<Settings>(initialSettings);
  const now = useNow(30_000);
  const repEmail = settings.repEmail;
  // A long queue opens with its top at once; the whole of it is read once that is on screen.
  const [limit, setLimit] = useState(FIRST_SCREEN);
  const queue = useLiveQuery(() => pendingHandoffs(db, repEmail, limit), [db, repEmail, limit], initialQueue && { value: initialQueue.entries });
  const total = useLiveQuery(() => countPending(db, repEmail), [db, repEmail], initialQueue && { value: initialQueue.total });
  const showing = queue.status === 'ready' ? queue.value.length : 0;
  useEffect(() => {
    if (showing < limit) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setLimit(Infinity)));
    return () => cancelAnimationFrame(frame);
  }, [showing, limit]);
  const firstSync = initialQueue?.sync;
  const sync = useLiveQuery(async () => (await db.getMeta<SyncState>(SYNC_STATE_KEY)) ?? null, [db], firstSync !== undefined ? { value: firstSync } : undefined);
  const dead = useLiveQuery(() => deadItems(db), [db]);

  return (
    <PopupView
      settings={settings}
      entries={queue.status === 'ready' ? queue.value : null}
      total={total.status === 'ready' ? total.value : null}
      queueError={queue.status === 'error' ? queue.error : undefined}
      sync={sync.status === 'ready' ? sync.value : undefined}
      dead={dead.status === 'ready' ? dead.value : []}
      now={now}
      syncNow={syncNow}
      act={act}
      openOptions={openOptions}
      countTouches={(email) => countTouches(db, email)}
      onEnableReminders={async () => void ((await enableReminders()) && setSettings(await loadSettings()))}
    />
  );
}
