// The requests only the extension's own pages may make (the router refuses them to content scripts
// and to the card's page): a sync now, saving or testing a connection, which is where tokens come in,
// and the HubSpot properties the connection form offers, read with such a token.
import type { LeadLensDb } from '../cache/db';
import type { SaveResult } from '../cache/settings';
import type { Settings } from '../domain/settings-schema';
import type { ConnectionTestAnswer, ExtensionPageHandlers, HubSpotPropertiesAnswer, ParsedRequest } from '../messaging/messages';
import type { LeadSource } from '../sources/source';
import type { SourceFor } from './caches';
import { makeQueuedDue, NOT_BEFORE_KEY } from './outbox';
import type { SyncInTurn } from './schedules';
import { hasUsableToken, keepToken } from './tokens';
import { failureOf } from '../ui/errors';

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
    testConnection: (request) => testConnection(deps, request),
    listHubSpotProperties: (request) => listHubSpotProperties(deps, request),
  };
}

/** A source with a check of its own (HubSpot, Marketo) names each problem; any other is tested by reading one page. */
async function testConnection(deps: ExtensionPageDeps, { token, ...connection }: ConnectionRequest): Promise<ConnectionTestAnswer> {
  const settings = await deps.loadSettings();
  try {
    // Without a token typed in, the saved one, and only for the base URL it was saved with.
    const source = await deps.sourceFor(withConnection(settings, connection), token);
    if (!source.check) {
      await source.changes(null, 1);
      return { ok: true, message: 'Connected.' };
    }
    const { ok, message, problems, notes } = await source.check();
    return { ok, message, problems, notes };
  } catch (error) {
    return failure(error);
  }
}

/** HubSpot's contact properties, read as Test connection would read them: the typed token, or the saved one for its own base URL. */
async function listHubSpotProperties(deps: ExtensionPageDeps, { baseUrl, token }: { baseUrl?: string; token?: string }): Promise<HubSpotPropertiesAnswer> {
  const settings = await deps.loadSettings();
  try {
    const source: LeadSource & { listProperties?: HubSpotLister } = await deps.sourceFor(withConnection(settings, { ...settings.source, kind: 'hubspot', baseUrl }), token);
    if (!source.listProperties) return { ok: false, message: 'This source has no contact properties to choose from.' };
    return { ok: true, ...(await source.listProperties()) };
  } catch (error) {
    return failure(error);
  }
}

type HubSpotLister = () => Promise<Omit<Extract<HubSpotPropertiesAnswer, { ok: true }>, 'ok'>>;

/** A failure as the options page shows it: the code it says in the rep's language, the text as the detail. */
function failure(error: unknown): { ok: false; message: string; code?: string } {
  return { ok: false, ...failureOf(error) };
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

function withConnection(settings: Settings, connection: Omit<ConnectionRequest, 'token'>): Settings {
  const { kind, baseUrl, clientId, activityTypeId, marketoFields, hubspotScoreProperty, hubspotMqlDateProperty, recentActivityDays } = connection;
  return { ...settings, source: { ...settings.source, kind, baseUrl, clientId, activityTypeId, marketoFields, hubspotScoreProperty, hubspotMqlDateProperty, recentActivityDays } };
}
