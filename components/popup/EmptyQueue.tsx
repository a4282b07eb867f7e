// An empty list says why: nothing synced yet, a sync under way, the filter or the search hiding
// what there is, or no handoff for the rep's address (which may be the wrong one).
import { t } from '../../lib/ui/i18n';
import type { SyncState } from '../../lib/cache/db-name';

export interface EmptyQueueProps {
  /** Open handoffs before the filter and the search. */
  total: number;
  search: string;
  sync: SyncState | null | undefined;
  repEmail: string;
  onShowAll: () => void;
  onClearSearch: () => void;
  onChangeEmail: () => void;
}

export function EmptyQueue({ total, search, sync, repEmail, onShowAll, onClearSearch, onChangeEmail }: EmptyQueueProps) {
  if (total > 0 && search.trim()) {
    return (
      <div class="queue-empty">
        <p>{t('emptySearch', search.trim())}</p>
        <button type="button" class="link" onClick={onClearSearch}>
          {t('clearSearch')}
        </button>
      </div>
    );
  }
  if (total > 0) {
    return (
      <div class="queue-empty">
        <p>{t('emptyFiltered', total)}</p>
        <button type="button" class="link" onClick={onShowAll}>
          {t('showAll', total)}
        </button>
      </div>
    );
  }
  if (sync === undefined) return null; // not read yet
  if (sync?.status === 'syncing') return <p class="queue-empty">{t('emptySyncing')}</p>;
  if (!sync || !sync.lastSuccessAt) return <p class="queue-empty">{t('emptyNotSynced')}</p>;
  return (
    <div class="queue-empty">
      <p>{t('emptyNoneFor', repEmail)}</p>
      <a
        href="/options.html#rep-email"
        target="_blank"
        onClick={(event) => {
          event.preventDefault();
          onChangeEmail();
        }}
      >
        {t('emptyChangeEmail')}
      </a>
    </div>
  );
}
