// @vitest-environment happy-dom
// The overlay runtime on a page, with a test ContentScriptContext: chips beside the adapter's
// addresses, nothing left behind once the context is invalidated, and a failing adapter that stops
// nothing.
import { shadowOf } from '../../shadow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createViewFactory } from '../../../components/overlay/view';
import { startOverlay } from '../../../lib/content/overlay';
import { gmail } from '../../../lib/pages/gmail';
import { SelectorError, type PageAdapter } from '../../../lib/pages/types';
import { makeLead } from '../../fixtures/factories';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { chips, fakeAsk, gmailMessage, hosts, settle, showPage } from './page';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread-multi-recipient'))!;
const NOW = Date.UTC(2026, 10, 20, 8, 0);

let ctx: ContentScriptContext;
beforeEach(() => {
  ctx = new ContentScriptContext('test');
  showPage(thread);
});
afterEach(() => {
  ctx.abort();
  vi.restoreAllMocks();
});

function start(adapter: PageAdapter = gmail, ask = fakeAsk()) {
  return startOverlay(ctx, () => adapter, { ask, createView: createViewFactory('') });
}

describe('the overlay runtime', () => {
  it("puts one chip right after each address the adapter finds, once the background has answered", async () => {
    const ask = fakeAsk();
    start(gmail, ask);
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length));
    for (const { anchor } of gmail.find(document)) expect(anchor.nextElementSibling?.tagName).toBe('LEADLENS-OVERLAY');
    // Only what a chip shows: the card's own page asks for the rest.
    expect(ask.mock.calls.map(([request]) => request.type)).toEqual(['chips']);
    const asked = ask.mock.calls.flatMap(([request]) => (request.type === 'chips' ? request.emails : []));
    expect(new Set(asked)).toEqual(new Set(thread.expected.map(({ email }) => email)));
  });

  it('disconnects its observer and removes every host when the context is invalidated', async () => {
    const adapter = { ...gmail, find: vi.fn(gmail.find) };
    start(adapter);
    await vi.waitFor(() => expect(hosts()).toHaveLength(thread.expected.length));
    ctx.abort();
    expect(hosts()).toEqual([]);
    adapter.find.mockClear();
    document.querySelector('[role="list"]')!.append(gmailMessage('late@orbitlabs.example.com'));
    await settle();
    expect(adapter.find).not.toHaveBeenCalled();
    expect(hosts()).toEqual([]);
  });

  it('keeps watching when the adapter throws, and says so once, quietly', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let failing = true;
    const adapter: PageAdapter = {
      ...gmail,
      find: (root) => {
        if (failing) throw new SelectorError('div[role="main"]');
        return gmail.find(root);
      },
    };
    expect(() => start(adapter)).not.toThrow();
    const list = document.querySelector('[role="list"]')!;
    list.append(gmailMessage('first@orbitlabs.example.com'));
    await settle();
    list.append(gmailMessage('second@orbitlabs.example.com'));
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
    expect(hosts()).toEqual([]);

    failing = false;
    const third = gmailMessage('third@orbitlabs.example.com');
    list.append(third);
    await vi.waitFor(() => expect(third.querySelector('leadlens-overlay')).not.toBeNull());
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('reads the whole page at the next batch when reading it at the start failed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    const adapter: PageAdapter = {
      ...gmail,
      find: (root) => {
        if (calls++ === 0) throw new SelectorError('div[role="main"]');
        return gmail.find(root);
      },
    };
    start(adapter);
    document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length));
  });

  it('opens the first known lead’s card on the keyboard command', async () => {
    const noah = makeLead(1, { email: 'noah.wright@orbitlabs.example.com', name: 'Noah Wright' });
    const overlay = start(gmail, fakeAsk([noah]));
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length));
    overlay.openCard();
    const cards = () => hosts().flatMap((host) => [...shadowOf(host)!.querySelectorAll('iframe.ll-card-frame')]);
    await vi.waitFor(() => expect(cards()).toHaveLength(1));
    expect(cards()[0]!.getAttribute('title')).toContain('Noah Wright');
  });

  it('opens the card of the message in view on the keyboard command, not the first lead on the page', async () => {
    const upper = makeLead(2, { email: 'upper@orbitlabs.example.com', name: 'Upper Sender' });
    const lower = makeLead(3, { email: 'lower@orbitlabs.example.com', name: 'Lower Sender' });
    const list = document.querySelector('[role="list"]')!;
    const messages = [gmailMessage(upper.email), gmailMessage(lower.email)];
    list.prepend(...messages);
    // The lower message scrolled into view: the upper one's header is above the viewport, the
    // thread's own senders below it.
    const headerAt = (top: number) => () => ({ top, bottom: top + 20, left: 0, right: 600, height: 20, width: 600, x: 0, y: top, toJSON() {} }) as DOMRect;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(headerAt(innerHeight + 400));
    messages[0]!.querySelector<HTMLElement>('[email]')!.getBoundingClientRect = headerAt(-300);
    messages[1]!.querySelector<HTMLElement>('[email]')!.getBoundingClientRect = headerAt(120);
    const noah = makeLead(1, { email: 'noah.wright@orbitlabs.example.com', name: 'Noah Wright' });
    const overlay = start(gmail, fakeAsk([upper, lower, noah]));
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length + 2));
    overlay.openCard();
    const cards = () => hosts().flatMap((host) => [...shadowOf(host)!.querySelectorAll('iframe.ll-card-frame')]);
    await vi.waitFor(() => expect(cards()).toHaveLength(1));
    expect(cards()[0]!.getAttribute('title')).toContain('Lower Sender');

    // Positive control: scrolled back up, the command opens the upper message's lead.
    messages[0]!.querySelector<HTMLElement>('[email]')!.getBoundingClientRect = headerAt(40);
    messages[1]!.querySelector<HTMLElement>('[email]')!.getBoundingClientRect = headerAt(innerHeight - 5);
    overlay.openCard();
    await vi.waitFor(() => expect(cards()[0]!.getAttribute('title')).toContain('Upper Sender'));
    expect(cards()).toHaveLength(1);
  });

  it('reads again the leads the background says changed, if they are on the page', async () => {
    const ask = fakeAsk();
    const overlay = start(gmail, ask);
    await vi.waitFor(() => expect(chips()).toHaveLength(thread.expected.length));
    ask.mockClear();
    overlay.refresh(['noah.wright@orbitlabs.example.com', 'elsewhere@example.com']);
    await settle();
    expect(ask.mock.calls.map(([request]) => request)).toEqual([
      { type: 'chips', emails: ['noah.wright@orbitlabs.example.com'] },
    ]);
  });
});
