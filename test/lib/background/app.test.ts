import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackgroundApp, type BackgroundDeps } from '../../../lib/background/app';
import type { Notice } from '../../../lib/background/reminder-notices';
import type { BadgeState } from '../../../lib/background/badge';
import { LeadLensDb } from '../../../lib/cache/db';
import type { Settings } from '../../../lib/domain/settings-schema';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { generateDemo } from '../../../lib/sources/demo/source';
import { sourceFor } from '../../../lib/sources';
import { loadToken, saveToken } from '../../../lib/cache/credentials';
import { startFakeLeadContextApi } from '../../fakes/lead-context-api';
import { wireLead } from '../../fakes/wire';
import { makeLead } from '../../fixtures/factories';
import { FIRST_SCREEN_KEY, openCache, readFirstScreen } from '../../../lib/cache/first-screen';
import { gradeFor } from '../../../lib/domain/grade';
import { GRADING_APPLIED_KEY } from '../../../lib/background/regrade';
import { LOOKUP_AGAIN_MS } from '../../../lib/background/lead-lookup';
import type { Handoff } from '../../../lib/domain/model';
import type { MessageSender } from '../../../lib/messaging/messages';

const NOW = Date.UTC(2026, 10, 17, 2, 0); // Tuesday 11:00 in Tokyo
const HOUR = 3_600_000;
const EXTENSION = { id: 'leadlens-id', pagesUrl: 'chrome-extension://leadlens-id/' };
/** The popup and the options page: the extension's own pages, which may ask for anything. */
const POPUP: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/popup.html' };
const OPTIONS_PAGE: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/options.html', tab: { id: 3 } };
/** Gmail's content script in tab 42. */
const GMAIL: MessageSender = { id: EXTENSION.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 42 } };
/** The card's page, framed in that Gmail tab: it alone asks for a lead's whole context and sends the rep's clicks. */
const CARD: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/card.html#email=someone%40acme.example.com', tab: { id: 42 } };
let db: LeadLensDb;
let settings: Settings;
let badges: BadgeState[];
let wakeUps: (number | null)[];
let notices: Notice[];
let tabNotices: { tabId: number; emails: string[] }[];
let reminderWakeUps: (number | null)[];
let currentTime = NOW;
let sourcesBuilt = 0;

function app(overrides: Partial<BackgroundDeps> = {}) {
  return createBackgroundApp({
    db,
    extension: EXTENSION,
    loadSettings: async () => settings,
    sourceFor: (current, token) => {
      sourcesBuilt++;
      return sourceFor(current, { now: () => NOW, token });
    },
    saveSettings: async (next) => {
      settings = next;
    },
    scheduleOutbox: async (when) => {
      wakeUps.push(when);
    },
    now: () => currentTime,
    showBadge: async (badge) => {
      badges.push(badge);
    },
    notify: async (shown) => {
      notices.push(...shown);
    },
    scheduleReminders: async (when) => {
      reminderWakeUps.push(when);
    },
    notifyTab: async (tabId, notice) => {
      tabNotices.push({ tabId, emails: notice.emails });
    },
    messagesFor: async (language) => JSON.parse(readFileSync(join(__dirname, `../../../public/_locales/${language}/messages.json`), 'utf8')),
    ...overrides,
  });
}

/**
 * The demo's open handoffs for the rep, in the order the demo makes them, sorted into the SLA state
 * the demo set each in (openTimes: the k-th of its group by k % 3), without asking lib/time/sla.ts.
 */
function openDemoHandoffsByState() {
  const demo = generateDemo({ seed: settings.source.demoSeed, now: NOW, repEmail: settings.repEmail });
  const group = (status: Handoff['status']) => demo.handoffs.filter((handoff) => handoff.assigneeEmail === settings.repEmail && handoff.status === status);
  const groups = [group('pending'), group('accepted')];
  expect(groups.map((handoffs) => handoffs.length)).toEqual([27, 6]);
  const inState = (state: number) => groups.flatMap((handoffs) => handoffs.filter((_, k) => k % 3 === state));
  return { all: groups.flat(), dueSoon: inState(1), onTrack: inState(2) };
}

/** A saved connection starts a sync and a delivery without waiting for them: this waits (joining, or running one more) before the database closes. */
async function settled(background: ReturnType<typeof app>) {
  await background.sync();
  await background.deliverOutbox();
}

