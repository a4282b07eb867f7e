// The cache's database name and the meta row of the sync state (its key and its shape), on their own:
// the popup's first paint reads them before Dexie loads.
export const DB_NAME = 'leadlens';
export const SYNC_STATE_KEY = 'syncState';

/** How the last sync went, as the background stores it and the popup, options and cards show it. */
export interface SyncState {
  status: 'idle' | 'syncing' | 'error';
  sourceId: string;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** Records stored by the sync under way or the last one. */
  recordsSynced: number;
  quarantined: number;
  error?: string;
  /** What kind of failure `error` is (lib/ui/errors.ts), for the pages to say in the rep's language. */
  errorCode?: string;
}
