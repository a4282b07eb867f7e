// Asking the background from a page. Content scripts cannot carry zod, so the reply's envelope is
// checked by a hand-written guard; here it is held to a zod schema of the same envelope, case by
// case, so the two cannot drift.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { ask, BackgroundError, isReply } from '../../../lib/messaging/client';

/** The envelope lib/messaging/messages.ts types as Reply<T>, as zod would check it. */
const ReplyEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

const CASES: [string, unknown][] = [
  ['an answer', { ok: true, data: { queuedId: 'q1' } }],
  ['an answer of null', { ok: true, data: null }],
  ['an answer of undefined, present', { ok: true, data: undefined }],
  ['an error', { ok: false, error: 'Nothing to act on' }],
  ['an empty error', { ok: false, error: '' }],
  ['an answer with extra fields', { ok: true, data: 1, at: 5 }],
  ['an error with extra fields', { ok: false, error: 'x', code: 'E1' }],
  ['no data', { ok: true }],
  ['no error', { ok: false }],
  ['no ok', { data: 1 }],
  ['ok as a string', { ok: 'true', data: 1 }],
  ['ok as a number', { ok: 1, data: 1 }],
  ['an error that is not a string', { ok: false, error: { message: 'x' } }],
  ['an error of null', { ok: false, error: null }],
  ['an array', Object.assign([], { ok: false, error: 'x' })],
  ['null', null],
  ['undefined', undefined],
  ['a string', 'ok'],
  ['a number', 0],
];

describe('isReply', () => {
  it.each(CASES)('agrees with the zod schema on %s', (_, value) => {
    expect(isReply(value)).toBe(ReplyEnvelope.safeParse(value).success);
  });

  it('accepts some cases and refuses others (the table tests both ways)', () => {
    const verdicts = CASES.map(([, value]) => isReply(value));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});

describe('ask', () => {
  afterEach(() => vi.restoreAllMocks());
  const reply = (value: unknown) => vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(value);

  it("gives the answer's data", async () => {
    reply({ ok: true, data: { queuedId: 'q1' } });
    await expect(ask({ type: 'handoffAction', handoffId: 'h1', action: 'accept' })).resolves.toEqual({ queuedId: 'q1' });
  });

  it("throws the background's error", async () => {
    reply({ ok: false, error: 'No handoff to act on' });
    await expect(ask({ type: 'syncNow' })).rejects.toThrow(new BackgroundError('No handoff to act on'));
  });

  it.each([undefined, { ok: true }, { ok: false, error: 42 }, 'pong'])('throws a BackgroundError for a reply it cannot read: %j', async (value) => {
    reply(value);
    await expect(ask({ type: 'syncNow' })).rejects.toBeInstanceOf(BackgroundError);
  });
});
