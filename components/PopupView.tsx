// The toolbar popup as it looks: sync state, undelivered writes and the rep's queue. It reads
// nothing itself: Popup.tsx feeds it live from the cache, and the popup's first paint feeds it the
// top of the queue read raw, before the database library has even loaded (entrypoints/popup).
import { formatAge } from '../lib/ui/format';
import { t, uiLocale } from '../lib/ui/i18n';
import type { HandoffAction, OutboxItem } from '../lib/domain/model';
import type { Settings } from '../lib/domain/settings-schema';
import type { QueueEntry } from '../lib/cache/queue';
import type { SyncState } from '../lib/cache/db-name';
import { HandoffQueue, type QueueFilter } from './HandoffQueue';

export { FIRST_SCREEN } from '../lib/cache/first-screen';

const FILTERS: { value: QueueFilter; label: 'filterAll' | 'filterOverdue' | 'filterDueToday' }[] = [
  { value: 'all', label: 'filterAll' },
  { value: 'overdue', label: 'filterOverdue' },
  { value: 'due_today', label: 'filterDueToday' },
];

export interface PopupViewProps {
  settings: Settings;
  /** Null while the queue is being read. */
  entries: QueueEntry[] | null;
  total: number | null;
  queueError?: string;
  /** Undefined until read; null when there has been no sync. */
  sync: SyncState | null | undefined;
  dead: OutboxItem[];
  now: number;
  filter: QueueFilter;
  onFilter: (filter: QueueFilter) => void;
  syncNow: () => Promise<unknown>;
  act: (handoffId: string, action: HandoffAction, reasonCode?: string) => Promise<void>;
  onEnableReminders: () => void;
}

export function PopupView(props: PopupViewProps) {
  const { settings, entries, total, sync, dead, now, filter } = props;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>LeadLens</h1>
        <SyncLine state={sync} now={now} onSync={props.syncNow} />
      </header>
      {dead.length > 0 && <Undelivered items={dead} />}
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t('pendingHandoffs')}
          {total !== null && total > 0 && <span class="queue-count"> {new Intl.NumberFormat(uiLocale()).format(total)}</span>}
        </h2>
        <div class="filters" role="radiogroup" aria-label={t('filterLabel')}>
          {FILTERS.map(({ value, label }) => (
            <label key={value}>
              <input type="radio" name="filter" checked={filter === value} onChange={() => props.onFilter(value)} /> {t(label)}
            </label>
          ))}
        </div>
        {props.queueError && <p role="alert">{t('cacheUnreadable', props.queueError)}</p>}
        {entries && (
          <HandoffQueue
            entries={entries}
            calendar={settings.calendar}
            policy={settings.slaPolicy}
            now={now}
            filter={filter}
            reasons={settings.feedbackReasons}
            onAction={props.act}
          />
        )}
      </section>
      {!settings.reminders.enabled && (
        <footer class="popup-footer">
          <button type="button" class="link" onClick={props.onEnableReminders}>
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

function SyncLine({ state, now, onSync }: { state: SyncState | null | undefined; now: number; onSync: () => Promise<unknown> }) {
  const text =
    state === undefined
      ? '' // not read yet: say nothing rather than something untrue
      : !state
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
      <span>
        {text}
        {!!state?.quarantined && <span class="set-aside"> · {t('setAsideShort', state.quarantined)}</span>}
      </span>
      <button type="button" onClick={() => void onSync()} disabled={state?.status === 'syncing'}>
        {t('syncNow')}
      </button>
    </p>
  );
}
