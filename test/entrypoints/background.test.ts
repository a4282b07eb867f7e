// The background entrypoint itself, run as WXT's testing guide shows: its main() against the fake
// browser (reset before each test in test/setup.ts) and fake-indexeddb, with browser events fired
// as the browser would fire them.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { Dexie } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { LeadLensDb } from '../../lib/cache/db';
import { DB_NAME, SYNC_STATE_KEY, type SyncState } from '../../lib/cache/db-name';
import { FIRST_SCREEN_KEY } from '../../lib/cache/first-screen';
import { settingsItem } from '../../lib/cache/settings';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { createBusinessClock } from '../../lib/time/sla';
import { OPTIONAL_SITES } from '../../lib/pages/sites';
import { SITES_IN_FORCE_KEY } from '../../lib/domain/policy-keys';
import examplePolicy from '../e2e/policy-example.json';
import { LEAD_COUNT } from '../../lib/sources/demo/generate';
import { ACCOUNT_LEAD_COUNT } from '../../lib/sources/demo/accounts';

const HOUR = 3_600_000;

/** What the background left in IndexedDB, read through a connection of the test's own. */
let cache: LeadLensDb;

/**
 * The fake browser leaves permissions, scripting and commands unimplemented (they throw): only
 * those are stubbed, with vi.fn, and only as far as the background calls them. No optional site
 * is granted, so there is no content script to register.
 */
function stubWhatTheFakeBrowserLacks() {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
}

/**
 * The background's work goes on after the event that started it. Its last steps are watched with
 * spies that call through, so that each test ends with nothing still writing: every badge refresh
 * ends by keeping the popup's first screen (lib/background/badge-refresh.ts), every outbox delivery
 * by setting or clearing its alarm.
 */
let metaWrites: MockInstance<LeadLensDb['setMeta']>;
let alarmsCleared: MockInstance<typeof fakeBrowser.alarms.clear>;

/** Waits for the count-th badge refresh since main() to be over. */
async function refreshed(count: number) {
  const firstScreens = () => metaWrites.mock.calls.filter(([key]) => key === FIRST_SCREEN_KEY).length;
  await vi.waitFor(() => expect(firstScreens()).toBe(count), { timeout: 10_000 });
  await Promise.allSettled(metaWrites.mock.results.map((result) => result.value));
}

/** Waits for an outbox delivery to be over: with an empty outbox, it clears the outbox alarm. */
const delivered = () => vi.waitFor(() => expect(alarmsCleared).toHaveBeenCalledWith('outbox'), { timeout: 10_000 });

const syncState = () => cache.getMeta<SyncState>(SYNC_STATE_KEY);

beforeEach(() => {
  stubWhatTheFakeBrowserLacks();
  metaWrites = vi.spyOn(LeadLensDb.prototype, 'setMeta');
  alarmsCleared = vi.spyOn(fakeBrowser.alarms, 'clear');
  cache = new LeadLensDb();
});
afterEach(async () => {
  cache.close();
  // The entrypoint's own connection closes for the delete, and Dexie says so: expected here.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await Dexie.delete(DB_NAME);
  vi.restoreAllMocks();
});

describe('the background entrypoint', () => {
  it('on install, syncs the demo into IndexedDB, badges it and sets the sync alarm', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await refreshed(1);
    await delivered();

    expect(await syncState()).toMatchObject({ status: 'idle', sourceId: 'demo' });
    // The demo makes 320 leads (lib/sources/demo/generate.ts, LEAD_COUNT) and its small accounts' (accounts.ts).
    expect(await cache.leads.count()).toBe(LEAD_COUNT + ACCOUNT_LEAD_COUNT);
    // The worker keys each lead's account as it stores it: a company's people are one index read.
    expect(await cache.leads.where('accountKey').equals('domain:sakura-seiki.example.jp').count()).toBeGreaterThan(1);
    expect(await fakeBrowser.alarms.get('sync')).toMatchObject({ name: 'sync', periodInMinutes: DEFAULT_SETTINGS.syncIntervalMinutes });
    // The demo always has handoffs overdue or due soon for the rep.
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^\d+$/);
  });

  it('syncs when the sync alarm goes off, and badges when the badge alarm does', async () => {
    background.main();
    expect(await cache.leads.count()).toBe(0);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'sync', scheduledTime: Date.now(), periodInMinutes: 15 });
    await refreshed(1);
    expect(await syncState()).toMatchObject({ status: 'idle', sourceId: 'demo' });
    expect(await cache.leads.count()).toBe(LEAD_COUNT + ACCOUNT_LEAD_COUNT);
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^\d+$/);

    await fakeBrowser.action.setBadgeText({ text: '' });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'badge', scheduledTime: Date.now() });
    await refreshed(2);
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^\d+$/);
  });

  it("answers a content script's chips and the card's context by the real sender, and keeps the connection for extension pages", async () => {
    background.main();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'sync', scheduledTime: Date.now() });
    await refreshed(1);
    const lead = (await cache.leads.toCollection().first())!;

    const gmail = { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } as never };
    const [chips] = await fakeBrowser.runtime.onMessage.trigger({ type: 'chips', emails: [lead.email] }, gmail);
    expect(chips).toMatchObject({ ok: true, data: { chips: [{ email: lead.email, lead: { name: lead.name } }] } });
    const [refused] = await fakeBrowser.runtime.onMessage.trigger({ type: 'context', emails: [lead.email] }, gmail);
    expect(refused).toEqual({ ok: false, error: 'LeadLens: context is not accepted from a web page.' });
    // The card's page, framed in the same tab, under the extension's own URL.
    const card = { id: fakeBrowser.runtime.id, url: `${fakeBrowser.runtime.getURL('/card.html')}#email=${encodeURIComponent(lead.email)}`, tab: { id: 7 } as never };
    const [context] = await fakeBrowser.runtime.onMessage.trigger({ type: 'context', emails: [lead.email] }, card);
    expect(context).toMatchObject({ ok: true, data: { contexts: [{ email: lead.email, lead: { name: lead.name } }] } });

    const toHubSpot = { type: 'saveConnection', kind: 'hubspot' };
    const [forged] = await fakeBrowser.runtime.onMessage.trigger(toHubSpot, gmail);
    expect(forged).toEqual({ ok: false, error: 'LeadLens: saveConnection is not accepted from a web page.' });
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);

    // The options page in a tab: the browser sets sender.tab for it too, but its URL is the extension's.
    const optionsPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 8 } as never };
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // the outbox waits for a HubSpot token, saying so
    const [saved] = await fakeBrowser.runtime.onMessage.trigger(toHubSpot, optionsPage);
    expect(saved).toEqual({ ok: true, data: { tokenSaved: false } });
    expect(await settingsItem.getValue()).toMatchObject({ source: { kind: 'hubspot' } });
    // The settings change and the sync the new connection starts each badge the cache; the sync says what it lacks.
    await refreshed(3);
    await delivered();
    expect(await syncState()).toMatchObject({ sourceId: 'hubspot', status: 'error' });
  });
});

