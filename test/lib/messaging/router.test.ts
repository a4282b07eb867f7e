import { SourceError } from '../../../lib/sources/source';
import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/messaging/router';
import type { ContentScriptHandlers, ExtensionPageHandlers, MessageSender } from '../../../lib/messaging/messages';

const EXTENSION = { id: 'leadlens-id', pagesUrl: 'chrome-extension://leadlens-id/' };
/** The options page opened in a tab: the browser sets sender.tab, but the page is the extension's own. */
const OPTIONS_IN_TAB: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/options.html', tab: { id: 3 } };
const POPUP: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/popup.html' };
/** Gmail's content script: the extension's id, but a web page's URL and tab. */
const GMAIL: MessageSender = { id: EXTENSION.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };

function handlers() {
  const contentScript: ContentScriptHandlers = {
    chips: vi.fn(async ({ emails }: { emails: string[] }) => ({ chips: emails.map((email) => ({ email, lead: null })), records: [], language: null })),
    context: vi.fn(async ({ emails }: { emails: string[] }) => ({
      contexts: emails.map((email) => ({ email, lead: null, touches: [], touchCount: 0, touchesIncluded: false, handoff: null, sla: null })),
      records: [],
      syncState: null,
      reasons: [],
      language: null,
    })),
    account: vi.fn(async () => null),
    messages: vi.fn(async () => ({})),
    feedback: vi.fn(async () => ({ queuedId: 'o1' })),
    handoffAction: vi.fn(async () => ({ queuedId: 'o2' })),
  };
  const extensionPage: ExtensionPageHandlers = {
    syncNow: vi.fn(async () => ({ status: 'idle' as const, sourceId: 'demo', recordsSynced: 0, quarantined: 0 })),
    saveConnection: vi.fn(async () => ({ tokenSaved: true })),
    testConnection: vi.fn(async () => ({ ok: true, message: 'Connected.' })),
    listHubSpotProperties: vi.fn(async () => ({ ok: true as const, numbers: [], dates: [] })),
  };
  return { contentScript, extensionPage };
}

