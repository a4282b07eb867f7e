// A connection's saved token goes to the base URL it was saved with and nowhere else. The base URL
// in the settings lives in extension storage, which a content script can reach; the token and the
// URL it belongs to live in the extension's IndexedDB, which it cannot (credentials.ts).
import { loadToken, saveToken } from '../cache/credentials';
import type { LeadLensDb } from '../cache/db';
import type { Settings } from '../domain/settings-schema';
import { DEFAULT_BASE_URLS, SourceError } from '../sources/source';

type Connection = Pick<Settings['source'], 'kind' | 'baseUrl'>;

/** Where a connection's requests go: its base URL, or its source's usual one, without a trailing slash. */
export function hostOf({ kind, baseUrl }: Connection): string {
  return (baseUrl ?? DEFAULT_BASE_URLS[kind] ?? '').replace(/\/+$/, '');
}

export async function keepToken(db: LeadLensDb, connection: Connection, token: string): Promise<void> {
  await saveToken(db, connection.kind, token, hostOf(connection));
}

/**
 * The saved token for this connection; undefined when none was saved. Throws, sending nothing,
 * when the token was saved for another base URL.
 */
export async function savedTokenFor(db: LeadLensDb, connection: Connection): Promise<string | undefined> {
  const saved = await loadToken(db, connection.kind);
  if (!saved) return undefined;
  const host = hostOf(connection);
  if (saved.baseUrl === undefined) {
    throw new SourceError(`The saved token was kept without the address it belongs to: LeadLens sends it nowhere. Enter the token for ${host} again.`, 'token_elsewhere');
  }
  if (saved.baseUrl !== host) {
    throw new SourceError(`The saved token belongs to ${saved.baseUrl}: LeadLens sends it nowhere else. Enter the token for ${host}.`, 'token_elsewhere');
  }
  return saved.token;
}

/**
 * A token saved by a version that kept no base URL is bound to the connection's base URL when the
 * extension is updated or the browser starts: the first moment this version runs, before any sync
 * could send it. Until then it is sent nowhere (savedTokenFor).
 */
export async function bindLegacyToken(db: LeadLensDb, connection: Connection): Promise<void> {
  const saved = await loadToken(db, connection.kind);
  if (saved && saved.baseUrl === undefined) await keepToken(db, connection, saved.token);
}

/** Whether the connection has a saved token it may use. */
export async function hasUsableToken(db: LeadLensDb, connection: Connection): Promise<boolean> {
  return savedTokenFor(db, connection).then(
    (token) => token !== undefined,
    () => false,
  );
}
