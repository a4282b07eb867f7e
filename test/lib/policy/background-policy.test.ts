// The policies through the background app, with the real settings store and the Lead Context API
// fake over real HTTP: the marketing system's agreement is fetched with each sync, cached, and
// reaches the rep's queue; the organisation's wins over it and may give the connection its token.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundApp, type BackgroundDeps } from '../../../lib/background/app';
import type { BadgeState } from '../../../lib/background/badge';
import { saveToken } from '../../../lib/cache/credentials';
import { LeadLensDb } from '../../../lib/cache/db';
import { browserPolicyReaders, MARKETING_POLICY_KEY, policyTokenFor } from '../../../lib/cache/policy';
import { pendingHandoffs } from '../../../lib/cache/queue';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, settingsItem } from '../../../lib/cache/settings';
import { sourceFor } from '../../../lib/sources';
import type { Settings, SlaPolicy } from '../../../lib/domain/settings-schema';
import { createBusinessClock, slaStatus } from '../../../lib/time/sla';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../../fakes/lead-context-api';
import { wireHandoff, wireLead } from '../../fakes/wire';
import { makeHandoff, makeLead } from '../../fixtures/factories';

const NOW = Date.UTC(2026, 10, 17, 2, 0); // Tuesday 11:00 in Tokyo
const HOUR = 3_600_000;
const REP = 'rep@acme.example.com';
const EXTENSION = { id: 'leadlens-id', pagesUrl: 'chrome-extension://leadlens-id/' };
const OPTIONS_PAGE = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/options.html', tab: { id: 3 } };
/** Due at 14:00, three business hours on: on track under the default 120 due-soon minutes. */
const handoff = makeHandoff(1, { assigneeEmail: REP, handedOffAt: NOW - HOUR, firstContactDueAt: NOW + 3 * HOUR, updatedAt: NOW - HOUR });
/** The team's agreement: a handoff is due soon four business hours before its deadline. */
const AGREEMENT: SlaPolicy = { rules: [{ id: 'all', name: 'Every handoff: 4 business hours', match: {}, firstContactHours: 4, followUpHours: [] }], dueSoonMinutes: 240 };

let db: LeadLensDb;
let fake: FakeLeadContextApi;
let badges: BadgeState[];
let settingsForgotten: number;

function app(overrides: Partial<BackgroundDeps> = {}) {
  const readers = browserPolicyReaders(db.name);
  // As the entrypoint does: the settings read once, and again after a change.
  let memo: Promise<Settings> | null = null;
  return createBackgroundApp({
    db,
    extension: EXTENSION,
    loadSettings: () => (memo ??= loadSettings(readers).then((loaded) => loaded.settings)),
    policyChanged: () => {
      settingsForgotten++;
      memo = null;
    },
    policyToken: (source) => policyTokenFor(readers, source),
    saveSettings: async (next) => {
      memo = null;
      return saveSettings(next, readers);
    },
    sourceFor: (current, token) => sourceFor(current, { now: () => NOW, token }),
    now: () => NOW,
    showBadge: async (badge) => void badges.push(badge),
    scheduleOutbox: async () => {},
    notify: async () => {},
    scheduleReminders: async () => {},
    messagesFor: async (language) => JSON.parse(readFileSync(join(__dirname, `../../../public/_locales/${language}/messages.json`), 'utf8')),
    ...overrides,
  });
}

/** The rep's queue as the popup shows it: each open handoff's SLA state under the settings in effect. */
async function queueStates(): Promise<string[]> {
  const { settings } = await loadSettings(browserPolicyReaders(db.name));
  const clock = createBusinessClock(settings.calendar);
  return (await pendingHandoffs(db, settings.repEmail)).map((entry) => slaStatus(entry.handoff, clock, settings.slaPolicy, NOW).state);
}

beforeEach(async () => {
  db = new LeadLensDb(`policy-bg-${Math.random()}`);
  badges = [];
  settingsForgotten = 0;
  fake = await startFakeLeadContextApi({ token: 'team-token', records: { leads: [wireLead(makeLead(1))], handoffs: [wireHandoff(handoff)] } });
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, repEmail: REP, source: { kind: 'http', baseUrl: fake.baseUrl, demoSeed: 1 } });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fake.close();
  db.close();
  await Dexie.delete(db.name);
});

