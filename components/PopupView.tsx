// The toolbar popup as it looks: sync state, undelivered writes, the search and filter, and the
// rep's queue. It reads nothing itself: Popup.tsx feeds it live from the cache, and the popup's
// first paint feeds it the top of the queue read raw, before the database library has even loaded
// (entrypoints/popup). What the rep does here (the filter, the search, actions held for Undo) is
// its own state, the same in both.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorDetail } from './ErrorDetail';
import { describeError } from '../lib/ui/errors';
import { t, uiLocale } from '../lib/ui/i18n';
import type { HandoffAction, OutboxItem } from '../lib/domain/model';
import type { Settings } from '../lib/domain/settings-schema';
import type { QueueEntry } from '../lib/cache/queue';
import type { SyncState } from '../lib/cache/db-name';
import { createBusinessClock } from '../lib/time/sla';
import { HandoffQueue } from './HandoffQueue';
import { DemoNote } from './popup/DemoNote';
import { HELD_LABELS } from './popup/HandoffRow';
import { EmptyQueue } from './popup/EmptyQueue';
import { QueueTools, SkipLink } from './popup/QueueTools';
import { rowsOf, visibleRows, type QueueFilter, type QueueRow } from './popup/queue-rows';
import { SyncLine } from './popup/SyncLine';
import { useHeldActions, type Act } from './popup/use-held-actions';

export { FIRST_SCREEN } from '../lib/cache/first-screen';

/** Where in the options a link from the popup leads. */
export type OptionsSection = 'connection' | 'rep-email';

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
  syncNow: () => Promise<unknown>;
  act: Act;
  onEnableReminders: () => void;
  /** Opens the options page, at a section when given. */
  openOptions: (section?: OptionsSection) => void;
  countTouches?: (email: string) => Promise<number>;
}

export function PopupView(props: PopupViewProps) {
  const { settings, entries, total, sync, dead, now } = props;
  const { filter, setFilter, search, setSearch, announcement, held, undo, rows, shown, onAction } = usePopupQueue(props);
  const tools = useRef<HTMLDivElement>(null);
  const focusIn = (selector: string) => tools.current?.querySelector<HTMLElement>(selector)?.focus();

  return (
    <div class="popup">
      <PopupHeader settings={settings} sync={sync} now={now} syncNow={props.syncNow} openOptions={props.openOptions} />
      <main class="queue-section" aria-labelledby="queue-title">
        {dead.length > 0 && <Undelivered items={dead} />}
        <h2 id="queue-title">
          {t('pendingHandoffs')}
          {total !== null && total > 0 && <span class="queue-count"> {new Intl.NumberFormat(uiLocale()).format(total)}</span>}
        </h2>
        {/* Nothing to search or filter in an empty queue. */}
        <div ref={tools}>{rows.length > 0 && <QueueTools filter={filter} onFilter={setFilter} search={search} onSearch={setSearch} />}</div>
        {props.queueError && (
          <div role="alert">
            <p>{t('errorDatabase')}</p>
            <ErrorDetail detail={props.queueError} />
          </div>
        )}
        {shown.length > 0 && <SkipLink to="popup-end" />}
        {entries && shown.length > 0 && (
          <HandoffQueue rows={shown} held={held} reasons={settings.feedbackReasons} onAction={onAction} onUndo={undo} countTouches={props.countTouches} />
        )}
        {entries && shown.length === 0 && (
          <EmptyQueue
            total={rows.length}
            search={search}
            sync={sync}
            repEmail={settings.repEmail}
            onShowAll={() => {
              setFilter('all');
              focusIn('input[value="all"]');
            }}
            onClearSearch={() => {
              setSearch('');
              focusIn('input[type="search"]');
            }}
            onChangeEmail={() => props.openOptions('rep-email')}
          />
        )}
        <div class="visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </main>
      <PopupFooter reminders={settings.reminders.enabled} onEnableReminders={props.onEnableReminders} openOptions={() => props.openOptions()} />
    </div>
  );
}

/** The rows the rep sees, by the filter and search, and the actions held for Undo. */
function usePopupQueue({ settings, entries, now, act }: PopupViewProps) {
  const [filter, setFilter] = useState<QueueFilter>('all');
  const [search, setSearch] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const { held, hold, undo, settle } = useHeldActions(act);
  const clock = useMemo(() => createBusinessClock(settings.calendar), [settings.calendar]);
  const rows = useMemo(() => (entries ? rowsOf(entries, clock, settings.slaPolicy, now) : []), [entries, clock, settings.slaPolicy, now]);
  const shown = useMemo(() => visibleRows(rows, filter, search), [rows, filter, search]);
  useEffect(() => settle(entries ?? []), [entries]);

  const onAction = (row: QueueRow, action: HandoffAction, reasonCode?: string) => {
    hold(row.handoff.id, row.handoff.status, action, reasonCode);
    setAnnouncement(t('heldAnnounce', t(HELD_LABELS[action]), row.lead?.name ?? row.handoff.email));
  };
  return { filter, setFilter, search, setSearch, announcement, held, undo, rows, shown, onAction };
}

type PopupHeaderProps = Pick<PopupViewProps, 'settings' | 'sync' | 'now' | 'syncNow' | 'openOptions'>;

/** The title, the demo note until a marketing system is connected, and the sync state. */
function PopupHeader({ settings, sync, now, syncNow, openOptions }: PopupHeaderProps) {
  // The first paint checks the stored settings only for what the queue needs: a source may be missing.
  const demo = settings.source?.kind === 'demo';
  return (
    <header class="popup-header">
      <div class="title-row">
        <h1>LeadLens</h1>
        {demo && <DemoNote onConnect={() => openOptions('connection')} />}
      </div>
      <SyncLine state={sync} now={now} onSync={syncNow} />
    </header>
  );
}

/** Below the list, where the skip link lands: reminders until they are on, and the options. */
function PopupFooter({ reminders, onEnableReminders, openOptions }: { reminders: boolean; onEnableReminders: () => void; openOptions: () => void }) {
  return (
    <footer class="popup-footer" id="popup-end" tabIndex={-1}>
      {!reminders && (
        <button type="button" class="link" onClick={onEnableReminders}>
          {t('turnOnReminders')}
        </button>
      )}
      <button type="button" class="link" onClick={openOptions}>
        {t('openOptions')}
      </button>
    </footer>
  );
}

/** Writes marketing refused for good: never dropped silently, shown here with why, in the rep's language. */
function Undelivered({ items }: { items: OutboxItem[] }) {
  return (
    <section class="undelivered" role="alert">
      <p>{t('undelivered', items.length)}</p>
      <ul>
        {items.map((item) => {
          const why = describeError(item.lastErrorCode, item.lastError ?? '');
          return (
            <li key={item.id}>
              <bdi>{item.payload.kind === 'feedback' ? item.payload.email : item.payload.handoffId}</bdi>: {why.text}
              <ErrorDetail detail={why.detail} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
