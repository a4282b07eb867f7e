// @vitest-environment happy-dom
// A CRM record page's person, known from its URL before (and without) its markup: the overlay asks the
// background by the record the adapter reads from the URL, at the start and at each navigation, and
// shows a known person in a tab at the viewport's edge. The person found in the page's markup too
// shows once, beside the address; a navigation to another record swaps the tab.
import { shadowOf } from '../../shadow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createViewFactory } from '../../../components/overlay/view';
import { startOverlay } from '../../../lib/content/overlay';
import type { CrmRecordRef } from '../../../lib/domain/crm-record';
import type { Request } from '../../../lib/messaging/messages';
import type { FoundAddress, PageAdapter } from '../../../lib/pages/types';
import { makeLead } from '../../fixtures/factories';
import { fakeAsk, hosts, settle } from './page';

const ORIGIN = 'https://acme.lightning.force.com';
const NOAH_ID = '00Q5g0000010001EAA';
const SOPHIA_ID = '0035g0000010005AAA';
const noah = makeLead(1, { email: 'noah.young@northwind.example.com', name: 'Noah Young', crmRecords: [{ crm: 'salesforce', objectType: 'Lead', id: NOAH_ID.slice(0, 15) }] });
const sophia = makeLead(2, { email: 'sophia.king@crescent.example.com', name: 'Sophia King', crmRecords: [{ crm: 'salesforce', objectType: 'Contact', id: SOPHIA_ID }] });

/** A CRM as an adapter sees it: the record in the URL's path, addresses in [data-test-email]. */
const testCrm: PageAdapter = {
  id: 'test-crm',
  matches: [`${ORIGIN}/*`],
  find(root: Document | Element): FoundAddress[] {
    const within = root instanceof Element && root.matches('[data-test-email]') ? [root] : [...root.querySelectorAll('[data-test-email]')];
    return within.map((anchor) => ({ email: anchor.getAttribute('data-test-email')!, anchor, role: 'sender' }));
  },
  watch: { selector: '[data-test-email]', attributes: ['data-test-email'] },
  record(url: URL): CrmRecordRef | null {
    const match = /^\/lightning\/r\/(Lead|Contact)\/([a-zA-Z0-9]{15,18})\/view$/.exec(url.pathname);
    return match ? { crm: 'salesforce', objectType: match[1]!, id: match[2]! } : null;
  },
};

