import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/messaging/router';
import type { Handlers } from '../../../lib/messaging/messages';

function handlers(): Handlers {
  return {
    context: vi.fn(async ({ emails }: { emails: string[] }) => ({
      contexts: emails.map((email) => ({ email, lead: null, touches: [], touchCount: 0, touchesIncluded: false, handoff: null, sla: null })),
      syncState: null,
      reasons: [],
      language: null,
    })),
    syncNow: vi.fn(async () => ({ status: 'idle' as const, sourceId: 'demo', recordsSynced: 0, quarantined: 0 })),
    messages: vi.fn(async () => ({})),
    feedback: vi.fn(async () => ({ queuedId: 'o1' })),
    handoffAction: vi.fn(async () => ({ queuedId: 'o2' })),
    saveConnection: vi.fn(async () => ({ tokenSaved: true })),
    testConnection: vi.fn(async () => ({ ok: true, message: 'Connected.' })),
  };
}

describe('createRouter', () => {
  it('hands a parsed, normalised request, and who sent it, to the handler named by its type', async () => {
    const named = handlers();
    const reply = await createRouter(named)({ type: 'context', emails: [' Taro@Example.COM '] }, { tabId: 7 });
    expect(reply).toEqual({
      ok: true,
      data: { contexts: [expect.objectContaining({ email: 'taro@example.com' })], syncState: null, reasons: [], language: null },
    });
    expect(named.context).toHaveBeenCalledWith({ type: 'context', emails: ['taro@example.com'], withTouches: false }, { tabId: 7 });
    expect(named.syncNow).not.toHaveBeenCalled();
  });

  it('answers a malformed message with an error naming the field, calling no handler', async () => {
    const named = handlers();
    const route = createRouter(named);
    expect(await route({ type: 'context', emails: ['<img src=x>'] })).toEqual({
      ok: false,
      error: expect.stringMatching(/^Message: emails\.0: /),
    });
    expect(await route({ type: 'context', emails: Array(101).fill('a@b.example.com') })).toMatchObject({ ok: false });
    expect(await route({ type: 'deleteEverything' })).toMatchObject({ ok: false, error: expect.stringMatching(/type/) });
    expect(await route('hello')).toMatchObject({ ok: false });
    expect(named.context).not.toHaveBeenCalled();
  });

  it('drops an empty note and keeps a real one, trimmed', async () => {
    const named = handlers();
    const route = createRouter(named);
    await route({ type: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', note: '   ' });
    expect(named.feedback).toHaveBeenCalledWith({ type: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', note: undefined }, {});
    await route({ type: 'handoffAction', handoffId: 'h1', action: 'reject', note: ' 予算凍結 ' });
    expect(named.handoffAction).toHaveBeenCalledWith({ type: 'handoffAction', handoffId: 'h1', action: 'reject', note: '予算凍結' }, {});
    expect(await route({ type: 'handoffAction', handoffId: 'h1', action: 'delete' })).toMatchObject({ ok: false });
  });

  it('turns a failing handler into an error reply', async () => {
    const named = handlers();
    named.syncNow = async () => {
      throw new Error('disk on fire');
    };
    expect(await createRouter(named)({ type: 'syncNow' })).toEqual({ ok: false, error: 'disk on fire' });
  });
});