describe("the background entrypoint under the organisation's policy", () => {
  /** The README's example policy without its connection: the demo stays the source here. */
  const { source: _source, ...policy } = examplePolicy;

  it('on install, lays the demo out on the policy\'s SLA rules and turns its sites on', async () => {
    await fakeBrowser.storage.managed.set(policy);
    vi.mocked(fakeBrowser.permissions.contains).mockResolvedValue(true);
    const registered = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await refreshed(1);
    await delivered();

    const clock = createBusinessClock(DEFAULT_SETTINGS.calendar);
    const mine = await cache.handoffs.filter((handoff) => handoff.assigneeEmail === DEFAULT_SETTINGS.repEmail).toArray();
    expect(mine.length).toBeGreaterThan(0);
    // The policy's rules: 1 business hour for A1 and A2, 2 for every other handoff (the defaults are 4, 8 and 16).
    expect(new Set(mine.map((handoff) => clock.between(handoff.handedOffAt, handoff.firstContactDueAt) / HOUR))).toEqual(new Set([1, 2]));
    const matches = registered.mock.calls.flatMap(([scripts]) => scripts.flatMap((script) => script.matches ?? []));
    const originsOf = (id: string) => OPTIONAL_SITES.find((site) => site.id === id)!.origins;
    expect(matches).toEqual([...originsOf('salesforce'), ...originsOf('hubspot')]);
  });

  it('lays the demo out again when the policy arrives after install, as Chrome delivers it', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await refreshed(1);
    await delivered();
    const clock = createBusinessClock(DEFAULT_SETTINGS.calendar);
    const spans = async () =>
      new Set((await cache.handoffs.filter((handoff) => handoff.assigneeEmail === DEFAULT_SETTINGS.repEmail).toArray()).map((handoff) => clock.between(handoff.handedOffAt, handoff.firstContactDueAt) / HOUR));
    expect(await spans()).toEqual(new Set([4, 8]));

    await fakeBrowser.storage.managed.set(policy);
    await refreshed(3); // the change's badge, then the sync's
    expect(await spans()).toEqual(new Set([1, 2]));
  });

  it('keeps the sites in force where the sites script reads them, and the policy from content scripts', async () => {
    const setAccessLevel = vi.fn(async () => {});
    Object.assign(fakeBrowser.storage.managed, { setAccessLevel });
    await fakeBrowser.storage.managed.set({ sites: ['salesforce'] });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: ['pipedrive'] });
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await refreshed(1);
    await delivered();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect((await fakeBrowser.storage.local.get(SITES_IN_FORCE_KEY))[SITES_IN_FORCE_KEY]).toEqual(['pipedrive', 'salesforce']);
  });

  it('follows a change of the policy at once: the badge counts by its rules, and a sync runs', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await refreshed(1);
    await delivered();
    const before = Number(await fakeBrowser.action.getBadgeText({}));
    const open = await cache.handoffs.filter((handoff) => handoff.assigneeEmail === DEFAULT_SETTINGS.repEmail && ['pending', 'accepted'].includes(handoff.status)).count();
    expect(before).toBeLessThan(open);

    // Everything within three business days is due soon: every open handoff counts.
    await fakeBrowser.storage.managed.set({ slaPolicy: { ...DEFAULT_SETTINGS.slaPolicy, dueSoonMinutes: 3 * 9 * 60 } });
    await refreshed(3); // the change's badge, then the sync's
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(open));
  });
});