describe('createRouter', () => {
  it('hands a parsed, normalised request, and who sent it, to the handler named by its type', async () => {
    const named = handlers();
    const reply = await createRouter(named, EXTENSION)({ type: 'context', emails: [' Taro@Example.COM '] }, GMAIL);
    expect(reply).toEqual({
      ok: true,
      data: { contexts: [expect.objectContaining({ email: 'taro@example.com' })], records: [], syncState: null, reasons: [], language: null },
    });
    expect(named.contentScript.context).toHaveBeenCalledWith({ type: 'context', emails: ['taro@example.com'], records: [], withTouches: false }, GMAIL);
    expect(named.extensionPage.syncNow).not.toHaveBeenCalled();
  });

  it('answers a malformed message with an error naming the field, calling no handler', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    expect(await route({ type: 'context', emails: ['<img src=x>'] }, GMAIL)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Message: emails\.0: /),
    });
    expect(await route({ type: 'context', emails: Array(101).fill('a@b.example.com') }, GMAIL)).toMatchObject({ ok: false });
    expect(await route({ type: 'deleteEverything' }, POPUP)).toMatchObject({ ok: false, error: expect.stringMatching(/type/) });
    expect(await route('hello', POPUP)).toMatchObject({ ok: false });
    expect(named.contentScript.context).not.toHaveBeenCalled();
  });

  it('drops an empty note and keeps a real one, trimmed', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    await route({ type: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', note: '   ' }, GMAIL);
    expect(named.contentScript.feedback).toHaveBeenCalledWith({ type: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', note: undefined }, GMAIL);
    await route({ type: 'handoffAction', handoffId: 'h1', action: 'reject', note: ' 予算凍結 ' }, POPUP);
    expect(named.contentScript.handoffAction).toHaveBeenCalledWith({ type: 'handoffAction', handoffId: 'h1', action: 'reject', note: '予算凍結' }, POPUP);
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
  const pageOnly = [
    { type: 'syncNow' },
    { type: 'saveConnection', kind: 'http', baseUrl: 'https://attacker.example.com', token: 'stolen' },
    { type: 'testConnection', kind: 'http', baseUrl: 'https://attacker.example.com' },
    { type: 'listHubSpotProperties', baseUrl: 'https://attacker.example.com' },
  ] as const;

  it("refuses a content script the connection, the token and the sync, and calls nothing", async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    for (const request of pageOnly) {
      expect(await route(request, GMAIL)).toEqual({ ok: false, error: `LeadLens: ${request.type} is not accepted from a web page.` });
    }
    // A content script in a page LeadLens has no tab for (a frame, say) is still a web page by its URL.
    expect(await route({ type: 'syncNow' }, { id: EXTENSION.id, url: 'https://crm.example.com/lead/1' })).toMatchObject({ ok: false });
    // No URL at all: not known to be an extension page, so not one.
    expect(await route({ type: 'syncNow' }, { id: EXTENSION.id })).toMatchObject({ ok: false });
    expect(named.extensionPage.syncNow).not.toHaveBeenCalled();
    expect(named.extensionPage.saveConnection).not.toHaveBeenCalled();
    expect(named.extensionPage.testConnection).not.toHaveBeenCalled();
    expect(named.extensionPage.listHubSpotProperties).not.toHaveBeenCalled();
  });

  it("answers the same requests from the extension's own pages, in a tab or not", async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    for (const request of pageOnly) expect(await route(request, OPTIONS_IN_TAB)).toMatchObject({ ok: true });
    expect(await route({ type: 'syncNow' }, POPUP)).toMatchObject({ ok: true });
    expect(named.extensionPage.syncNow).toHaveBeenCalledTimes(2);
    expect(named.extensionPage.saveConnection).toHaveBeenCalledTimes(1);
    expect(named.extensionPage.testConnection).toHaveBeenCalledTimes(1);
    expect(named.extensionPage.listHubSpotProperties).toHaveBeenCalledTimes(1);
  });

  it('gives the card page, an extension page framed inside a web page, only what a content script gets', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    const card: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/card.html#email=a%40b.example.com', tab: { id: 7 } };
    expect(await route({ type: 'context', emails: ['a@b.example.com'], withTouches: true }, card)).toMatchObject({ ok: true });
    expect(await route({ type: 'messages', language: 'ja' }, card)).toMatchObject({ ok: true });
    expect(await route({ type: 'feedback', email: 'a@b.example.com', verdict: 'good_lead' }, card)).toMatchObject({ ok: true });
    expect(await route({ type: 'handoffAction', handoffId: 'h1', action: 'accept' }, card)).toMatchObject({ ok: true });
    for (const request of pageOnly) expect(await route(request, card)).toMatchObject({ ok: false });
    // Nor does any other path of the extension's origin, or a trusted name further down a path.
    for (const url of ['chrome-extension://leadlens-id/card.html?x=/options.html', 'chrome-extension://leadlens-id/frames/options.html', 'chrome-extension://leadlens-id/']) {
      expect(await route({ type: 'syncNow' }, { id: EXTENSION.id, url })).toMatchObject({ ok: false });
    }
    expect(named.extensionPage.syncNow).not.toHaveBeenCalled();
    expect(named.extensionPage.saveConnection).not.toHaveBeenCalled();
    expect(named.extensionPage.testConnection).not.toHaveBeenCalled();
    expect(named.contentScript.handoffAction).toHaveBeenCalledTimes(1);
  });

  it('judges the origin, not a prefix of it: a look-alike URL is a web page', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    const lookAlike = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id.attacker.example.com/options.html' };
    expect(await route({ type: 'syncNow' }, lookAlike)).toMatchObject({ ok: false });
    expect(named.extensionPage.syncNow).not.toHaveBeenCalled();
  });

  it('refuses another extension everything, even what a content script may ask', async () => {
    const named = handlers();
    const route = createRouter(named, EXTENSION);
    const other = { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' };
    expect(await route({ type: 'context', emails: ['a@b.example.com'] }, other)).toEqual({
      ok: false,
      error: 'LeadLens: messages from other extensions are not accepted.',
    });
    // Its own id with LeadLens's URL changes nothing: the id is what the browser vouches for.
    expect(await route({ type: 'syncNow' }, { ...other, url: POPUP.url })).toMatchObject({ ok: false });
    expect(named.contentScript.context).not.toHaveBeenCalled();
    expect(named.extensionPage.syncNow).not.toHaveBeenCalled();
  });
});
