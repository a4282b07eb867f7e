// The 'account' message as the card's page (framed in the web page) sends it: answered by the
// background's card handlers from the cache, null for free mail, refused when malformed or when a
// content script asks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createBackgroundApp } from '../../../lib/background/app';
import { LeadLensDb } from '../../../lib/cache/db';
import { accountKeyOf } from '../../../lib/domain/account';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { sourceFor } from '../../../lib/sources';
import type { MessageSender } from '../../../lib/messaging/messages';
import { makeLead, makeTouch } from '../../fixtures/factories';

const NOW = Date.UTC(2026, 10, 17, 2, 0);
const EXTENSION = { id: 'leadlens-id', pagesUrl: 'chrome-extension://leadlens-id/' };
const GMAIL: MessageSender = { id: EXTENSION.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 42 } };
/** The card's page in its frame in that Gmail tab. */
const CARD: MessageSender = { id: EXTENSION.id, url: 'chrome-extension://leadlens-id/card.html#email=ito%40sakura-seiki.co.jp', tab: { id: 42 } };
let db: LeadLensDb;

beforeEach(() => {
  db = new LeadLensDb(`bg-${Math.random()}`, { accountKeyOf });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function background() {
  const nothing = async () => {};
  return createBackgroundApp({
    db,
    extension: EXTENSION,
    loadSettings: async () => DEFAULT_SETTINGS,
    saveSettings: nothing,
    sourceFor: (current, token) => sourceFor(current, { now: () => NOW, token }),
    scheduleOutbox: nothing,
    now: () => NOW,
    showBadge: nothing,
    notify: nothing,
    scheduleReminders: nothing,
    notifyTab: nothing,
    messagesFor: async () => ({}),
  });
}

describe("the 'account' message", () => {
  it('answers the card with the lead account, and null for a free-mail address', async () => {
    await db.leads.bulkPut([
      makeLead(1, { email: 'ito@sakura-seiki.co.jp', company: '株式会社サクラ精機' }),
      makeLead(2, { email: 'mori@sakura-seiki.co.jp', company: '株式会社サクラ精機', name: '森 花子' }),
      makeLead(3, { email: 'hanako@gmail.com', company: '株式会社サクラ精機' }),
    ]);
    await db.touches.bulkPut([makeTouch(1, 'mori@sakura-seiki.co.jp', { at: NOW - 3_600_000 })]);
    const { handleMessage } = background();
    const reply = await handleMessage({ type: 'account', email: ' Ito@Sakura-Seiki.co.jp ' }, CARD);
    expect(reply).toMatchObject({ ok: true, data: { key: 'domain:sakura-seiki.co.jp', name: '株式会社サクラ精機', activeCount: 1, people: [{ name: '森 花子' }] } });
    expect(await handleMessage({ type: 'account', email: 'hanako@gmail.com' }, CARD)).toEqual({ ok: true, data: null });
    // Gmail's content script is refused the same question: the people at an account are the card's to show.
    expect(await handleMessage({ type: 'account', email: 'ito@sakura-seiki.co.jp' }, GMAIL)).toEqual({ ok: false, error: 'LeadLens: account is not accepted from a web page.' });
  });

  it('refuses a message without a real address', async () => {
    expect(await background().handleMessage({ type: 'account', email: '<img src=x>' }, CARD)).toEqual({ ok: false, error: expect.stringMatching(/^Message: email: /) });
  });
});
