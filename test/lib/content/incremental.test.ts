// @vitest-environment happy-dom
// The overlay reads what a mutation batch changed, not the whole page: unrelated changes read
// nothing, an added message is read alone, a removed one takes its chip with it, and only a
// navigation (or the start) reads the whole document again.
import { shadowOf } from '../../shadow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createViewFactory } from '../../../components/overlay/view';
import { startOverlay } from '../../../lib/content/overlay';
import { gmail } from '../../../lib/pages/gmail';
import type { PageAdapter } from '../../../lib/pages/types';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { chips, fakeAsk, gmailMessage, hosts, settle, showPage } from './page';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread-multi-recipient'))!;

let ctx: ContentScriptContext;
let find: ReturnType<typeof vi.fn<PageAdapter['find']>>;
beforeEach(async () => {
  // Only the interval: WXT's location watcher polls with it where there is no Navigation API (as in happy-dom).
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  ctx = new ContentScriptContext('test');
  showPage(thread);
  find = vi.fn(gmail.find);
  const adapter = { ...gmail, find };
  startOverlay(ctx, () => adapter, { ask: fakeAsk(), createView: createViewFactory('') });
  await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length));
  expect(find.mock.calls.map(([root]) => root)).toEqual([document]);
  find.mockClear();
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const list = () => document.querySelector('[role="list"]')!;