describe("the marketing system's policy", () => {
  it('is fetched with each sync, cached with its time, and a changed rule reaches the queue and the badge', async () => {
    await saveToken(db, 'http', 'team-token', fake.baseUrl);
    const background = app();
    await background.sync();
    expect(await queueStates()).toEqual(['on_track']);
    expect(badges.at(-1)?.text).toBe('');
    expect(await db.getMeta(MARKETING_POLICY_KEY)).toEqual({ connection: `http ${fake.baseUrl}`, fetchedAt: NOW, body: null });

    fake.setPolicy({ slaPolicy: AGREEMENT });
    await background.sync();
    expect(fake.received.filter((request) => request.path === '/v1/policy')).toHaveLength(2);
    expect(settingsForgotten).toBe(1);
    expect(await queueStates()).toEqual(['due_soon']);
    expect(badges.at(-1)?.text).toBe('1');
    const loaded = await loadSettings(browserPolicyReaders(db.name));
    expect(loaded.fields.slaPolicy).toEqual({ value: AGREEMENT, origin: 'marketing', locked: true });
    expect(loaded.policy.marketingFetchedAt).toBe(NOW);

    // Answered the same again: nothing to forget. Then the system drops its policy (404): the rep's rules are back.
    await background.sync();
    expect(settingsForgotten).toBe(1);
    fake.setPolicy(undefined);
    await background.sync();
    expect(await queueStates()).toEqual(['on_track']);
  });

  it('stays as last fetched while the API is down', async () => {
    await saveToken(db, 'http', 'team-token', fake.baseUrl);
    fake.setPolicy({ slaPolicy: AGREEMENT });
    const background = app();
    await background.sync();
    fake.force('error500');
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await background.sync()).toMatchObject({ status: 'error' });
    expect(warned).toHaveBeenCalledWith(expect.stringMatching(/could not fetch the marketing policy/), expect.anything());
    expect(await queueStates()).toEqual(['due_soon']);
  });

  it("gives way to the organisation's policy where both set a field", async () => {
    await saveToken(db, 'http', 'team-token', fake.baseUrl);
    fake.setPolicy({ slaPolicy: AGREEMENT });
    await fakeBrowser.storage.managed.set({ slaPolicy: { ...AGREEMENT, dueSoonMinutes: 60 } });
    await app().sync();
    expect(await queueStates()).toEqual(['on_track']);
    expect((await loadSettings(browserPolicyReaders(db.name))).fields.slaPolicy.origin).toBe('organisation');
  });
});

describe('sources without a policy of their own', () => {
  it('are asked for none: HubSpot, Marketo and the demo take the agreement from the organisation only', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, repEmail: REP });
    await app().sync();
    expect(await db.getMeta(MARKETING_POLICY_KEY)).toBeUndefined();
    expect(fake.received).toEqual([]);
  });
});

describe("the organisation's connection", () => {
  it('syncs with the token the policy gives, sent to no other address, and the rep cannot move it', async () => {
    await fakeBrowser.storage.managed.set({ source: { kind: 'http', baseUrl: fake.baseUrl, token: 'team-token' } });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, repEmail: REP });
    const background = app();
    expect(await background.sync()).toMatchObject({ status: 'idle', sourceId: `http:${fake.baseUrl}` });
    expect(await db.handoffs.count()).toBe(1);

    const elsewhere = await startFakeLeadContextApi({ token: 'team-token' });
    try {
      const tested = await background.handleMessage({ type: 'testConnection', kind: 'http', baseUrl: elsewhere.baseUrl }, OPTIONS_PAGE);
      expect(tested).toMatchObject({ ok: true, data: { ok: false } });
      expect(elsewhere.received.every((request) => request.path !== '/v1/changes')).toBe(true);
      const moved = await background.handleMessage({ type: 'saveConnection', kind: 'http', baseUrl: elsewhere.baseUrl, token: 'mine' }, OPTIONS_PAGE);
      expect(moved).toEqual({ ok: false, error: expect.stringMatching(/set by your organisation/) });
      expect((await loadSettings(browserPolicyReaders(db.name))).settings.source.baseUrl).toBe(fake.baseUrl);
    } finally {
      await elsewhere.close();
    }
    const same = await background.handleMessage({ type: 'saveConnection', kind: 'http', baseUrl: fake.baseUrl }, OPTIONS_PAGE);
    expect(same).toEqual({ ok: true, data: { tokenSaved: true } });
    await background.sync();
  });
});
