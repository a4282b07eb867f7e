import { SourceError } from '../../../lib/sources/source';
import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/messaging/router';
import type { CardHandlers, ContentScriptHandlers, ExtensionPageHandlers, MessageSender } from '../../../lib/messaging/messages';

const EXTENSION = { id: 'leadlens-id', pagesUrl: 'chrome-extension://leadlens-id/' };
/** The options page opened in a tab: the browser sets sender.tab, but the page is the extension's own. */
const OPTIONS_IN_TAB: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/options.html', tab: { id: 3 } };
const POPUP: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/popup.html' };
const WELCOME: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/welcome.html' };
/** The card's page in its frame inside Gmail: the extension's URL, in the web page's tab. */
const CARD: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/card.html#email=a%40b.example.com', tab: { id: 7 } };
/** Gmail's content script: the extension's id, but a web page's URL and tab. */
const GMAIL: MessageSender = { id: EXTENSION.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };

function handlers() {
  const contentScript: ContentScriptHandlers = {
    chips: vi.fn(async ({ emails }: { emails: string[] }) => ({ chips: emails.map((email) => ({ email, lead: null })), records: [], language: null })),
    messages: vi.fn(async () => ({})),
  };
  const card: CardHandlers = {
    context: vi.fn(async ({ emails }: { emails: string[] }) => ({
      contexts: emails.map((email) => ({ email, lead: null, touches: [], touchCount: 0, touchesIncluded: false, handoff: null, sla: null })),
      syncState: null,
      reasons: [],
      language: null,
    })),
    account: vi.fn(async () => null),
    feedback: vi.fn(async () => ({ queuedId: 'o1' })),
    handoffAction: vi.fn(async () => ({ queuedId: 'o2' })),
  };
  const extensionPage: ExtensionPageHandlers = {
    syncNow: vi.fn(async () => ({ status: 'idle' as const, sourceId: 'demo', recordsSynced: 0, quarantined: 0 })),
    saveConnection: vi.fn(async () => ({ tokenSaved: true })),
    testConnection: vi.fn(async () => ({ ok: true, message: 'Connected.' })),
    listHubSpotProperties: vi.fn(async () => ({ ok: true as const, numbers: [], dates: [] })),
  };
  return { contentScript, card, extensionPage };
}

/** How many times each group's handlers were called, all together. */
function callsOf(group: object): number {
  return Object.values(group).reduce((sum: number, handler) => sum + vi.mocked(handler as () => unknown).mock.calls.length, 0);
}

