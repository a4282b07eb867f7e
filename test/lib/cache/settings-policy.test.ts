// loadSettings answers the effective settings, so that every reader follows a policy; saveSettings
// stores only what the rep may set.
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, LeadLensDb } from '../../../lib/cache/db';
import { storeMarketingPolicy } from '../../../lib/cache/policy';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, settingsItem } from '../../../lib/cache/settings';
import type { SlaPolicy } from '../../../lib/domain/settings-schema';

const TWO_HOURS: SlaPolicy = { rules: [{ id: 'all', name: 'Every handoff: 2 business hours', match: {}, firstContactHours: 2, followUpHours: [8] }], dueSoonMinutes: 60 };
const SIX_HOURS: SlaPolicy = { rules: [{ id: 'all', name: 'Six hours', match: {}, firstContactHours: 6, followUpHours: [] }], dueSoonMinutes: 120 };

afterEach(async () => {
  await Dexie.delete(DB_NAME);
});

describe('settings under policies', () => {
  it("answer the organisation's policy over the rep's own, each field with its origin", async () => {
    await fakeBrowser.storage.managed.set({ slaPolicy: TWO_HOURS, sites: ['salesforce'] });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, slaPolicy: TWO_HOURS, sites: ['salesforce'] });
    expect(loaded.fields.slaPolicy).toEqual({ value: TWO_HOURS, origin: 'organisation', locked: true });
    expect(loaded.fields.repEmail).toMatchObject({ origin: 'rep', locked: false });
    expect(loaded.policy).toEqual({ problems: [], tokenFromOrganisation: false });
  });

  it('say when the organisation gives the connection its token, and never show the token', async () => {
    await fakeBrowser.storage.managed.set({ source: { kind: 'http', baseUrl: 'https://mw.example.com', token: 'team-token' } });
    const loaded = await loadSettings();
    expect(loaded.fields.source).toMatchObject({ value: { kind: 'http', baseUrl: 'https://mw.example.com' }, origin: 'organisation', locked: true });
    expect(loaded.policy.tokenFromOrganisation).toBe(true);
    expect(JSON.stringify(loaded)).not.toContain('team-token');
  });

  it("answer the marketing system's agreement, and say when it was fetched", async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, source: { kind: 'http', baseUrl: 'https://mw.example.com', demoSeed: 1 } });
    const db = new LeadLensDb();
    await storeMarketingPolicy(db, { connection: { kind: 'http', baseUrl: 'https://mw.example.com' }, fetchedAt: 99, body: { slaPolicy: SIX_HOURS, sites: ['hubspot'] } });
    db.close();
    const loaded = await loadSettings();
    expect(loaded.settings.slaPolicy).toEqual(SIX_HOURS);
    expect(loaded.settings.sites).toEqual([]);
    expect(loaded.fields.slaPolicy).toMatchObject({ origin: 'marketing', locked: true });
    expect(loaded.policy).toEqual({ problems: [expect.stringMatching(/"sites", which only your organisation's IT may set/)], marketingFetchedAt: 99, tokenFromOrganisation: false });
  });

  it('report a bad policy field and apply the rest', async () => {
    await fakeBrowser.storage.managed.set({ slaPolicy: { rules: [] }, language: 'ja' });
    const loaded = await loadSettings();
    expect(loaded.settings.slaPolicy).toEqual(DEFAULT_SETTINGS.slaPolicy);
    expect(loaded.settings.language).toBe('ja');
    expect(loaded.policy.problems).toEqual([expect.stringMatching(/^Your organisation's policy, slaPolicy: rules: /)]);
  });

  it('still apply the policy when the rep\'s own settings are broken', async () => {
    await settingsItem.setValue({ repEmail: 42 });
    await fakeBrowser.storage.managed.set({ slaPolicy: TWO_HOURS });
    const loaded = await loadSettings();
    expect(loaded.problem).toMatch(/repEmail/);
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, slaPolicy: TWO_HOURS });
  });

  it('are saved without what a policy locks: a change to a locked field is ignored and named', async () => {
    await fakeBrowser.storage.managed.set({ slaPolicy: TWO_HOURS });
    const { settings: shown } = await loadSettings();
    expect(await saveSettings({ ...shown, slaPolicy: SIX_HOURS, repEmail: 'Taro@Example.co.jp' })).toEqual({ ignored: ['slaPolicy'] });
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, repEmail: 'taro@example.co.jp' });
    expect((await loadSettings()).settings).toMatchObject({ slaPolicy: TWO_HOURS, repEmail: 'taro@example.co.jp' });

    // The policy lets go: the rep's own rules are back.
    await fakeBrowser.storage.managed.clear();
    expect((await loadSettings()).settings.slaPolicy).toEqual(DEFAULT_SETTINGS.slaPolicy);
  });
});
