// Test connection and the HubSpot property list, against stand-in sources: a source with a check of
// its own is judged by it (its problems and notes handed on one by one), any other by reading one
// page; the properties are read with the token typed, or the saved one for that base URL only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { extensionPageHandlers, type ExtensionPageDeps } from '../../../lib/background/extension-page-handlers';
import { LeadLensDb } from '../../../lib/cache/db';
import { saveToken } from '../../../lib/cache/credentials';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import type { Settings } from '../../../lib/domain/settings-schema';
import { sourceFor as registrySourceFor } from '../../../lib/sources';
import { connectionCheck, SourceError, type ChangesPage, type LeadSource } from '../../../lib/sources/source';
import { createSourceCache } from '../../../lib/background/caches';

const EMPTY_PAGE: ChangesPage = { leads: [], touches: [], handoffs: [], deleted: [], rejected: [], nextCursor: '', hasMore: false };

let db: LeadLensDb;
beforeEach(() => {
  db = new LeadLensDb(`handlers-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function handlers(sourceFor: ExtensionPageDeps['sourceFor'], settings: Settings = DEFAULT_SETTINGS) {
  return extensionPageHandlers({
    db,
    loadSettings: async () => settings,
    saveSettings: async () => ({ ignored: [] }),
    now: Date.now,
    sourceFor,
    syncs: { sync: vi.fn(), syncAfresh: vi.fn() } as unknown as ExtensionPageDeps['syncs'],
    deliverOutbox: async () => {},
  });
}

const request = { type: 'testConnection' as const, kind: 'hubspot' as const, token: 'pat-typed' };

describe('testConnection', () => {
  it("uses the source's own check, with its problems and notes, and reads no page", async () => {
    const changes = vi.fn(async () => EMPTY_PAGE);
    const check = vi.fn(async () => connectionCheck(['The HubSpot token lacks the scope crm.objects.owners.read.'], ['The score comes from hubspotscore.']));
    const built: Settings[] = [];
    const answer = await handlers(async (settings) => (built.push(settings), { id: 'hubspot', changes, deliver: vi.fn(), check }))
      .testConnection({ ...request, hubspotScoreProperty: 'lead_score', recentActivityDays: 14 }, {});
    expect(answer).toEqual({
      ok: false,
      message: 'The HubSpot token lacks the scope crm.objects.owners.read.',
      problems: ['The HubSpot token lacks the scope crm.objects.owners.read.'],
      notes: ['The score comes from hubspotscore.'],
    });
    expect(check).toHaveBeenCalledTimes(1);
    expect(changes).not.toHaveBeenCalled();
    // The source is built with the pickers' choices as typed, not only the saved ones.
    expect(built[0]!.source).toMatchObject({ kind: 'hubspot', hubspotScoreProperty: 'lead_score', recentActivityDays: 14 });
  });

  it('reads one page from a source without a check', async () => {
    const changes = vi.fn(async () => EMPTY_PAGE);
    const source: LeadSource = { id: 'http', changes, deliver: vi.fn() };
    expect(await handlers(async () => source).testConnection({ ...request, kind: 'http', baseUrl: 'https://leads.example.com' }, {})).toEqual({ ok: true, message: 'Connected.' });
    expect(changes).toHaveBeenCalledWith(null, 1);
  });
});

describe('listHubSpotProperties', () => {
  const hubspot = { ...DEFAULT_SETTINGS, source: { kind: 'hubspot' as const, demoSeed: 1 } };
  const sourceCache = () => createSourceCache(db, (settings, token) => registrySourceFor(settings, { now: Date.now, token }));

  it("answers the properties a HubSpot source lists, read with the token typed in", async () => {
    const numbers = [{ name: 'lead_score', label: 'Lead score', type: 'number' }];
    const dates = [{ name: 'mql_date', label: 'MQL date', type: 'date' }];
    const tokens: (string | undefined)[] = [];
    const answer = await handlers(async (_settings, token) => (tokens.push(token), { id: 'hubspot', changes: vi.fn(), deliver: vi.fn(), listProperties: async () => ({ numbers, dates }) }), hubspot)
      .listHubSpotProperties({ type: 'listHubSpotProperties', token: 'pat-typed' }, {});
    expect(answer).toEqual({ ok: true, numbers, dates });
    expect(tokens).toEqual(['pat-typed']);
  });

  it('sends a saved token only to the base URL it was saved with, and says why not, with its code', async () => {
    await saveToken(db, 'hubspot', 'pat-saved', 'https://api.hubapi.com');
    const answer = await handlers(sourceCache(), hubspot).listHubSpotProperties({ type: 'listHubSpotProperties', baseUrl: 'https://attacker.example.com' }, {});
    expect(answer).toEqual({
      ok: false,
      message: 'The saved token belongs to https://api.hubapi.com: LeadLens sends it nowhere else. Enter the token for https://attacker.example.com.',
      code: 'token_elsewhere',
    });
  });

  it('says what is missing without a token', async () => {
    const answer = await handlers(sourceCache(), hubspot).listHubSpotProperties({ type: 'listHubSpotProperties' }, {});
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/^Set the access token of your HubSpot/), code: 'not_configured' });
  });

  it("hands on HubSpot's refusal in its own words, with the code the options page words it by", async () => {
    const refused = new SourceError('HubSpot refused the access token (401 Unauthorized).', 'auth');
    const lister = (error: Error) => async () => ({ id: 'hubspot', changes: vi.fn(), deliver: vi.fn(), listProperties: () => Promise.reject(error) });
    const answer = await handlers(lister(refused), hubspot).listHubSpotProperties({ type: 'listHubSpotProperties', token: 'pat-typed' }, {});
    expect(answer).toEqual({ ok: false, message: 'HubSpot refused the access token (401 Unauthorized).', code: 'auth' });
    // A failure of no known kind carries no code: the page shows its own words.
    expect(await handlers(lister(new Error('boom')), hubspot).listHubSpotProperties({ type: 'listHubSpotProperties', token: 'pat-typed' }, {})).toEqual({ ok: false, message: 'boom' });
  });
});
