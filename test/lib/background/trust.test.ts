// The background's trust boundary against a real HTTP server: a content script (a compromised
// renderer can forge its messages) gets no connection, token or sync, nor a lead's whole context, and
// a saved token is sent to no base URL but the one it was saved with. Every refusal has its positive
// control: the same request from an extension page, or with the right URL, does reach the server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { createBackgroundApp, type BackgroundApp } from '../../../lib/background/app';
import { LeadLensDb } from '../../../lib/cache/db';
import { loadToken, saveToken } from '../../../lib/cache/credentials';
import type { Settings } from '../../../lib/domain/settings-schema';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { SYNC_STATE_KEY, type SyncState } from '../../../lib/cache/db-name';
import type { MessageSender } from '../../../lib/messaging/messages';
import { sourceFor } from '../../../lib/sources';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../../fakes/lead-context-api';
import { wireLead } from '../../fakes/wire';
import { makeLead } from '../../fixtures/factories';

const EXTENSION = { id: 'leadlens-id', pagesUrl: 'chrome-extension://leadlens-id/' };
const OPTIONS_PAGE: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/options.html', tab: { id: 3 } };
const GMAIL: MessageSender = { id: EXTENSION.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 42 } };
/** The card's page, framed in that Gmail tab but the extension's own: the browser sets its URL. */
const CARD: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/card.html#email=lead1%40acme.example.com', tab: { id: 42 } };

let db: LeadLensDb;
let settings: Settings;
/** The rep's own Lead Context API, and a host standing for the attacker's: it would take the token too. */
let marketing: FakeLeadContextApi;
let attacker: FakeLeadContextApi;

function background() {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // deliveries postponed for want of a usable token say so
  return createBackgroundApp({
    db,
    extension: EXTENSION,
    loadSettings: async () => settings,
    saveSettings: async (next) => {
      settings = next;
    },
    sourceFor: (current, token) => sourceFor(current, { now: Date.now, token }),
    now: Date.now,
    showBadge: async () => {},
    scheduleOutbox: async () => {},
    notify: async () => {},
    scheduleReminders: async () => {},
    messagesFor: async () => ({}),
  });
}

/** A saved connection starts a sync and a delivery without waiting for them: this waits (joining, or running one more). */
async function settled(app: BackgroundApp) {
  await app.sync();
  await app.deliverOutbox();
}

beforeEach(async () => {
  db = new LeadLensDb(`trust-${Math.random()}`);
  marketing = await startFakeLeadContextApi({ token: 'secret-token', records: { leads: [wireLead(makeLead(1))] } });
  attacker = await startFakeLeadContextApi({ token: 'secret-token' });
  settings = { ...DEFAULT_SETTINGS, source: { kind: 'http', baseUrl: marketing.baseUrl, demoSeed: 1 } };
  await saveToken(db, 'http', 'secret-token', marketing.baseUrl);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all([marketing.close(), attacker.close()]);
  db.close();
  await Dexie.delete(db.name);
});

describe('a content script', () => {
  it('may not test, save or sync a connection: refused, nothing changed, nothing sent', async () => {
    const app = background();
    const before = structuredClone(settings);
    const forged = [
      { type: 'testConnection', kind: 'http', baseUrl: attacker.baseUrl },
      { type: 'saveConnection', kind: 'http', baseUrl: attacker.baseUrl, token: 'attacker-token' },
      { type: 'syncNow' },
    ] as const;
    for (const request of forged) {
      expect(await app.handleMessage(request, GMAIL)).toEqual({ ok: false, error: `LeadLens: ${request.type} is not accepted from a web page.` });
    }
    expect(settings).toEqual(before);
    expect(await loadToken(db, 'http')).toEqual({ token: 'secret-token', baseUrl: marketing.baseUrl });
    // Each refusal is answered before anything starts, so no request can still be on its way.
    expect(marketing.stats.requests).toBe(0);
    expect(attacker.stats.requests).toBe(0);

    // Positive control: the same sync from the options page reaches the rep's API.
    expect(await app.handleMessage({ type: 'syncNow' }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { status: 'idle' } });
    expect(marketing.stats.requests).toBeGreaterThan(0);
  });

  it("gets the chips for the addresses on its page, not their whole context, which is the card's", async () => {
    const app = background();
    await app.handleMessage({ type: 'syncNow' }, OPTIONS_PAGE);
    const lead = makeLead(1);
    const chips = await app.handleMessage({ type: 'chips', emails: [lead.email] }, GMAIL);
    expect(chips).toMatchObject({ ok: true, data: { chips: [{ lead: { name: lead.name, grade: lead.grade, score: lead.score } }] } });
    expect(await app.handleMessage({ type: 'context', emails: [lead.email] }, GMAIL)).toEqual({ ok: false, error: 'LeadLens: context is not accepted from a web page.' });
    const card = await app.handleMessage({ type: 'context', emails: [lead.email] }, CARD);
    expect(card).toMatchObject({ ok: true, data: { contexts: [{ lead: { email: lead.email, company: lead.company } }] } });
  });
});