describe('createRouter', () => {
  it('hands a parsed, normalised request, and who sent it, to the handler named by its type', async () => {
    const named = handlers();
    const reply = await createRouter(named, EXTENSION)({ type: 'context', emails: [' Taro@Example.COM '] }, CARD);
    expect(reply).toEqual({
      ok: true,
      data: { contexts: [expect.objectContaining({ email: 'taro@example.com' })], syncState: null, reasons: [], language: null },
    });
    expect(named.card.context).toHaveBeenCalledWith({ type: 'context', emails: ['taro@example.com'], withTouches: false }, CARD);
    expect(named.extensionPage.syncNow).not.toHaveBeenCalled();
  });

  it('answers a malformed message with an error naming the field, calling no handler', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    expect(await route({ type: 'context', emails: ['<img src=x>'] }, CARD)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Message: emails\.0: /),
    });
    expect(await route({ type: 'chips', emails: Array(101).fill('a@b.example.com') }, GMAIL)).toMatchObject({ ok: false, error: expect.stringMatching(/^Message: emails: /) });
    expect(await route({ type: 'deleteEverything' }, POPUP)).toMatchObject({ ok: false, error: expect.stringMatching(/type/) });
    expect(await route('hello', POPUP)).toMatchObject({ ok: false });
    expect(named.card.context).not.toHaveBeenCalled();
    expect(named.contentScript.chips).not.toHaveBeenCalled();
  });

  it('refuses a context asked by CRM record alone, and drops the records beside an address, as every request drops a field it does not have', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    const record = { crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdEFGH' };
    expect(await route({ type: 'context', records: [record], withTouches: true }, CARD)).toEqual({ ok: false, error: 'Message: emails: give at least one email' });
    expect(named.card.context).not.toHaveBeenCalled();
    expect(await route({ type: 'context', emails: ['a@b.example.com'], records: [record], withTouches: true }, CARD)).toMatchObject({ ok: true });
    expect(named.card.context).toHaveBeenCalledWith({ type: 'context', emails: ['a@b.example.com'], withTouches: true }, CARD);
    // The same for a request that never had such a field: chips do not take withTouches.
    await route({ type: 'chips', emails: ['a@b.example.com'], withTouches: true }, GMAIL);
    expect(named.contentScript.chips).toHaveBeenCalledWith({ type: 'chips', emails: ['a@b.example.com'], records: [] }, GMAIL);
  });

  it('drops an empty note and keeps a real one, trimmed', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    await route({ type: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', note: '   ' }, CARD);
    expect(named.card.feedback).toHaveBeenCalledWith({ type: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', note: undefined }, CARD);
    await route({ type: 'handoffAction', handoffId: 'h1', action: 'reject', note: ' 予算凍結 ' }, POPUP);
    expect(named.card.handoffAction).toHaveBeenCalledWith({ type: 'handoffAction', handoffId: 'h1', action: 'reject', note: '予算凍結' }, POPUP);
    expect(await route({ type: 'handoffAction', handoffId: 'h1', action: 'delete' }, POPUP)).toMatchObject({ ok: false });
  });

  it('turns a failing handler into an error reply', async () => {
    const named = handlers();
    named.extensionPage.syncNow = async () => {
      throw new Error('disk on fire');
    };
    expect(await createRouter(named, EXTENSION)({ type: 'syncNow' }, POPUP)).toEqual({ ok: false, error: 'disk on fire' });
  });

  it('says what kind of failure it was, for the page to word in the rep\'s language', async () => {
    const named = handlers();
    named.extensionPage.syncNow = async () => {
      throw new SourceError('HubSpot refused the token (401 Unauthorized: Authentication credentials not found).', 'auth');
    };
    expect(await createRouter(named, EXTENSION)({ type: 'syncNow' }, POPUP)).toEqual({
      ok: false,
      error: 'HubSpot refused the token (401 Unauthorized: Authentication credentials not found).',
      code: 'auth',
    });
  });
});

describe('who may ask what', () => {
  const contentScriptAsks = [
    { type: 'chips', emails: ['a@b.example.com'] },
    { type: 'messages', language: 'ja' },
  ] as const;
  const cardAsks = [
    { type: 'context', emails: ['a@b.example.com'], withTouches: true },
    { type: 'account', email: 'a@b.example.com' },
    { type: 'feedback', email: 'a@b.example.com', verdict: 'good_lead' },
    { type: 'handoffAction', handoffId: 'h1', action: 'accept' },
  ] as const;
  const pageOnly = [
    { type: 'syncNow' },
    { type: 'saveConnection', kind: 'http', baseUrl: 'https://attacker.example.com', token: 'stolen' },
    { type: 'testConnection', kind: 'http', baseUrl: 'https://attacker.example.com' },
    { type: 'listHubSpotProperties', baseUrl: 'https://attacker.example.com' },
  ] as const;
  const refusal = (type: string) => ({ ok: false, error: `LeadLens: ${type} is not accepted from a web page.` });

  it('gives a content script the chips and the words, refuses it the rest, and calls nothing it refuses', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    for (const request of contentScriptAsks) expect(await route(request, GMAIL)).toMatchObject({ ok: true });
    for (const request of [...cardAsks, ...pageOnly]) expect(await route(request, GMAIL)).toEqual(refusal(request.type));
    // A content script in a page LeadLens has no tab for (a frame, say) is still a web page by its URL.
    const crmFrame = { id: EXTENSION.id, url: 'https://crm.example.com/lead/1' };
    expect(await route({ type: 'feedback', email: 'a@b.example.com', verdict: 'good_lead' }, crmFrame)).toEqual(refusal('feedback'));
    expect(await route({ type: 'syncNow' }, crmFrame)).toEqual(refusal('syncNow'));
    // No URL at all: not known to be an extension page, so not one.
    expect(await route({ type: 'context', emails: ['a@b.example.com'] }, { id: EXTENSION.id })).toEqual(refusal('context'));
    expect(await route({ type: 'syncNow' }, { id: EXTENSION.id })).toEqual(refusal('syncNow'));
    expect(callsOf(named.contentScript)).toBe(contentScriptAsks.length);
    expect(callsOf(named.card)).toBe(0);
    expect(callsOf(named.extensionPage)).toBe(0);
  });

  it("gives the card page the card's requests and a content script's, never the connection, the token or the sync", async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    for (const request of [...contentScriptAsks, ...cardAsks]) expect(await route(request, CARD)).toMatchObject({ ok: true });
    // With a query instead of a hash, or neither, it is the same page.
    const cardWithQuery = { ...CARD, url: 'chrome-extension://leadlens-id/card.html?email=a%40b.example.com' };
    expect(await route({ type: 'account', email: 'a@b.example.com' }, cardWithQuery)).toMatchObject({ ok: true });
    expect(await route({ type: 'account', email: 'a@b.example.com' }, { ...CARD, url: 'chrome-extension://leadlens-id/card.html' })).toMatchObject({ ok: true });
    for (const request of pageOnly) expect(await route(request, CARD)).toEqual(refusal(request.type));
    expect(callsOf(named.contentScript)).toBe(contentScriptAsks.length);
    expect(callsOf(named.card)).toBe(cardAsks.length + 2);
    expect(callsOf(named.extensionPage)).toBe(0);
  });

  it("answers everything from the extension's own pages, in a tab or not", async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    const everything = [...contentScriptAsks, ...cardAsks, ...pageOnly];
    for (const page of [OPTIONS_IN_TAB, POPUP, WELCOME]) {
      for (const request of everything) expect(await route(request, page)).toMatchObject({ ok: true });
    }
    expect(callsOf(named.contentScript)).toBe(3 * contentScriptAsks.length);
    expect(callsOf(named.card)).toBe(3 * cardAsks.length);
    expect(callsOf(named.extensionPage)).toBe(3 * pageOnly.length);
  });

  it("takes a URL that only looks like the card's for a web page's", async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    const lookAlikes = [
      'https://evil.example/card.html',
      'chrome-extension://other-id/card.html',
      'chrome-extension://leadlens-id.attacker.example.com/card.html',
      'chrome-extension://leadlens-id/card.html.evil',
      'chrome-extension://leadlens-id/x/card.html',
      'chrome-extension://leadlens-id/card.htm',
      'chrome-extension://leadlens-id/',
    ];
    for (const url of lookAlikes) {
      const sender = { id: EXTENSION.id, url, tab: { id: 7 } };
      for (const request of cardAsks) expect(await route(request, sender)).toEqual(refusal(request.type));
      // Still a content script's due: the chips.
      expect(await route({ type: 'chips', emails: ['a@b.example.com'] }, sender)).toMatchObject({ ok: true });
    }
    expect(callsOf(named.card)).toBe(0);
    expect(named.contentScript.chips).toHaveBeenCalledTimes(lookAlikes.length);
  });

  it("takes no other page of the extension's, nor a trusted name further down a path or in a query, for a trusted one", async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    for (const url of [
      'chrome-extension://leadlens-id/card.html?x=/options.html',
      'chrome-extension://leadlens-id/frames/options.html',
      'chrome-extension://leadlens-id/',
      'chrome-extension://leadlens-id.attacker.example.com/options.html',
    ]) {
      expect(await route({ type: 'syncNow' }, { id: EXTENSION.id, url })).toEqual(refusal('syncNow'));
    }
    expect(named.extensionPage.syncNow).not.toHaveBeenCalled();
    // Positive control: the same request from the options page itself.
    expect(await route({ type: 'syncNow' }, OPTIONS_IN_TAB)).toMatchObject({ ok: true });
  });

  it('refuses another extension everything, even the chips', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    const other = { id: 'other-extension', url: 'chrome-extension://other-extension/card.html' };
    for (const request of [...contentScriptAsks, ...cardAsks, ...pageOnly]) {
      expect(await route(request, other)).toEqual({ ok: false, error: 'LeadLens: messages from other extensions are not accepted.' });
    }
    // Its own id with LeadLens's URL changes nothing: the id is what the browser vouches for.
    expect(await route({ type: 'syncNow' }, { ...other, url: POPUP.url })).toMatchObject({ ok: false });
    expect(await route({ type: 'context', emails: ['a@b.example.com'] }, { ...other, url: CARD.url })).toMatchObject({ ok: false });
    expect(callsOf(named.contentScript) + callsOf(named.card) + callsOf(named.extensionPage)).toBe(0);
  });
});
