// The options page's view of the sync: how the last one went (the error in words when it failed,
// so a refused token shows here without pressing Test connection), and the records it set aside
// with their reasons, which the admin can clear once read.
import { formatAge } from '../../lib/ui/format';
import { describeError } from '../../lib/ui/errors';
import { ErrorDetail } from '../ErrorDetail';
import { t, uiLocale } from '../../lib/ui/i18n';
import type { SyncStatus } from '../../lib/cache/sync-status';
import { describeRaw } from '../../lib/cache/sync-status';
import { useLiveQuery } from '../use-live-query';

export interface SyncStatusSectionProps {
  /** Read again whenever the sync state or the set-aside records change. */
  load: () => Promise<SyncStatus>;
  clear: () => Promise<void>;
  now: () => number;
}

export function SyncStatusSection({ load, clear, now }: SyncStatusSectionProps) {
  const result = useLiveQuery(load, [load]);
  if (result.status === 'loading') return null;
  if (result.status === 'error') return <ErrorLine code="database" detail={result.error} />;
  const { state, setAside, setAsideTotal } = result.value;
  return (
    <section class="sync-status" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">{t('syncStatusTitle')}</h2>
      {!state ? (
        <p>{t('notSyncedYet')}</p>
      ) : state.status === 'error' ? (
        <ErrorLine code={state.errorCode} detail={state.error ?? ''} wrap="syncFailed" />
      ) : (
        <p role="status">{state.lastSuccessAt ? t('updatedAgo', formatAge(now() - state.lastSuccessAt)) : t('syncing', state.recordsSynced)}</p>
      )}
      {setAsideTotal > 0 && (
        <>
          <p>{t('setAsideSummary', setAsideTotal)}</p>
          <ul class="set-aside">
            {setAside.map((record) => (
              <li key={record.id}>
                <time dateTime={new Date(record.at).toISOString()}>{new Date(record.at).toLocaleString(uiLocale())}</time>{' '}
                <strong>{record.kind}</strong>: <bdi>{record.reason}</bdi>
                <code>{describeRaw(record.raw)}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void clear()}>
            {t('clearSetAside')}
          </button>
        </>
      )}
    </section>
  );
}

/** A failure in the rep's words, the system's own under Details. */
function ErrorLine({ code, detail, wrap }: { code: string | undefined; detail: string; wrap?: 'syncFailed' }) {
  const described = describeError(code, detail);
  return (
    <div role="alert" class="error">
      <p>{wrap ? t(wrap, described.text) : described.text}</p>
      <ErrorDetail detail={described.detail} />
    </div>
  );
}
