// The rep's verdict through the background: a repeated identical click sends nothing new, another
// verdict (or reason) replaces it for the card and still reaches marketing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import { cardHandlers, type ContentScriptDeps } from '../../../lib/background/content-script-handlers';
import { REPEAT_WINDOW_MS } from '../../../lib/background/outbox';
import { createBusinessClock } from '../../../lib/time/sla';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import type { MessageSender, ParsedRequest } from '../../../lib/messaging/messages';
import { makeLead } from '../../fixtures/factories';

const EMAIL = 'lead1@acme.example.com';
let db: LeadLensDb;
let now: number;
let deps: ContentScriptDeps;
beforeEach(async () => {
  db = new LeadLensDb(`feedback-${Math.random()}`);
  await db.leads.put(makeLead(1, { companySize: 300, industry: 'Retail', title: 'Engineer' }));
  now = Date.UTC(2026, 10, 16, 3);
  deps = {
    db,
    loadSettings: async () => DEFAULT_SETTINGS,
    now: () => now,
    clockFor: createBusinessClock,
    messagesFor: async () => ({}),
    lookUpMissing: async () => {},
    refreshBadge: async () => {},
    deliverOutbox: vi.fn(async () => {}),
  };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** The card's page in its frame, which alone of the senders in a web page's tab asks these (router.ts). */
const sender: MessageSender = { id: 'leadlens-id', url: 'chrome-extension://leadlens-id/card.html', tab: { id: 7 } };
type Feedback = Extract<ParsedRequest, { type: 'feedback' }>;
const give = (request: Omit<Feedback, 'type' | 'email' | 'note'> & { note?: string }) =>
  cardHandlers(deps).feedback({ type: 'feedback', email: EMAIL, ...request, note: request.note }, sender);
const card = async () => {
  const answer = await cardHandlers(deps).context({ type: 'context', emails: [EMAIL], withTouches: true }, sender);
  return answer.contexts[0]!;
};

describe('feedback from the card', () => {
  it('answers a repeated identical click with the item already queued, and queues nothing new', async () => {
    const first = await give({ verdict: 'not_a_fit', reasonCode: 'too_small' });
    now += 60_000;
    const again = await give({ verdict: 'not_a_fit', reasonCode: 'too_small' });
    expect(again.queuedId).toBe(first.queuedId);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.feedback.count()).toBe(1);
    expect(deps.deliverOutbox).toHaveBeenCalledTimes(1);
  });

  it('holds after delivery too: the log remembers what the outbox let go', async () => {
    const first = await give({ verdict: 'good_lead' });
    await db.outbox.clear();
    now += 5 * 60_000;
    expect((await give({ verdict: 'good_lead' })).queuedId).toBe(first.queuedId);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends the same verdict again after the window, or with a new note', async () => {
    const first = await give({ verdict: 'good_lead' });
    now += REPEAT_WINDOW_MS + 1;
    const later = await give({ verdict: 'good_lead' });
    expect(later.queuedId).not.toBe(first.queuedId);
    now += 1000;
    const withNote = await give({ verdict: 'good_lead', note: 'Call booked for Monday' });
    expect(withNote.queuedId).not.toBe(later.queuedId);
    now += 1000;
    expect((await give({ verdict: 'good_lead', note: 'Call booked for Monday' })).queuedId).toBe(withNote.queuedId);
    expect(await db.outbox.count()).toBe(3);
  });

  it('sends each distinct verdict, and the card shows the latest with its reason and time', async () => {
    await give({ verdict: 'not_a_fit', reasonCode: 'too_small' });
    now += 60_000;
    await give({ verdict: 'not_a_fit', reasonCode: 'wrong_industry' });
    now += 60_000;
    const latest = await give({ verdict: 'bad_timing' });
    expect(await db.outbox.count()).toBe(3);
    expect((await card()).latestVerdict).toEqual({ id: latest.queuedId, verdict: 'bad_timing', reasonCode: 'bad_timing', at: now });
    // Going back to an earlier verdict is a change, not a repeat.
    now += 60_000;
    await give({ verdict: 'not_a_fit', reasonCode: 'too_small' });
    expect(await db.outbox.count()).toBe(4);
  });

  it('explains the fit by the grading in force', async () => {
    const context = await card();
    expect(context.fit).toMatchObject({ points: 30, letter: 'C', thresholds: { fit: DEFAULT_SETTINGS.grading.fit } });
  });
});