describe('a mutation batch', () => {
  it('that touches no address reads nothing', async () => {
    const timestamp = document.querySelector('.adn .g3')!;
    timestamp.firstChild!.textContent = 'Nov 21, 2026';
    timestamp.replaceWith(Object.assign(document.createElement('span'), { className: 'g3', textContent: '1 minute ago' }));
    list().append(Object.assign(document.createElement('div'), { textContent: 'A banner with no address' }));
    document.querySelector('.ha h2')!.textContent = 'Re: Re: 導入のご相談';
    document.querySelector('.G-atb')!.setAttribute('style', 'height: 50px');
    document.querySelector('.G-atb [role="button"]')!.classList.add('T-I-JW');
    // Restyled, but neither hidden nor shown: the thread view holds addresses, and is not read again.
    document.querySelector('.if')!.setAttribute('style', 'min-height: 640px');
    await settle();
    expect(find).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(thread.expected.length);
  });

  it('that adds a message reads that message alone and mounts its one chip', async () => {
    const message = gmailMessage('late.reply@orbitlabs.example.com');
    list().append(message);
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length + 1));
    expect(find.mock.calls).toEqual([[message]]);
    expect(message.querySelector('span[email]')!.nextElementSibling!.tagName).toBe('LEADLENS-OVERLAY');
  });

  it('reads a subtree once, however many of its parts were added in the same batch', async () => {
    const message = gmailMessage('late.reply@orbitlabs.example.com');
    list().append(message);
    message.querySelector('h3.iw')!.append(gmailMessage('nested@orbitlabs.example.com').querySelector('span[email]')!);
    await settle();
    expect(find.mock.calls).toEqual([[message]]);
  });

  it('that re-renders a list whole reads each new message once, in one pass, and leaves the new chips alone', async () => {
    const before = [gmailMessage('first@orbitlabs.example.com'), gmailMessage('second@orbitlabs.example.com')];
    list().append(...before);
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length + 2));
    find.mockClear();
    // As a virtual list does: the old rows go and new ones come in one batch.
    const after = [gmailMessage('third@orbitlabs.example.com'), gmailMessage('fourth@orbitlabs.example.com'), gmailMessage('fifth@orbitlabs.example.com')];
    before.forEach((message) => message.remove());
    list().append(...after);
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length + 3));
    expect(find.mock.calls).toEqual(after.map((message) => [message]));
    expect(after.map((message) => message.querySelectorAll('leadlens-overlay').length)).toEqual([1, 1, 1]);
  });

  it('that adds two messages, one of which cannot be read, mounts the other and keeps every chip it had', async () => {
    const unreadable = gmailMessage('broken@orbitlabs.example.com');
    const readable = gmailMessage('late.reply@orbitlabs.example.com');
    find.mockImplementation((root) => {
      if (root === unreadable) throw new Error('a selector broke');
      return gmail.find(root);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    list().append(unreadable, readable);
    await vi.waitFor(() => expect(readable.querySelector('leadlens-overlay')).not.toBeNull());
    expect(unreadable.querySelector('leadlens-overlay')).toBeNull();
    expect(hosts()).toHaveLength(thread.expected.length + 1);
  });

  it('that changes an attribute it watches on an element holding no address reads nothing', async () => {
    // Presence dots and unread counts are shown and hidden all day: leaves, holding no address and no chip.
    const badge = Object.assign(document.createElement('span'), { className: 'presence' });
    document.querySelector('.ha')!.append(badge);
    await settle();
    find.mockClear();
    badge.setAttribute('style', 'display: none');
    badge.toggleAttribute('hidden');
    await settle();
    expect(find).not.toHaveBeenCalled();
    // Positive control: hiding the element that is an address's own takes its chip.
    const stranger = document.querySelector('[email="stranger@unknown-corp.example.com"]')!;
    stranger.setAttribute('style', 'display: none');
    await settle();
    expect(find.mock.calls).toEqual([[stranger]]);
    expect(hosts()).toHaveLength(thread.expected.length - 1);
  });

  it('that removes a message unmounts its chip and reads nothing', async () => {
    const message = gmailMessage('late.reply@orbitlabs.example.com');
    list().append(message);
    await vi.waitFor(() => expect(message.querySelector('leadlens-overlay')).not.toBeNull());
    find.mockClear();
    message.remove();
    await settle();
    expect(hosts()).toHaveLength(thread.expected.length);
    expect(find).not.toHaveBeenCalled();
  });

  it('that hides a thread view reads that view and unmounts its chips, and showing it mounts them again', async () => {
    const view = document.querySelector('.if')!;
    view.setAttribute('style', 'display: none');
    await settle();
    expect(find.mock.calls).toEqual([[view]]);
    expect(hosts()).toEqual([]);
    view.removeAttribute('style');
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length));
  });

  it('that restyles by class a part holding addresses reads nothing, unless a class its adapter reads comes or goes', async () => {
    // Hover, focus and presence classes on the thread and a message: no class Gmail's selectors name.
    document.querySelector('.if')!.classList.add('aXjCH');
    const collapsed = document.querySelector('.kv')!.closest('[role="listitem"]') ?? document.querySelector('.kv')!;
    collapsed.classList.add('presence-on');
    await settle();
    expect(find).not.toHaveBeenCalled();
    // Positive control: the collapsed message loses .kv, which its sender's selector reads, and is read again.
    const kv = document.querySelector('.kv')!;
    kv.classList.remove('kv');
    await settle();
    expect(find.mock.calls).toEqual([[kv]]);
    expect(hosts()).toHaveLength(thread.expected.length - 1);
  });

  it('that changes an address attribute replaces that chip', async () => {
    const stranger = document.querySelector('[email="stranger@unknown-corp.example.com"]')!;
    stranger.setAttribute('email', 'pat@unknown-corp.example.com');
    await settle();
    expect(find.mock.calls).toEqual([[stranger]]);
    const host = stranger.nextElementSibling!;
    expect(shadowOf(host)!.querySelector('.ll-chip')!.getAttribute('aria-label')).toContain('pat@unknown-corp.example.com');
    expect(hosts()).toHaveLength(thread.expected.length);
  });
});

describe('a navigation', () => {
  it('reads the whole document again, a task after the URL changed', async () => {
    history.pushState(null, '', '#inbox/FMfcgzQXJWDsKmNbXcCmRnTthreadid02');
    vi.advanceTimersByTime(1000);
    expect(find).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(find.mock.calls.map(([root]) => root)).toEqual([document]));
  });

  it('where the browser has idle callbacks, reads it when the page is next idle, not on a timer before', async () => {
    const idle: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback, options?: IdleRequestOptions) => {
      expect(options?.timeout).toBeGreaterThan(0);
      return idle.push(callback);
    });
    vi.stubGlobal('cancelIdleCallback', () => {});
    history.pushState(null, '', '#inbox/FMfcgzQXJWDsKmNbXcCmRnTthreadid03');
    vi.advanceTimersByTime(1000);
    await settle();
    expect(find).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    idle[0]!({ didTimeout: false, timeRemaining: () => 10 });
    expect(find.mock.calls.map(([root]) => root)).toEqual([document]);
  });
});
