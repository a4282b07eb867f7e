// A record page asks the background by the CRM record its URL names (DESIGN.md: a record's id in its
// URL first): its content script for the chip, whose address then opens the card. The background
// answers from the cache by the record's key, asks the source about a record it does not know (each key
// at most every LOOKUP_AGAIN_MS) and tells the tab what turned up; a malformed record is refused at the
// boundary. The card's page asks by address only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackgroundApp } from '../../../lib/background/app';
import { LOOKUP_AGAIN_MS } from '../../../lib/background/lead-lookup';
import { saveToken } from '../../../lib/cache/credentials';
import { LeadLensDb } from '../../../lib/cache/db';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import type { Settings } from '../../../lib/domain/settings-schema';
import type { ChipsAnswer, ContextAnswer, LeadsChangedNotice, MessageSender } from '../../../lib/messaging/messages';
import { sourceFor } from '../../../lib/sources';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../../fakes/lead-context-api';
import { wireLead } from '../../fakes/wire';
import { makeLead } from '../../fixtures/factories';

const NOW = Date.UTC(2026, 10, 17, 2, 0);
const EXTENSION = { id: 'leadlens-id', pagesUrl: 'chrome-extension://leadlens-id/' };
/** The CRM content script in tab 7, on a Salesforce Lead's record page. */
const CRM_TAB: MessageSender = { id: EXTENSION.id, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEFGH/view', tab: { id: 7 } };
/** The card's page, framed in that tab: the extension's own URL, which alone may ask a lead's whole context. */
const CARD_IN_CRM_TAB: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/card.html#email=lead1%40acme.example.com', tab: { id: 7 } };
const URL_RECORD = { crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdEFGH' } as const;
const KEY = 'salesforce:lead:00Q5g00000AbCdE';

let db: LeadLensDb;
let settings: Settings;
let notices: { tabId: number; notice: LeadsChangedNotice }[];
let currentTime: number;
let fake: FakeLeadContextApi | undefined;

function app() {
  return createBackgroundApp({
    db,
    extension: EXTENSION,
    loadSettings: async () => settings,
    sourceFor: (current, token) => sourceFor(current, { now: () => NOW, token }),
    saveSettings: async (next) => {
      settings = next;
    },
    now: () => currentTime,
    showBadge: async () => {},
    scheduleOutbox: async () => {},
    notify: async () => {},
    scheduleReminders: async () => {},
    notifyTab: async (tabId, notice) => {
      notices.push({ tabId, notice });
    },
    messagesFor: async (language) => JSON.parse(readFileSync(join(__dirname, `../../../public/_locales/${language}/messages.json`), 'utf8')),
  });
}

const answerOf = (reply: unknown) => (reply as { data: ContextAnswer }).data;
const chipsOf = (reply: unknown) => (reply as { data: ChipsAnswer }).data;

beforeEach(() => {
  db = new LeadLensDb(`records-${Math.random()}`);
  settings = { ...DEFAULT_SETTINGS };
  notices = [];
  currentTime = NOW;
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  db.close();
  await Dexie.delete(db.name);
});

describe('chips by CRM record', () => {
  it('finds the lead stored with the 15-character Salesforce id from the 18-character id of the URL, and says which key it answers', async () => {
    const lead = makeLead(1, { name: 'Aoi Sato', crmRecords: [{ crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdE' }] });
    await db.leads.bulkPut([lead, makeLead(2)]);
    const reply = await app().handleMessage({ type: 'chips', records: [URL_RECORD] }, CRM_TAB);
    expect(reply).toMatchObject({ ok: true });
    const answer = chipsOf(reply);
    expect(answer.chips).toEqual([]);
    expect(answer.records).toEqual([{ key: KEY, chip: { email: lead.email, lead: { name: 'Aoi Sato', grade: lead.grade, score: lead.score } } }]);
  });

  it('answers addresses and records in one request', async () => {
    await db.leads.bulkPut([makeLead(1, { crmRecords: [{ crm: 'hubspot', objectType: 'contact', id: '51' }] }), makeLead(2)]);
    const reply = await app().handleMessage({ type: 'chips', emails: ['lead2@acme.example.com'], records: [{ crm: 'hubspot', objectType: 'contact', id: '51' }] }, CRM_TAB);
    const answer = chipsOf(reply);
    expect(answer.chips).toEqual([{ email: 'lead2@acme.example.com', lead: expect.objectContaining({ name: makeLead(2).name }) }]);
    expect(answer.records).toEqual([{ key: 'hubspot:contact:51', chip: expect.objectContaining({ email: 'lead1@acme.example.com' }) }]);
  });

  it('refuses malformed records: an id the CRM does not use, an unknown CRM, too many, or nothing to look up', async () => {
    // A cached record: the positive control below leaves nothing to look up after the test.
    await db.leads.put(makeLead(1, { crmRecords: [URL_RECORD] }));
    const background = app();
    const ask = (message: unknown) => background.handleMessage(message, CRM_TAB);
    // The positive control: a well-formed record is answered.
    expect(await ask({ type: 'chips', records: [URL_RECORD] })).toMatchObject({ ok: true });
    expect(await ask({ type: 'chips', records: [{ ...URL_RECORD, id: '00Q5g00000AbCd' }] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Message: records\.0\.id: not an id this CRM uses/),
    });
    expect(await ask({ type: 'chips', records: [{ crm: 'sap', objectType: 'lead', id: '1' }] })).toMatchObject({ ok: false, error: expect.stringMatching(/records\.0\.crm/) });
    expect(await ask({ type: 'chips', records: [{ crm: 'hubspot', objectType: '', id: '1' }] })).toMatchObject({ ok: false, error: expect.stringMatching(/records\.0\.objectType/) });
    const six = Array.from({ length: 6 }, (_, n) => ({ crm: 'hubspot', objectType: 'contact', id: String(n + 1) }));
    expect(await ask({ type: 'chips', records: six })).toMatchObject({ ok: false, error: expect.stringMatching(/^Message: records: /) });
    expect(await ask({ type: 'chips', records: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/^Message: emails: /) });
    expect(await ask({ type: 'chips', records: 'salesforce:lead:00Q5g00000AbCdE' })).toMatchObject({ ok: false });
  });
});

describe('context by CRM record', () => {
  it('is refused: the card asks by address, and a record alone leaves it nothing to answer', async () => {
    await db.leads.put(makeLead(1, { crmRecords: [{ crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdE' }] }));
    const background = app();
    expect(await background.handleMessage({ type: 'context', records: [URL_RECORD], withTouches: true }, CARD_IN_CRM_TAB)).toEqual({
      ok: false,
      error: 'Message: emails: give at least one email',
    });
    // Beside an address the record is dropped, as any request's unknown field is: the address alone is answered.
    const reply = await background.handleMessage({ type: 'context', emails: ['lead1@acme.example.com'], records: [URL_RECORD], withTouches: true }, CARD_IN_CRM_TAB);
    expect(Object.keys(answerOf(reply)).sort()).toEqual(['contexts', 'language', 'reasons', 'syncState']);
    expect(answerOf(reply).contexts).toEqual([expect.objectContaining({ email: 'lead1@acme.example.com', touchesIncluded: true })]);
  });
});

describe('on-miss lookup by CRM record', () => {
  it('asks the Lead Context API about a record the cache does not know, stores what it finds, tells the tab, and asks again only after LOOKUP_AGAIN_MS', async () => {
    // Created at the source since the last sync; the source spells the id in its 18-character form.
    const fresh = makeLead(7, { email: 'fresh@acme.example.com', name: 'Fresh Lead', crmRecords: [{ crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdEFGH' }] });
    fake = await startFakeLeadContextApi({ token: 'secret-token', unsynced: [wireLead(fresh)] });
    settings = { ...settings, source: { kind: 'http', baseUrl: fake.baseUrl, demoSeed: 1 } };
    await saveToken(db, 'http', 'secret-token', fake.baseUrl);
    const background = app();
    const unknown = { crm: 'hubspot', objectType: 'contact', id: '999' } as const;
    // The record page's content script asks for the chip of the record its URL names.
    const ask = () => background.handleMessage({ type: 'chips', records: [URL_RECORD, unknown] }, CRM_TAB);

    const first = chipsOf(await ask());
    expect(first.records).toEqual([
      { key: KEY, chip: null },
      { key: 'hubspot:contact:999', chip: null },
    ]);
    await vi.waitFor(() => expect(notices).toEqual([{ tabId: 7, notice: { type: 'leadsChanged', emails: ['fresh@acme.example.com'], records: [KEY] } }]));
    const lookups = () => fake!.received.filter((request) => request.path === '/v1/leads').length;
    expect(lookups()).toBe(1);

    const second = chipsOf(await ask());
    expect(second.records[0]).toEqual({ key: KEY, chip: { email: 'fresh@acme.example.com', lead: { name: 'Fresh Lead', grade: fresh.grade, score: fresh.score } } });
    expect(second.records[1]).toEqual({ key: 'hubspot:contact:999', chip: null });
    // The record the source did not know is not asked about again so soon...
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lookups()).toBe(1);
    // ...but is once LOOKUP_AGAIN_MS have passed.
    currentTime += LOOKUP_AGAIN_MS;
    await ask();
    await vi.waitFor(() => expect(lookups()).toBe(2));
  });
});
