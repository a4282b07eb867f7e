// The toolbar popup: sync state and the rep's queue, read straight from the cache so it opens at once.
import { DateTime } from 'luxon';
import { useEffect, useState } from 'preact/hooks';
import type { LeadLensDb } from '../lib/db';
import type { HandoffAction, OutboxItem, Settings } from '../lib/model';
import { deadItems } from '../lib/outbox';
import { countPending, pendingHandoffs, type QueueEntry } from '../lib/queue';
import { SYNC_STATE_KEY, type SyncState } from '../lib/sync';
import { formatAge } from '../lib/format';
import { t, uiLocale } from '../lib/i18n';
import { HandoffQueue, type QueueFilter } from './HandoffQueue';
import { useLiveQuery, useNow } from './use-live-query';

export interface PopupProps {
  db: LeadLensDb;
  /** The settings as the popup opened; loadSettings reads them again after a change made here. */
  settings: Settings;
  loadSettings: () => Promise<Settings>;
  syncNow: () => Promise<unknown>;
  act: (handoffId: string, action: HandoffAction, reasonCode?: string) => Promise<void>;
  /** Asks for notifications and turns reminders on; false when the rep said no. */
  enableReminders: () => Promise<boolean>;
  /** The top of the queue and its length, read before the first render so that it shows the rows at once. */
  initialQueue?: { entries: QueueEntry[]; total: number };
}

/** Rows drawn at first: more than a popup shows. The rest follow once they are on screen. */
export const FIRST_SCREEN = 30;

const FILTERS: { value: QueueFilter; label: 'filterAll' | 'filterOverdue' | 'filterDueToday' }[] = [
  { value: 'all', label: 'filterAll' },
  { value: 'overdue', label: 'filterOverdue' },
  { value: 'due_today', label: 'filterDueToday' },
];

export function Popup({ db, settings: initialSettings, loadSettings, syncNow, act, enableReminders, initialQueue }: PopupProps) {
  const [settings, setSettings] = useState<Settings>(initialSettings);
  const [filter, setFilter] = useState<QueueFilter>('all');
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
  const sync = useLiveQuery(() => db.getMeta<SyncState>(SYNC_STATE_KEY), [db]);
  const dead = useLiveQuery(() => deadItems(db), [db]);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>LeadLens</h1>
        <SyncLine state={sync.status === 'ready' ? sync.value : undefined} now={now} onSync={syncNow} />
      </header>
      {dead.status === 'ready' && dead.value.length > 0 && <Undelivered items={dead.value} />}
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t('pendingHandoffs')}
          {total.status === 'ready' && total.value > 0 && <span class="queue-count"> {new Intl.NumberFormat(uiLocale()).format(total.value)}</span>}
        </h2>
        <div class="filters" role="radiogroup" aria-label={t('filterLabel')}>
          {FILTERS.map(({ value, label }) => (
            <label key={value}>
              <input type="radio" name="filter" checked={filter === value} onChange={() => setFilter(value)} /> {t(label)}
            </label>
          ))}
        </div>
        {queue.status === 'error' && <p role="alert">{t('cacheUnreadable', queue.error)}</p>}
        {queue.status === 'ready' && (
          <HandoffQueue
            entries={queue.value}
            calendar={settings.calendar}
            policy={settings.slaPolicy}
            now={now}
            filter={filter}
            endOfToday={DateTime.fromMillis(now, { zone: settings.calendar.timeZone }).endOf('day').toMillis()}
            reasons={settings.feedbackReasons}
            onAction={act}
          />
        )}
      </section>
      {!settings.reminders.enabled && (
        <footer class="popup-footer">
          <button type="button" class="link" onClick={async () => (await enableReminders()) && setSettings(await loadSettings())}>
            {t('turnOnReminders')}
          </button>
        </footer>
      )}
    </main>
  );
}

/** Writes marketing refused for good: never dropped silently, shown here with why. */
function Undelivered({ items }: { items: OutboxItem[] }) {
  return (
    <section class="undelivered" role="alert">
      <p>{t('undelivered', items.length)}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            {item.payload.kind === 'feedback' ? item.payload.email : item.payload.handoffId}: {item.lastError}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SyncLine({ state, now, onSync }: { state?: SyncState; now: number; onSync: () => Promise<unknown> }) {
  const text = !state
    ? t('notSyncedYet')
    : state.status === 'syncing'
      ? t('syncing', state.recordsSynced)
      : state.status === 'error'
        ? t('syncFailed', state.error ?? '')
        : state.lastSuccessAt
          ? t('updatedAgo', formatAge(now - state.lastSuccessAt))
          : t('notSyncedYet');
  return (
    <p class="sync-line" role={state?.status === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      <button type="button" onClick={() => void onSync()} disabled={state?.status === 'syncing'}>
        {t('syncNow')}
      </button>
    </p>
  );
}
