// @vitest-environment happy-dom
// The sites script's overlay: the adapter is chosen for each URL, and each adapter's own attributes
// are watched (Salesforce's console says which tab is on screen with a class).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createViewFactory } from '../../../components/overlay/view';
import { startOverlay } from '../../../lib/content/overlay';
import { SITE_ADAPTERS, siteAdapterFor } from '../../../lib/pages';
import type { PageAdapter } from '../../../lib/pages/types';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { fakeAsk, hosts, settle, showPage } from './page';

const fixture = (file: string) => PAGE_FIXTURES.find((candidate) => candidate.file.startsWith(file))!;

const finds: [string, Document | Element][] = [];
/** The sites script's choice of adapter for the URL, with every find() it makes recorded. */
const recorded = new Map<PageAdapter, PageAdapter>(
  SITE_ADAPTERS.map((adapter) => [adapter, { ...adapter, find: (root) => (finds.push([adapter.id, root]), adapter.find(root)) }]),
);
const currentAdapter = () => {
  const adapter = siteAdapterFor(location.href, []);
  return adapter && recorded.get(adapter);
};

let ctx: ContentScriptContext;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  ctx = new ContentScriptContext('test');
  finds.length = 0;
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

const start = () => startOverlay(ctx, currentAdapter, { ask: fakeAsk(), createView: createViewFactory('') });

describe('the sites script', () => {
  it('follows the Salesforce console tab the user selects, reading only the two tabs', async () => {
    showPage(fixture('salesforce/console-lead-and-hidden-contact.'));
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    const [lead, contact] = document.querySelectorAll('section.oneConsoleTab');
    expect(lead!.contains(hosts()[0]!)).toBe(true);
    finds.length = 0;

    lead!.classList.remove('active');
    contact!.classList.add('active');
    await vi.waitFor(() => expect(contact!.querySelector('leadlens-overlay')).not.toBeNull());
    expect(hosts()).toHaveLength(1);
    expect(finds.map(([, root]) => root)).toEqual([lead, contact]);
  });

  it('chooses the adapter again after a navigation, and leaves a page no adapter reads alone', async () => {
    showPage(fixture('hubspot/contact-record.'));
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(finds.map(([id]) => id)).toEqual(['hubspot']);

    history.pushState(null, '', '/contacts/4455667/objects/0-1/views/all/list');
    vi.advanceTimersByTime(1000);
    expect(hosts()).toEqual([]);
    document.body.append(Object.assign(document.createElement('input'), { value: 'someone@example.com' }));
    await settle();
    expect(finds.map(([id]) => id)).toEqual(['hubspot']);
  });
});
