// The requests only the extension's own pages may make (the router refuses them to content
// scripts): a sync now, and saving or testing a connection, which is where tokens come in.
import type { LeadLensDb } from '../cache/db';
import type { SaveResult } from '../cache/settings';
import type { Settings } from '../domain/settings-schema';
import type { ExtensionPageHandlers, ParsedRequest } from '../messaging/messages';
import type { SourceFor } from './caches';
import { makeQueuedDue, NOT_BEFORE_KEY } from './outbox';
import type { SyncInTurn } from './schedules';
import { hasUsableToken, keepToken } from './tokens';

export interface ExtensionPageDeps {
  db: LeadLensDb;
  loadSettings: () => Promise<Settings>;
  saveSettings: (settings: Settings) => Promise<SaveResult | void>;
  /** The Lead Context API token the organisation's policy gives this connection, if any. */
  policyToken?: (source: Settings['source']) => Promise<string | undefined>;
  now: () => number;
  sourceFor: SourceFor;
  syncs: SyncInTurn;
  deliverOutbox: () => Promise<void>;
}

/** A connection as the options page gives it, with the token typed in, if any. */
type ConnectionRequest = Omit<Extract<ParsedRequest, { type: 'saveConnection' }>, 'type'>;

export function extensionPageHandlers(deps: ExtensionPageDeps): ExtensionPageHandlers {
  return {
    syncNow: () => deps.syncs.sync(),
    saveConnection: (request) => saveConnection(deps, request),
    async testConnection({ token, ...connection }) {
      const settings = await deps.loadSettings();
      try {
        // Without a token typed in, the saved one, and only for the base URL it was saved with.
        const source = await deps.sourceFor(withConnection(settings, connection), token);
        await source.changes(null, 1);
        return { ok: true, message: 'Connected.' };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

async function saveConnection(deps: ExtensionPageDeps, { token, ...connection }: ConnectionRequest): Promise<{ tokenSaved: boolean }> {
  const { db, now } = deps;
  const settings = withConnection(await deps.loadSettings(), connection);
  const saved = await deps.saveSettings(settings);
  // A connection the organisation's policy sets stays: a token typed for another would be kept for nothing.
  if (saved?.ignored.includes('source')) {
    throw new Error('The connection is set by your organisation: LeadLens keeps it. Ask your IT to change it.');
  }
  if (token) await keepToken(db, settings.source, token);
  // Writes that waited on the old connection go out now, not after their backoff.
  await db.setMeta(NOT_BEFORE_KEY, 0);
  await makeQueuedDue(db, now());
  void deps.syncs.syncAfresh();
  void deps.deliverOutbox();
  const fromPolicy = (await deps.policyToken?.(settings.source)) !== undefined;
  return { tokenSaved: !!token || fromPolicy || (await hasUsableToken(db, settings.source)) };
}

function withConnection(settings: Settings, { kind, baseUrl, clientId, activityTypeId, marketoFields }: Omit<ConnectionRequest, 'token'>): Settings {
  return { ...settings, source: { ...settings.source, kind, baseUrl, clientId, activityTypeId, marketoFields } };
}
