// The cache's database name and the meta row of the sync state, on their own: the popup's first paint
// reads them before Dexie loads.
export const DB_NAME = 'leadlens';
export const SYNC_STATE_KEY = 'syncState';
