// @vitest-environment happy-dom
// The page's own open shadow roots (Salesforce Lightning in native shadow mode): the document's
// observer sees nothing inside them, so each read observes those it found; an added element that is
// or holds an open shadow host is read whatever the watch selector says; and a view inside a shadow
// root counts as inside its host.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createViewFactory } from '../../../components/overlay/view';
import { startOverlay } from '../../../lib/content/overlay';
import { queryAllDeep } from '../../../lib/pages/dom';
import type { FoundAddress, PageAdapter } from '../../../lib/pages/types';
import { makeLead } from '../../fixtures/factories';
import { fakeAsk, settle } from './page';

const address = (email: string) => Object.assign(document.createElement('a'), { href: `mailto:${email}` });
const shadowHost = (...children: Element[]) => {
  const host = document.createElement('record-field');
  host.attachShadow({ mode: 'open' }).append(...children);
  return host;
};

/** Reads mailto links through open shadow roots; watches only the links themselves. */
const nativeShadowCrm: PageAdapter = {
  id: 'native-shadow-crm',
  matches: ['https://crm.example.com/*'],
  find: (root: Document | Element): FoundAddress[] =>
    queryAllDeep(root, 'a[href^="mailto:"]').map((anchor) => ({ email: anchor.getAttribute('href')!.slice(7), anchor, role: 'record' })),
  watch: { selector: 'a[href^="mailto:"]', attributes: [], shadowRoots: true },
};

/** LeadLens's hosts, wherever they went: beside an address inside a shadow root too. */
const overlayHosts = () => queryAllDeep(document, 'leadlens-overlay');

let ctx: ContentScriptContext;
let find: ReturnType<typeof vi.fn<PageAdapter['find']>>;
beforeEach(() => {
  ctx = new ContentScriptContext('test');
  document.body.innerHTML = '<main></main>';
  find = vi.fn(nativeShadowCrm.find);
  const leads = ['ava@northwind.example.com', 'liam@northwind.example.com', 'mia@northwind.example.com'].map((email, index) => makeLead(index + 1, { email }));
  startOverlay(ctx, () => ({ ...nativeShadowCrm, find }), { ask: fakeAsk(leads), createView: createViewFactory('') });
});
afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
});

describe('the page’s open shadow roots', () => {
  it('are observed once read: an address added inside one gets its view', async () => {
    const field = shadowHost(document.createElement('span'));
    document.querySelector('main')!.append(field);
    await vi.waitFor(() => expect(find).toHaveBeenCalledWith(field));
    field.shadowRoot!.append(address('ava@northwind.example.com'));
    await vi.waitFor(() => expect(overlayHosts()).toHaveLength(1));
    expect(field.shadowRoot!.querySelector('a')!.nextElementSibling!.tagName).toBe('LEADLENS-OVERLAY');
  });

  it('held by an added element are read whatever the watch selector says, and then observed', async () => {
    // A wrapper the selector does not match, holding a host whose root holds an address, and a root nested in that.
    const inner = shadowHost(address('liam@northwind.example.com'));
    const wrapper = document.createElement('section');
    wrapper.append(shadowHost(inner));
    document.querySelector('main')!.append(wrapper);
    await vi.waitFor(() => expect(overlayHosts()).toHaveLength(1));
    expect(find).toHaveBeenCalledWith(wrapper);
    inner.shadowRoot!.append(address('mia@northwind.example.com'));
    await vi.waitFor(() => expect(overlayHosts()).toHaveLength(2));
  });

  it('lose their views with their addresses, and a part read again inside a host is one part', async () => {
    const field = shadowHost(address('ava@northwind.example.com'));
    document.querySelector('main')!.append(field);
    await vi.waitFor(() => expect(overlayHosts()).toHaveLength(1));
    field.shadowRoot!.querySelector('a')!.remove();
    await vi.waitFor(() => expect(overlayHosts()).toHaveLength(0));
    find.mockClear();
    const link = address('liam@northwind.example.com');
    const wrapper = document.createElement('div');
    wrapper.append(link);
    field.shadowRoot!.append(wrapper);
    document.querySelector('main')!.append(document.createElement('p'));
    await settle();
    await vi.waitFor(() => expect(overlayHosts()).toHaveLength(1));
    expect(find.mock.calls).toEqual([[wrapper]]);
  });
});

describe('on a page whose addresses are never inside a shadow root (no watch.shadowRoots)', () => {
  it('the page’s shadow roots are neither read nor observed, while an address beside them gets its view', async () => {
    ctx.abort();
    ctx = new ContentScriptContext('test');
    const lightOnly = vi.fn(nativeShadowCrm.find);
    const leads = ['ava@northwind.example.com', 'liam@northwind.example.com'].map((email, index) => makeLead(index + 1, { email }));
    startOverlay(ctx, () => ({ ...nativeShadowCrm, find: lightOnly, watch: { selector: 'a[href^="mailto:"]', attributes: [] } }), {
      ask: fakeAsk(leads),
      createView: createViewFactory(''),
    });
    const field = shadowHost(document.createElement('span'));
    const light = address('liam@northwind.example.com');
    document.querySelector('main')!.append(field, light);
    await vi.waitFor(() => expect(light.nextElementSibling?.tagName).toBe('LEADLENS-OVERLAY'));
    expect(lightOnly).not.toHaveBeenCalledWith(field);
    field.shadowRoot!.append(address('ava@northwind.example.com'));
    await settle();
    expect(overlayHosts()).toHaveLength(1);
  });
});
