// The cache's database name, on its own: the popup's first paint reads the database before Dexie loads.
export const DB_NAME = 'leadlens';
