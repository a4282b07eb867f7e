// API tokens live in the extension's own IndexedDB, which only the background and extension pages
// can open: unlike extension storage, no content script can read them. Each is kept with the base
// URL it was saved for, which settings in extension storage cannot move (the background sends it
// nowhere else).
import { z } from 'zod';
import type { LeadLensDb } from './db';

const key = (sourceKind: string) => `credential:${sourceKind}`;

export interface SavedToken {
  token: string;
  /** Where the token may be sent; absent for a token saved before base URLs were kept with tokens. */
  baseUrl?: string;
}

/** Earlier versions kept the bare token. */
const Stored = z.union([z.string().transform((token): SavedToken => ({ token })), z.object({ token: z.string(), baseUrl: z.string().optional() })]);

export async function saveToken(db: LeadLensDb, sourceKind: string, token: string, baseUrl: string): Promise<void> {
  await db.setMeta(key(sourceKind), { token, baseUrl } satisfies SavedToken);
}

/** The saved token and its base URL; undefined when there is none, or what is stored is not one. */
export async function loadToken(db: LeadLensDb, sourceKind: string): Promise<SavedToken | undefined> {
  const parsed = Stored.safeParse(await db.getMeta<unknown>(key(sourceKind)));
  return parsed.success ? parsed.data : undefined;
}
