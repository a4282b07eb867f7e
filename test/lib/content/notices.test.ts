// @vitest-environment happy-dom
// What the background tells a page's content script: open the card (the keyboard command), and
// which leads changed. Anything else, or anything malformed, is ignored; nothing is heard once the
// context is invalidated.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listenForNotices } from '../../../lib/content/notices';

let ctx: ContentScriptContext;
const overlay = { openCard: vi.fn(), refresh: vi.fn() };
beforeEach(() => {
  ctx = new ContentScriptContext('test');
  overlay.openCard.mockClear();
  overlay.refresh.mockClear();
});

describe('listenForNotices', () => {
  it('opens the card on the keyboard command', async () => {
    listenForNotices(ctx, overlay);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'openCard' }, {});
    expect(overlay.openCard).toHaveBeenCalledTimes(1);
    expect(overlay.refresh).not.toHaveBeenCalled();
  });

  it('reads again the addresses of changed leads, keeping only strings', async () => {
    listenForNotices(ctx, overlay);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'leadsChanged', emails: ['a@x.example.com', 7, null, 'b@x.example.com'] }, {});
    expect(overlay.refresh).toHaveBeenCalledWith(['a@x.example.com', 'b@x.example.com'], []);
  });

  it('passes on the keys of the CRM records that turned up, keeping only strings', async () => {
    listenForNotices(ctx, overlay);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'leadsChanged', emails: ['a@x.example.com'], records: ['salesforce:lead:00Q5g00000AbCdE', 3] }, {});
    expect(overlay.refresh).toHaveBeenCalledWith(['a@x.example.com'], ['salesforce:lead:00Q5g00000AbCdE']);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'leadsChanged', emails: [], records: 'salesforce:lead:00Q5g00000AbCdE' }, {});
    expect(overlay.refresh).toHaveBeenLastCalledWith([], []);
  });

  it.each([null, 'openCard', { type: 'leadsChanged' }, { type: 'leadsChanged', emails: 'a@x.example.com' }, { type: 'context' }])(
    'ignores %j',
    async (message) => {
      listenForNotices(ctx, overlay);
      await fakeBrowser.runtime.onMessage.trigger(message, {});
      expect(overlay.openCard).not.toHaveBeenCalled();
      expect(overlay.refresh).not.toHaveBeenCalled();
    },
  );

  it('stops listening when the context is invalidated', async () => {
    listenForNotices(ctx, overlay);
    ctx.abort();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'openCard' }, {});
    expect(overlay.openCard).not.toHaveBeenCalled();
  });
});
