// API tokens live in the extension's own IndexedDB, which only the background and extension pages
// can open: unlike extension storage, no content script can read them.
import type { LeadLensDb } from './db';

const key = (sourceKind: string) => `credential:${sourceKind}`;

export async function saveToken(db: LeadLensDb, sourceKind: string, token: string): Promise<void> {
  await db.setMeta(key(sourceKind), token);
}

export async function loadToken(db: LeadLensDb, sourceKind: string): Promise<string | undefined> {
  return db.getMeta<string>(key(sourceKind));
}
