// The popup's sync line: how fresh the queue is, and Sync now. The button stays focusable while a
// sync runs (aria-disabled, not disabled), so pressing it never drops focus to the page.
import { describeError } from '../../lib/ui/errors';
import { formatAge } from '../../lib/ui/format';
import { ErrorDetail } from '../ErrorDetail';
import { t } from '../../lib/ui/i18n';
import type { SyncState } from '../../lib/cache/db-name';

export function syncText(state: SyncState | null | undefined, now: number): string {
  if (state === undefined) return ''; // not read yet: say nothing rather than something untrue
  if (!state) return t('notSyncedYet');
  if (state.status === 'syncing') return t('syncing', state.recordsSynced);
  if (state.status === 'error') return t('syncFailed', describeError(state.errorCode, state.error ?? '').text);
  return state.lastSuccessAt ? t('updatedAgo', formatAge(now - state.lastSuccessAt)) : t('notSyncedYet');
}

export function SyncLine({ state, now, onSync }: { state: SyncState | null | undefined; now: number; onSync: () => Promise<unknown> }) {
  const syncing = state?.status === 'syncing';
  const failure = state?.status === 'error' ? describeError(state.errorCode, state.error ?? '').detail : '';
  return (
    <>
      <p class="sync-line" role={state?.status === 'error' ? 'alert' : 'status'}>
        <span>
          {syncText(state, now)}
          {!!state?.quarantined && <span class="set-aside"> · {t('setAsideShort', state.quarantined)}</span>}
        </span>
        <button type="button" aria-disabled={syncing} onClick={() => void (syncing || onSync().catch(() => undefined))}>
          {t('syncNow')}
        </button>
      </p>
      <ErrorDetail detail={failure} />
    </>
  );
}