let ctx: ContentScriptContext;
beforeEach(() => {
  // Only the interval: WXT's location watcher polls with it where there is no Navigation API (as in happy-dom).
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  ctx = new ContentScriptContext('test');
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}/lightning/r/Lead/${NOAH_ID}/view`);
  // A record page whose markup names nobody by address: the person is only in the URL.
  document.body.innerHTML = '<main><h1>Noah Young</h1><p>Lead · Northwind Robotics</p></main>';
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function start(ask = fakeAsk([noah, sophia]), adapter: PageAdapter = testCrm) {
  const overlay = startOverlay(ctx, () => adapter, { ask, createView: createViewFactory('') });
  return { ask, overlay };
}

const recordHosts = () => [...document.querySelectorAll('leadlens-record')];
const recordTabs = () => recordHosts().flatMap((host) => [...shadowOf(host)!.querySelectorAll('button.ll-record-tab')]);
const addressChips = () => hosts().flatMap((host) => [...shadowOf(host)!.querySelectorAll('.ll-chip')]);
const recordAsks = (ask: ReturnType<typeof fakeAsk>) =>
  ask.mock.calls.map(([request]) => request as Request).filter((request) => request.type === 'chips' && (request.records?.length ?? 0) > 0);
function navigate(path: string) {
  history.pushState(null, '', path);
  vi.advanceTimersByTime(1000);
}

describe('a CRM record page', () => {
  it('whose markup has no address gets exactly one card, for the person its URL names', async () => {
    const { ask } = start();
    await vi.waitFor(() => expect(recordTabs()).toHaveLength(1));
    expect(recordTabs()[0]!.getAttribute('aria-label')).toContain('Noah Young');
    expect(hosts()).toEqual([]);
    expect(recordAsks(ask)).toEqual([{ type: 'chips', records: [{ crm: 'salesforce', objectType: 'Lead', id: NOAH_ID }] }]);
    // Nothing of the page was read for it: the host sits outside the page's own markup.
    expect(document.querySelector('main')!.querySelector('leadlens-record')).toBeNull();
  });

  it('whose record the cache does not know gets none, and the background is asked once', async () => {
    const { ask } = start(fakeAsk([sophia]));
    await vi.waitFor(() => expect(recordAsks(ask)).toHaveLength(1));
    await settle();
    expect(recordHosts()).toEqual([]);
    expect(hosts()).toEqual([]);
    expect(recordAsks(ask)).toHaveLength(1);
  });

  it('shows the person once the background says the record turned up', async () => {
    const leads = [sophia];
    const { ask, overlay } = start(fakeAsk(leads));
    await vi.waitFor(() => expect(recordAsks(ask)).toHaveLength(1));
    leads.push(noah);
    overlay.refresh([noah.email], ['salesforce:lead:00Q5g0000010001']);
    await vi.waitFor(() => expect(recordTabs()).toHaveLength(1));
    overlay.refresh(['someone.else@example.com'], ['hubspot:contact:1']);
    await settle();
    expect(recordAsks(ask)).toHaveLength(2);
  });

  it('swaps the card when the URL moves to another record, and drops it on a page that names none', async () => {
    start();
    await vi.waitFor(() => expect(recordTabs()[0]?.getAttribute('aria-label')).toContain('Noah Young'));
    navigate(`/lightning/r/Contact/${SOPHIA_ID}/view`);
    await vi.waitFor(() => expect(recordTabs()[0]?.getAttribute('aria-label')).toContain('Sophia King'));
    expect(recordHosts()).toHaveLength(1);
    navigate('/lightning/o/Lead/list');
    await vi.waitFor(() => expect(recordHosts()).toEqual([]));
  });

  it('shows a person its markup names too only once, beside the address', async () => {
    document.querySelector('main')!.insertAdjacentHTML('beforeend', `<a data-test-email="${noah.email}">${noah.email}</a>`);
    start();
    await vi.waitFor(() => expect(addressChips()).toHaveLength(1));
    await settle();
    expect(recordHosts()).toEqual([]);
  });

  it('drops the tab when the address of the same person appears in the page, and brings it back when it goes', async () => {
    start();
    await vi.waitFor(() => expect(recordTabs()).toHaveLength(1));
    const address = Object.assign(document.createElement('a'), { textContent: noah.email });
    address.setAttribute('data-test-email', noah.email);
    document.querySelector('main')!.append(address);
    await vi.waitFor(() => expect(addressChips()).toHaveLength(1));
    expect(recordHosts()).toEqual([]);
    address.remove();
    await vi.waitFor(() => expect(recordTabs()).toHaveLength(1));
    expect(hosts()).toEqual([]);
  });

  it('opens its card on the keyboard command when the page has no other', async () => {
    const { overlay } = start();
    await vi.waitFor(() => expect(recordTabs()).toHaveLength(1));
    overlay.openCard();
    const cards = () => recordHosts().flatMap((host) => [...shadowOf(host)!.querySelectorAll('iframe.ll-card-frame')]);
    await vi.waitFor(() => expect(cards()).toHaveLength(1));
    expect(cards()[0]!.getAttribute('title')).toContain('Noah Young');
  });

  it('reads the page’s addresses still when the adapter cannot read its URL, and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.querySelector('main')!.insertAdjacentHTML('beforeend', `<a data-test-email="${noah.email}">${noah.email}</a>`);
    const broken: PageAdapter = { ...testCrm, record: () => { throw new Error('no record here'); } };
    const { ask } = start(fakeAsk([noah]), broken);
    await vi.waitFor(() => expect(addressChips()).toHaveLength(1));
    navigate(`/lightning/r/Contact/${SOPHIA_ID}/view`);
    await settle();
    expect(recordAsks(ask)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('leaves nothing behind when the context is invalidated', async () => {
    start();
    await vi.waitFor(() => expect(recordTabs()).toHaveLength(1));
    ctx.abort();
    expect(recordHosts()).toEqual([]);
  });
});