beforeEach(() => {
  db = new LeadLensDb(`bg-${Math.random()}`);
  settings = { ...DEFAULT_SETTINGS, reminders: { enabled: true, beforeMinutes: 30, atBreach: true } };
  sourcesBuilt = 0;
  badges = [];
  wakeUps = [];
  notices = [];
  tabNotices = [];
  reminderWakeUps = [];
  currentTime = NOW;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('the background', () => {
  it('syncs the demo and answers "context for these addresses" from the cache', async () => {
    const background = app();
    const state = await background.sync();
    expect(state).toMatchObject({ status: 'idle', sourceId: 'demo', lastSuccessAt: NOW });

    const demo = generateDemo({ seed: settings.source.demoSeed, now: NOW, repEmail: settings.repEmail });
    const handoff = demo.handoffs.find((candidate) => candidate.assigneeEmail === settings.repEmail && candidate.status === 'pending')!;
    const touched = demo.touches[0]!.email;
    const reply = await background.handleMessage({
      type: 'context',
      emails: [handoff.email.toUpperCase(), touched, 'stranger@nowhere.example.com'],
      withTouches: true,
    }, CARD);
    if (!reply.ok) throw new Error(reply.error);
    const { contexts, syncState } = reply.data as Extract<typeof reply.data, { contexts: unknown }>;
    expect(syncState?.lastSuccessAt).toBe(NOW);

    const [withHandoff, withTouches, stranger] = contexts;
    expect(withHandoff!.lead).toEqual(demo.leads.find((lead) => lead.email === handoff.email));
    expect(withHandoff!.handoff).toEqual(handoff);
    // This is the rep's first pending handoff, k = 0 of HANDOFF_PLAN's 27 (lib/sources/demo/data.ts).
    // openTimes (lib/sources/demo/generate.ts) gives the k-th handoff of a group -(30 min to 27 h) of
    // working time left at NOW when k % 3 is 0. NOW, Tuesday 11:00 in Tokyo, is inside working hours,
    // so its deadline fell at least 30 working minutes before NOW: overdue, and nothing else.
    expect(withHandoff!.sla).toMatchObject({ state: 'overdue', dueAt: handoff.firstContactDueAt });
    expect(handoff.firstContactDueAt).toBeLessThanOrEqual(NOW - 30 * 60_000);

    const expectedTouches = demo.touches.filter((touch) => touch.email === touched).sort((a, b) => b.at - a.at);
    expect(withTouches!.touchCount).toBe(expectedTouches.length);
    expect(withTouches!.touches).toEqual(expectedTouches.slice(0, 100));

    expect(stranger).toEqual({
      email: 'stranger@nowhere.example.com',
      lead: null,
      touches: [],
      touchCount: 0,
      touchesIncluded: true,
      handoff: null,
      sla: null,
    });
  });

  it('tells the card the language and reasons the rep chose, and hands a content script that language\'s words', async () => {
    settings = { ...settings, language: 'ja' };
    const reply = await app().handleMessage({ type: 'context', emails: ['nobody@acme.example.com'] }, CARD);
    expect(reply).toMatchObject({ ok: true, data: { language: 'ja', reasons: settings.feedbackReasons } });
    const words = await app().handleMessage({ type: 'messages', language: 'ja' }, GMAIL);
    expect(words).toMatchObject({ ok: true, data: { verdictNotAFit: { message: 'ターゲット外' } } });
    settings = { ...settings, language: 'auto' };
    expect(await app().handleMessage({ type: 'context', emails: ['nobody@acme.example.com'] }, CARD)).toMatchObject({ data: { language: null } });
  });

  it('tells a page only what its chips show: name, grade and score, never the timeline, the handoff or the lead\'s other fields', async () => {
    const background = app();
    await background.sync();
    const demo = generateDemo({ seed: settings.source.demoSeed, now: NOW, repEmail: settings.repEmail });
    const lead = demo.leads.find((candidate) => demo.handoffs.some((handoff) => handoff.email === candidate.email))!;
    const reply = await background.handleMessage({ type: 'chips', emails: [lead.email, 'nobody@acme.example.com'] }, GMAIL);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.data).toEqual({
      chips: [
        { email: lead.email, lead: { name: lead.name, grade: lead.grade, score: lead.score } },
        { email: 'nobody@acme.example.com', lead: null },
      ],
      records: [],
      language: null,
    });
    // The card's own page still gets the whole context of the same lead.
    const card = await background.handleMessage({ type: 'context', emails: [lead.email], withTouches: true }, CARD);
    expect(card).toMatchObject({ ok: true, data: { contexts: [{ lead: { company: lead.company }, touchesIncluded: true, handoff: { email: lead.email } }] } });
  });

  it('after a sync, badges the count of overdue and due-soon handoffs for the rep', async () => {
    await app().sync();
    // The rep's open handoffs (HANDOFF_PLAN): 27 pending and 6 accepted. The k-th of each group is
    // overdue, due soon or on track at NOW as k % 3 is 0, 1 or 2 (openTimes): 9 + 2 overdue and
    // 9 + 2 due soon, 22 in all; red, for some are overdue.
    expect(badges).toEqual([{ text: '22', color: '#B42318', title: 'LeadLens: 11 overdue, 11 due soon', nextChangeAt: expect.any(Number) }]);

    // The next change: a due-soon deadline passing, or an on-track handoff coming within two working
    // hours of its deadline. Due-soon deadlines fall 10 to 110 working minutes after 11:00, so today
    // by 12:50. On-track deadlines today are at 13:15 or later, and two working hours before them
    // is two hours before on the clock, still today. Those of a later day come within two working
    // hours at 16:00 or later: after every due-soon deadline, so never the next change.
    const { dueSoon, onTrack } = openDemoHandoffsByState();
    const endOfToday = Date.UTC(2026, 10, 17, 9, 0); // 18:00 in Tokyo
    const moments = [
      ...dueSoon.map((handoff) => handoff.firstContactDueAt),
      ...onTrack.filter((handoff) => handoff.firstContactDueAt <= endOfToday).map((handoff) => handoff.firstContactDueAt - 2 * HOUR),
    ];
    expect(dueSoon.every((handoff) => handoff.firstContactDueAt <= Date.UTC(2026, 10, 17, 3, 50))).toBe(true);
    expect(badges[0]!.nextChangeAt).toBe(Math.min(...moments));
  });

  it('words the badge tooltip and the reminders in the language the rep chose, not the browser\'s', async () => {
    const background = app();
    await background.sync();
    expect(badges.at(-1)!.title).toBe('LeadLens: 11 overdue, 11 due soon'); // the browser's language (English here)
    settings = { ...settings, language: 'ja' };
    currentTime = reminderWakeUps.at(-1)!;
    await background.refreshBadge();
    expect(badges.at(-1)!.title).toMatch(/^LeadLens: 期限超過 \d+ 件、期限間近 \d+ 件$/);
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices[0]!.title).toMatch(/への初回連絡: 残り30分・\d\d:\d\dまで$|^期限超過: /);
    settings = { ...settings, language: 'en' };
    await background.refreshBadge();
    expect(badges.at(-1)!.title).toMatch(/^LeadLens: \d+ overdue, \d+ due soon$/);
  });

  it('still badges, in the language it had, when the chosen language\'s words cannot be loaded', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    settings = { ...settings, language: 'ja' };
    const background = app({ messagesFor: async () => Promise.reject(new Error('fetch failed')) });
    await background.sync();
    expect(badges.at(-1)!.title).toBe('LeadLens: 11 overdue, 11 due soon');
  });

  it("keeps the top of the rep's queue ready for the popup's first paint, and moves it along with the rep's actions", async () => {
    const background = app();
    await background.sync();
    const first = await readFirstScreen(openCache(db.name), settings.repEmail);
    // The rep's 33 open handoffs (27 pending, 6 accepted: HANDOFF_PLAN); the first screen holds the 30 due first.
    const { all } = openDemoHandoffsByState();
    const dueFirst = [...all].sort((a, b) => a.firstContactDueAt - b.firstContactDueAt).slice(0, 30);
    expect(first).toEqual({
      entries: dueFirst.map((handoff) => ({ handoff, lead: expect.objectContaining({ email: handoff.email }) })),
      total: 33,
      sync: expect.objectContaining({ status: 'idle', lastSuccessAt: NOW }),
    });

    const top = first!.entries[0]!.handoff;
    expect(await background.handleMessage({ type: 'handoffAction', handoffId: top.id, action: 'contacted' }, POPUP)).toMatchObject({ ok: true });
    const after = await readFirstScreen(openCache(db.name), settings.repEmail);
    expect(after!.total).toBe(32);
    expect(after!.entries.map((entry) => entry.handoff.id)).not.toContain(top.id);

    // A disk too full to write it: the reminders still go out, and no outdated snapshot is left to draw.
    const setMeta = db.setMeta.bind(db);
    const full = vi.spyOn(db, 'setMeta').mockImplementation(async (key, value) => {
      if (key === FIRST_SCREEN_KEY) throw Object.assign(new Error('The disk is full.'), { name: 'QuotaExceededError' });
      return setMeta(key, value);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    settings = { ...settings, reminders: { ...settings.reminders, enabled: true } };
    currentTime = NOW + 20 * 3_600_000;
    await background.refreshBadge();
    expect(notices.length).toBeGreaterThan(0);
    expect(await readFirstScreen(openCache(db.name), settings.repEmail)).toBeNull();
    full.mockRestore();
    warn.mockRestore();

    // Another rep signs in: the snapshot follows as soon as the badge does.
    settings = { ...settings, repEmail: 'someone.else@acme.example.com' };
    await background.refreshBadge();
    expect(await readFirstScreen(openCache(db.name), settings.repEmail)).toMatchObject({ entries: [], total: 0 });
  });

  it('works the badge out one refresh at a time, so a slow one never sets the last look at reminders back', async () => {
    let gate: Promise<void> | null = null;
    let release = () => {};
    const background = app({
      showBadge: async (badge) => {
        badges.push(badge);
        await gate; // a stalled refresh stops here, just before it looks at reminders
      },
    });
    const aWhile = () => new Promise((resolve) => setTimeout(resolve, 200));
    // Positive control: with none under way, a refresh reaches the toolbar within the wait used below.
    const unhindered = background.refreshBadge();
    await aWhile();
    expect(badges).toHaveLength(1);
    await unhindered;

    gate = new Promise<void>((resolve) => (release = resolve));
    currentTime = NOW;
    const slow = background.refreshBadge();
    await vi.waitFor(() => expect(badges).toHaveLength(2));
    currentTime = NOW + 60_000;
    const quick = background.refreshBadge();
    await aWhile();
    expect(badges).toHaveLength(2); // the second waits for the first
    gate = null;
    release();
    await Promise.all([slow, quick]);
    expect(badges).toHaveLength(3);
    expect(await db.getMeta('reminders:checkedThrough')).toBe(NOW + 60_000);
  });

  it('reminds of what falls due after the last look, once, and opens with the lead named', async () => {
    const background = app();
    await background.sync();
    // The first look announces nothing from before it, and wakes the background for the next reminder.
    expect(notices).toEqual([]);
    const next = reminderWakeUps.at(-1)!;
    expect(next).toBeGreaterThan(NOW);

    currentTime = next;
    await background.refreshBadge();
    expect(notices.length).toBeGreaterThanOrEqual(1);
    const [first] = notices;
    const handoff = await db.handoffs.get(first!.id.replace('leadlens:handoff:', ''));
    const lead = await db.leads.get(handoff!.email);
    expect(first!.title).toContain(lead!.name);
    expect(first!.title).toMatch(/^First contact with .+: 30m left · due \d\d:\d\d$|^Overdue/);

    // A click opens the lead in the CRM when marketing gave its link, else the queue.
    await db.leads.update(lead!.email, { crmUrl: 'https://acme.lightning.force.com/lightning/r/Lead/00Q1/view' });
    expect(await background.reminderTarget(first!.id)).toBe('https://acme.lightning.force.com/lightning/r/Lead/00Q1/view');
    await db.leads.update(lead!.email, { crmUrl: undefined });
    expect(await background.reminderTarget(first!.id)).toBeNull();
    expect(await background.reminderTarget('leadlens:summary')).toBeNull();

    // Looking again at the same moment announces nothing twice.
    notices = [];
    await background.refreshBadge();
    expect(notices).toEqual([]);
  });

  it('sums up a pile of reminders in one notification, and says nothing when reminders are off', async () => {
    const background = app();
    await background.sync();
    // A browser opened a business day later: many deadlines passed meanwhile.
    currentTime = NOW + 20 * 3_600_000;
    await background.refreshBadge();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ id: 'leadlens:summary', title: expect.stringMatching(/^\d+ handoffs need you$/) });

    notices = [];
    settings = { ...settings, reminders: { ...settings.reminders, enabled: false } };
    currentTime += 20 * 3_600_000;
    await background.refreshBadge();
    expect(notices).toEqual([]);
    expect(reminderWakeUps.at(-1)).toBeNull();
  });

  it('runs one sync at a time, and a second sync finds nothing new', async () => {
    const background = app();
    const [first, joined] = await Promise.all([background.sync(), background.sync()]);
    expect(joined).toBe(first);
    const count = await db.touches.count();
    const again = await background.sync();
    expect(again).toMatchObject({ status: 'idle', recordsSynced: 0 });
    expect(await db.touches.count()).toBe(count);
  });

  it('keeps one source while the connection stays the same, and builds another when it changes', async () => {
    const background = app();
    await background.sync();
    await background.sync();
    await background.deliverOutbox();
    expect(sourcesBuilt).toBe(1);
    settings = { ...settings, repEmail: 'someone.else@leadlens.example' };
    await background.sync();
    expect(sourcesBuilt).toBe(2);
  });

  it('reports a source set up halfway as a sync error that says what is missing, not a crash', async () => {
    settings = { ...DEFAULT_SETTINGS, source: { kind: 'marketo', baseUrl: 'https://123-abc-456.mktorest.com', demoSeed: 1 } };
    const state = await app().sync();
    expect(state).toMatchObject({ status: 'error', sourceId: 'marketo', error: 'Set the Marketo client ID and client secret in LeadLens options.' });
    expect(await db.getMeta('syncState')).toEqual(state);
    expect(badges).toHaveLength(1); // the cache is still badged, and its reminders still looked at
    settings = { ...DEFAULT_SETTINGS, source: { kind: 'hubspot', demoSeed: 1 } };
    expect(await app().sync()).toMatchObject({ status: 'error', error: 'Set the access token of your HubSpot service key or private app in LeadLens options.' });
  });

  it('connects to HubSpot and to Marketo through the same messages, keeping their secrets in the database', async () => {
    const background = app();
    const connection = { kind: 'marketo', baseUrl: 'http://127.0.0.1:9/', clientId: 'id-1', activityTypeId: 100001, marketoFields: { mqlDate: 'MQL_Date__c' } };
    await background.handleMessage({ type: 'saveConnection', ...connection, token: 'secret-1' }, OPTIONS_PAGE);
    expect(settings.source).toMatchObject(connection);
    expect(JSON.stringify(settings)).not.toContain('secret-1');
    expect(await loadToken(db, 'marketo')).toEqual({ token: 'secret-1', baseUrl: 'http://127.0.0.1:9' });
    // Nothing listens on port 9: the sync fails on the network, having got as far as asking for a token.
    await vi.waitFor(async () => expect(await db.getMeta('syncState')).toMatchObject({ status: 'error', sourceId: 'marketo:http://127.0.0.1:9', error: expect.stringMatching(/127\.0\.0\.1:9/) }));
    await settled(background);
  });

  it('records a click, delivers it and leaves nothing waiting', async () => {
    const background = app();
    await background.sync();
    const reply = await background.handleMessage({ type: 'feedback', email: 'someone@acme.example.com', verdict: 'bad_timing', note: '' }, CARD);
    expect(reply).toMatchObject({ ok: true, data: { queuedId: expect.any(String) } });
    await background.deliverOutbox();
    expect(await db.outbox.count()).toBe(0);
    expect(wakeUps.at(-1)).toBeNull();
  });

  it("refuses the card's requests from a web page, and records nothing", async () => {
    const background = app();
    await background.sync();
    const click = { type: 'feedback', email: 'someone@acme.example.com', verdict: 'bad_timing' } as const;
    expect(await background.handleMessage(click, GMAIL)).toEqual({ ok: false, error: 'LeadLens: feedback is not accepted from a web page.' });
    expect(await background.handleMessage({ type: 'handoffAction', handoffId: 'h1', action: 'reject' }, GMAIL)).toEqual({
      ok: false,
      error: 'LeadLens: handoffAction is not accepted from a web page.',
    });
    expect(await background.handleMessage({ type: 'context', emails: ['someone@acme.example.com'] }, GMAIL)).toEqual({
      ok: false,
      error: 'LeadLens: context is not accepted from a web page.',
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.feedback.count()).toBe(0);
    // Positive control: the same click from the card is recorded.
    expect(await background.handleMessage(click, CARD)).toMatchObject({ ok: true });
    expect(await db.feedback.count()).toBe(1);
    await settled(background); // the delivery the click started, before the database closes
  });

  it('connects to a Lead Context API: tests it, keeps the token in the database, and syncs from it', async () => {
    const fake = await startFakeLeadContextApi({ token: 'secret-token', records: { leads: [wireLead(makeLead(1))] } });
    try {
      const background = app();
      const wrong = await background.handleMessage({ type: 'testConnection', kind: 'http', baseUrl: fake.baseUrl, token: 'nope' }, OPTIONS_PAGE);
      expect(wrong).toMatchObject({ ok: true, data: { ok: false, message: expect.stringMatching(/The API token was refused by the Lead Context API \(401/) } });
      const right = await background.handleMessage({ type: 'testConnection', kind: 'http', baseUrl: fake.baseUrl, token: 'secret-token' }, OPTIONS_PAGE);
      expect(right).toMatchObject({ ok: true, data: { ok: true } });

      const saved = await background.handleMessage({ type: 'saveConnection', kind: 'http', baseUrl: fake.baseUrl, token: 'secret-token' }, OPTIONS_PAGE);
      expect(saved).toEqual({ ok: true, data: { tokenSaved: true } });
      expect(settings.source).toMatchObject({ kind: 'http', baseUrl: fake.baseUrl });
      expect(JSON.stringify(settings)).not.toContain('secret-token');
      expect(await loadToken(db, 'http')).toEqual({ token: 'secret-token', baseUrl: fake.baseUrl });
      await expect.poll(async () => JSON.stringify(await db.getMeta('syncState'))).toMatch(/"status":"idle"/);
      expect(await db.leads.get('lead1@acme.example.com')).toBeDefined();
      await settled(background);
    } finally {
      await fake.close();
    }
  });

  it('asks the source about addresses the cache does not know, stores what it finds and tells the tab', async () => {
    const fresh = makeLead(7, { email: 'fresh@acme.example.com', name: 'Fresh Lead' });
    const fake = await startFakeLeadContextApi({ token: 'secret-token', records: { leads: [wireLead(fresh)] } });
    try {
      // Connected, but not synced yet: the lead is only at the source.
      settings = { ...settings, source: { kind: 'http', baseUrl: fake.baseUrl, demoSeed: 1 } };
      await saveToken(db, 'http', 'secret-token', fake.baseUrl);
      const background = app();
      const first = await background.handleMessage({ type: 'chips', emails: ['fresh@acme.example.com', 'nobody@acme.example.com'] }, GMAIL);
      expect(first).toMatchObject({ ok: true, data: { chips: [{ lead: null }, { lead: null }] } });
      await vi.waitFor(() => expect(tabNotices).toEqual([{ tabId: 42, emails: ['fresh@acme.example.com'] }]));
      const second = await background.handleMessage({ type: 'chips', emails: ['fresh@acme.example.com', 'nobody@acme.example.com'] }, GMAIL);
      expect(second).toMatchObject({ ok: true, data: { chips: [{ lead: { name: 'Fresh Lead' } }, { lead: null }] } });
      // The address the source did not know is not asked about again so soon...
      const aWhile = () => new Promise((resolve) => setTimeout(resolve, 200));
      const asked = fake.stats.requests;
      await background.handleMessage({ type: 'chips', emails: ['nobody@acme.example.com'] }, GMAIL);
      await aWhile();
      expect(fake.stats.requests).toBe(asked);
      // ...but is once LOOKUP_AGAIN_MS have passed, within the same wait: the wait was long enough to see it.
      currentTime += LOOKUP_AGAIN_MS;
      await background.handleMessage({ type: 'chips', emails: ['nobody@acme.example.com'] }, GMAIL);
      await aWhile();
      expect(fake.stats.requests).toBe(asked + 1);
    } finally {
      await fake.close();
    }
  });

  it('syncs a connection saved while another sync is under way, once that one is over', async () => {
    const fake = await startFakeLeadContextApi({ token: 'secret-token', records: { leads: [wireLead(makeLead(1))] } });
    try {
      const background = app();
      const demoSync = background.sync();
      await background.handleMessage({ type: 'saveConnection', kind: 'http', baseUrl: fake.baseUrl, token: 'secret-token' }, OPTIONS_PAGE);
      expect(await demoSync).toMatchObject({ sourceId: 'demo' });
      await vi.waitFor(async () => expect(await db.getMeta('syncState')).toMatchObject({ sourceId: `http:${fake.baseUrl}`, status: 'idle' }));
      expect(await db.leads.get(makeLead(1).email)).toBeDefined();
      await settled(background);
    } finally {
      await fake.close();
    }
  });

  it('says what is missing when the API is chosen without a token', async () => {
    settings = { ...DEFAULT_SETTINGS, source: { kind: 'http', baseUrl: 'http://127.0.0.1:9', demoSeed: 1 } };
    expect(await app().sync()).toMatchObject({ status: 'error', error: 'Set the API token of your Lead Context API in LeadLens options.' });
  });

  describe('after a settings change', () => {
    // Healthcare becomes the only target industry, and readiness asks for more.
    const HEALTHCARE = { fit: [75, 50, 25] as [number, number, number], readiness: [90, 75, 50] as [number, number, number], targetIndustries: ['Healthcare'] };
    const gradedAsIn = async (grading: Settings['grading']) =>
      (await db.leads.toArray()).every((lead) => lead.grade === gradeFor(lead, lead.score, grading).grade);

    it('grades the cache again once when the grading changed, then refreshes the badge, and a new source grades the same way', async () => {
      const background = app();
      await background.sync();
      expect(sourcesBuilt).toBe(1);
      const before = badges.length;
      settings = { ...settings, grading: HEALTHCARE };
      expect(await gradedAsIn(HEALTHCARE)).toBe(false);

      await background.settingsChanged();
      expect(await gradedAsIn(HEALTHCARE)).toBe(true);
      expect(await db.getMeta(GRADING_APPLIED_KEY)).toEqual(HEALTHCARE);
      expect(badges).toHaveLength(before + 1);
      await background.sync();
      expect(sourcesBuilt).toBe(2);
    });

    it('does not grade again when something else changed', async () => {
      const background = app();
      await background.sync();
      // A grade no grading would give this lead: only a re-grade would set it right.
      const lead = (await db.leads.toArray()).find((candidate) => candidate.grade !== 'D4')!;
      await db.leads.put({ ...lead, fit: 'D', readiness: 4, grade: 'D4' });
      const before = badges.length;
      settings = { ...settings, reminders: { ...settings.reminders, beforeMinutes: 60 }, repEmail: 'someone.else@leadlens.example' };

      await background.settingsChanged();
      expect((await db.leads.get(lead.email))!.grade).toBe('D4');
      expect(badges).toHaveLength(before + 1);
      // The grading changes after all, then stays: one re-grade, and the tampered lead is set right by it only.
      settings = { ...settings, grading: HEALTHCARE };
      await background.settingsChanged();
      expect((await db.leads.get(lead.email))!.grade).toBe(gradeFor(lead, lead.score, HEALTHCARE).grade);
      await db.leads.put({ ...lead, fit: 'D', readiness: 4, grade: 'D4' });
      await background.settingsChanged();
      expect((await db.leads.get(lead.email))!.grade).toBe('D4');
    });

    it("leaves the Lead Context API's grades alone, and still refreshes the badge", async () => {
      const marketing = [makeLead(1, { industry: 'Healthcare', companySize: 5000, title: 'CEO', score: 99 }), makeLead(2, { score: 10 })];
      await db.leads.bulkPut(marketing);
      settings = { ...settings, source: { kind: 'http', baseUrl: 'http://127.0.0.1:9', demoSeed: 1 }, grading: HEALTHCARE };
      const before = badges.length;
      await app().settingsChanged();
      expect(await db.leads.toArray()).toEqual(marketing);
      expect(await db.getMeta(GRADING_APPLIED_KEY)).toBeUndefined();
      expect(badges).toHaveLength(before + 1);
    });

    it('lets a sync under way with the old grading land first, then grades what it brought', async () => {
      const background = app();
      const syncing = background.sync();
      settings = { ...settings, grading: HEALTHCARE };
      await Promise.all([syncing, background.settingsChanged()]);
      expect(await db.leads.count()).toBeGreaterThan(300);
      expect(await gradedAsIn(HEALTHCARE)).toBe(true);
    });
  });

  it('rejects a malformed message with a readable error', async () => {
    const reply = await app().handleMessage({ type: 'context', emails: [] }, CARD);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Message: emails: /) });
  });
});
