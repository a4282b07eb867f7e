import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadLensDb } from '../../../lib/cache/db';
import { browserPolicyReaders, MARKETING_POLICY_KEY, readPolicies, storeMarketingPolicy } from '../../../lib/cache/policy';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import type { Settings, SlaPolicy } from '../../../lib/domain/settings-schema';

const SIX_HOURS: SlaPolicy = { rules: [{ id: 'all', name: 'Six hours', match: {}, firstContactHours: 6, followUpHours: [] }], dueSoonMinutes: 120 };
const API = 'https://mw.example.com/leadlens';
const connected: Settings = { ...DEFAULT_SETTINGS, source: { kind: 'http', baseUrl: API, demoSeed: 1 } };

let db: LeadLensDb;
beforeEach(() => {
  db = new LeadLensDb(`policy-${Math.random()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

describe("the organisation's policy, from managed storage", () => {
  it('is read and parsed field by field, a bad field reported', async () => {
    await fakeBrowser.storage.managed.set({ slaPolicy: SIX_HOURS, language: 'fr' });
    const { layers, problems } = await readPolicies(browserPolicyReaders(db.name), DEFAULT_SETTINGS);
    expect(layers.managed).toEqual({ slaPolicy: SIX_HOURS });
    expect(problems).toEqual([expect.stringMatching(/^Your organisation's policy, language: /)]);
  });

  it('is simply absent where the browser has none to give (Firefox rejects the read)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readPolicies(browserPolicyReaders(db.name), DEFAULT_SETTINGS)).toEqual({ layers: { managed: {}, marketing: {} }, problems: [] });
  });
});

describe("the marketing system's policy, cached in the database", () => {
  it('applies, with when it was fetched, while LeadLens is connected to the system that gave it', async () => {
    await db.open();
    await storeMarketingPolicy(db, { connection: connected.source, fetchedAt: 1234, body: { slaPolicy: SIX_HOURS } });
    expect(await db.getMeta(MARKETING_POLICY_KEY)).toEqual({ connection: `http ${API}`, fetchedAt: 1234, body: { slaPolicy: SIX_HOURS } });

    const readers = browserPolicyReaders(db.name);
    expect(await readPolicies(readers, connected)).toEqual({ layers: { managed: {}, marketing: { slaPolicy: SIX_HOURS } }, problems: [], marketingFetchedAt: 1234 });
    // Connected elsewhere since: that system's agreement is not this one's.
    expect((await readPolicies(readers, DEFAULT_SETTINGS)).layers.marketing).toEqual({});
    expect((await readPolicies(readers, { ...connected, source: { ...connected.source, baseUrl: 'https://other.example.com' } })).layers.marketing).toEqual({});
  });

  it("follows the organisation's connection when its policy sets one", async () => {
    await db.open();
    await storeMarketingPolicy(db, { connection: connected.source, fetchedAt: 1, body: { slaPolicy: SIX_HOURS } });
    await fakeBrowser.storage.managed.set({ source: { kind: 'http', baseUrl: `${API}/` } });
    expect((await readPolicies(browserPolicyReaders(db.name), DEFAULT_SETTINGS)).layers.marketing).toEqual({ slaPolicy: SIX_HOURS });
  });

  it('is reported, not applied, when what is stored is not a cached policy', async () => {
    await db.open();
    await db.setMeta(MARKETING_POLICY_KEY, { connection: `http ${API}`, body: { slaPolicy: SIX_HOURS } });
    const { layers, problems } = await readPolicies(browserPolicyReaders(db.name), connected);
    expect(layers.marketing).toEqual({});
    expect(problems).toEqual([expect.stringMatching(/^The cached marketing policy: fetchedAt: /)]);
  });

  it('is none before the database exists, and reading does not create it', async () => {
    const name = `never-${Math.random()}`;
    expect(await readPolicies(browserPolicyReaders(name), connected)).toEqual({ layers: { managed: {}, marketing: {} }, problems: [] });
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(name);
  });
});