describe('an extension page', () => {
  it('saves a connection', async () => {
    const app = background();
    const reply = await app.handleMessage({ type: 'saveConnection', kind: 'http', baseUrl: attacker.baseUrl, token: 'new-token' }, OPTIONS_PAGE);
    expect(reply).toEqual({ ok: true, data: { tokenSaved: true } });
    expect(settings.source.baseUrl).toBe(attacker.baseUrl);
    expect(await loadToken(db, 'http')).toEqual({ token: 'new-token', baseUrl: attacker.baseUrl });
    await settled(app);
  });
});

describe('a saved token', () => {
  it('is not sent to a base URL it was not saved with when a connection is tested without a token', async () => {
    const app = background();
    const elsewhere = await app.handleMessage({ type: 'testConnection', kind: 'http', baseUrl: attacker.baseUrl }, OPTIONS_PAGE);
    expect(elsewhere).toEqual({
      ok: true,
      data: { ok: false, message: `The saved token belongs to ${marketing.baseUrl}: LeadLens sends it nowhere else. Enter the token for ${attacker.baseUrl}.`, code: 'token_elsewhere' },
    });
    expect(attacker.stats.requests).toBe(0);

    // Positive controls: the saved token still serves its own URL, and a token typed in goes where it is meant for.
    expect(await app.handleMessage({ type: 'testConnection', kind: 'http', baseUrl: marketing.baseUrl }, OPTIONS_PAGE)).toMatchObject({ data: { ok: true } });
    expect(marketing.stats.requests).toBe(1);
    const typed = await app.handleMessage({ type: 'testConnection', kind: 'http', baseUrl: attacker.baseUrl, token: 'secret-token' }, OPTIONS_PAGE);
    expect(typed).toMatchObject({ data: { ok: true } });
    expect(attacker.stats.requests).toBe(1);
  });

  it('is not sent when the settings name another base URL behind the options page\'s back', async () => {
    const app = background();
    // Extension storage is within a content script's reach: the URL can change without any message.
    settings = { ...settings, source: { ...settings.source, baseUrl: attacker.baseUrl } };
    // LeadLens's own refusal, not the source's: coded apart from 'auth', since nothing was sent.
    expect(await app.sync()).toMatchObject({ status: 'error', error: expect.stringMatching(/^The saved token belongs to /), errorCode: 'token_elsewhere' });
    expect(attacker.stats.requests).toBe(0);

    settings = { ...settings, source: { ...settings.source, baseUrl: marketing.baseUrl } };
    expect(await app.sync()).toMatchObject({ status: 'idle' });
    expect(marketing.stats.requests).toBeGreaterThan(0);
  });

  it('does not count as saved for a connection moved to another base URL without one', async () => {
    const app = background();
    const moved = await app.handleMessage({ type: 'saveConnection', kind: 'http', baseUrl: attacker.baseUrl }, OPTIONS_PAGE);
    expect(moved).toEqual({ ok: true, data: { tokenSaved: false } });
    const back = await app.handleMessage({ type: 'saveConnection', kind: 'http', baseUrl: `${marketing.baseUrl}/` }, OPTIONS_PAGE);
    expect(back).toEqual({ ok: true, data: { tokenSaved: true } });
    // The syncs both saves started, one after the other: the moved one sent nothing, the one back home synced.
    await expect.poll(async () => db.getMeta<SyncState>(SYNC_STATE_KEY)).toMatchObject({ sourceId: `http:${marketing.baseUrl}`, status: 'idle' });
    await settled(app);
    expect(attacker.stats.requests).toBe(0);
    expect(marketing.stats.requests).toBeGreaterThan(0);
  });

  it('saved before base URLs were kept with tokens is sent nowhere until entered again', async () => {
    await db.setMeta('credential:http', 'secret-token');
    const app = background();
    expect(await app.sync()).toMatchObject({ status: 'error', error: expect.stringMatching(/^The saved token was kept without the address it belongs to/), errorCode: 'token_elsewhere' });
    expect(marketing.stats.requests).toBe(0);
  });

  it('saved before base URLs were kept with tokens is bound to the connection at start-up, and only to it', async () => {
    await db.setMeta('credential:http', 'secret-token');
    const app = background();
    await app.bindLegacyTokens();
    expect(await loadToken(db, 'http')).toEqual({ token: 'secret-token', baseUrl: marketing.baseUrl });
    expect(await app.sync()).toMatchObject({ status: 'idle' });
    expect(marketing.stats.requests).toBeGreaterThan(0);
    settings = { ...settings, source: { ...settings.source, baseUrl: attacker.baseUrl } };
    expect(await app.sync()).toMatchObject({ status: 'error' });
    expect(attacker.stats.requests).toBe(0);
  });
});
