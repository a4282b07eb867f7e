// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../components/PopupView';
import { UNDO_MS } from '../../components/popup/use-held-actions';
import type { SyncState } from '../../lib/cache/db-name';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import type { HandoffAction } from '../../lib/domain/model';
import { useMessages } from '../../lib/ui/i18n';
import japanese from '../../public/_locales/ja/messages.json';
import { makeHandoff, makeLead, makeOutboxItem } from '../fixtures/factories';

const NOW = Date.UTC(2026, 10, 26, 1, 0); // Thursday 10:00 in Tokyo
const SYNCED: SyncState = { status: 'idle', sourceId: 'demo', lastSuccessAt: NOW - 60_000, recordsSynced: 10, quarantined: 0 };
const ENTRIES = [
  { handoff: makeHandoff(1, { firstContactDueAt: NOW - 3_600_000 }), lead: makeLead(1, { name: '佐藤 太郎', company: '株式会社サクラ精機' }) },
  { handoff: makeHandoff(2, { firstContactDueAt: NOW + 3_600_000 }), lead: makeLead(2, { name: 'Noah Wright', company: 'Orbit Labs' }) },
  { handoff: makeHandoff(3, { firstContactDueAt: NOW + 5 * 86_400_000 }), lead: makeLead(3, { name: 'Mia Chen', company: 'Acme' }) },
];

let container: HTMLElement;
let sent: [string, HandoffAction, string?][];
let opened: (string | undefined)[];
beforeEach(() => {
  sent = [];
  opened = [];
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

function mount(overrides: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    settings: DEFAULT_SETTINGS,
    entries: ENTRIES,
    total: ENTRIES.length,
    sync: SYNCED,
    dead: [],
    now: NOW,
    syncNow: async () => undefined,
    act: async (...args) => void sent.push(args),
    onEnableReminders: () => undefined,
    openOptions: (section) => void opened.push(section),
    ...overrides,
  };
  act(() => render(<PopupView {...props} />, container));
  return (next: Partial<PopupViewProps>) => act(() => render(<PopupView {...props} {...next} />, container));
}

const names = () => [...container.querySelectorAll('.handoff-name')].map((name) => name.textContent);
const search = (text: string) =>
  act(() => {
    const input = container.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const buttonNamed = (name: string) => [...container.querySelectorAll('button')].find((button) => button.textContent === name)!;
const actionOf = (id: string, name: string) =>
  [...container.querySelectorAll<HTMLButtonElement>(`[data-row-id="${id}"] .handoff-actions button`)].find((button) => button.textContent === name)!;

describe('PopupView', () => {
  it('groups the queue under overdue, due today and later', () => {
    mount();
    expect([...container.querySelectorAll('.group-heading')].map((heading) => heading.textContent)).toEqual(['Overdue (1)', 'Due today (1)', 'Later (1)']);
    expect(names()).toEqual(['佐藤 太郎', 'Noah Wright', 'Mia Chen']);
  });

  it('searches by name, company or email, and says when nothing matches', async () => {
    mount();
    search('orbit');
    expect(names()).toEqual(['Noah Wright']);
    search('lead3@');
    expect(names()).toEqual(['Mia Chen']);
    search('zzz');
    expect(names()).toEqual([]);
    expect(container.querySelector('.queue-empty')!.textContent).toBe('No pending handoffs match “zzz”.Clear the search');
    await act(async () => buttonNamed('Clear the search').click());
    expect(names()).toHaveLength(3);
    expect(document.activeElement).toBe(container.querySelector('input[type="search"]'));
  });

  it('holds an action for a few seconds with Undo, then sends it once', async () => {
    vi.useFakeTimers();
    mount();
    await act(async () => actionOf('h2', 'Mark contacted').click());
    expect(container.querySelector('[data-row-id="h2"] .handoff-held')!.textContent).toBe('Marked contacted · Undo');
    expect(container.querySelector('[aria-live]')!.textContent).toBe('Noah Wright: Marked contacted. You can undo it for a few seconds.');
    await act(async () => void vi.advanceTimersByTime(UNDO_MS - 100));
    expect(sent).toEqual([]);
    await act(async () => void vi.advanceTimersByTime(200));
    expect(sent).toEqual([['h2', 'contacted', undefined]]);
    await act(async () => void vi.advanceTimersByTime(UNDO_MS * 3));
    expect(sent).toHaveLength(1);
  });

  it('sends nothing for an action undone in time, and focus goes back to the row', async () => {
    vi.useFakeTimers();
    mount();
    await act(async () => actionOf('h1', 'Accept').click());
    await act(async () => buttonNamed('Undo').click());
    expect(container.querySelector('.handoff-held')).toBeNull();
    expect(document.activeElement).toBe(container.querySelector('[data-row-id="h1"] .handoff-open'));
    await act(async () => void vi.advanceTimersByTime(UNDO_MS * 2));
    expect(sent).toEqual([]);
  });

  it('sends what it holds at once when the popup closes', async () => {
    mount();
    await act(async () => actionOf('h1', 'Mark contacted').click());
    expect(sent).toEqual([]);
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(sent).toEqual([['h1', 'contacted', undefined]]);
    act(() => render(null, container)); // and nothing twice when it then goes away
    expect(sent).toHaveLength(1);
  });

  it('says why the queue is empty: not synced, syncing, no handoff for this address, or the filter', async () => {
    const redraw = mount({ entries: [], total: 0, sync: null });
    const empty = () => container.querySelector('.queue-empty')?.textContent;
    expect(empty()).toBe('Not synced yet. Your handoffs will show here after the first sync.');
    redraw({ sync: { ...SYNCED, status: 'syncing', lastSuccessAt: undefined, recordsSynced: 120 } });
    expect(empty()).toBe('Syncing… your handoffs will show here as they arrive.');
    expect(container.textContent).not.toContain('caught up');
    redraw({ sync: SYNCED });
    expect(empty()).toBe('No pending handoffs are assigned to rep@leadlens.example.Change the address in the options');
    await act(async () => container.querySelector<HTMLAnchorElement>('.queue-empty a')!.click());
    expect(opened).toEqual(['rep-email']);

    redraw({ entries: ENTRIES.slice(1), total: 2 });
    act(() => container.querySelector<HTMLInputElement>('input[value="overdue"]')!.click());
    expect(empty()).toBe('The filter hides 2 pending handoffs.Show all (2)');
    await act(async () => buttonNamed('Show all (2)').click());
    expect(names()).toHaveLength(2);
    expect(document.activeElement).toBe(container.querySelector('input[value="all"]'));
  });

  it('keeps Sync now focusable while a sync runs, and asks for one sync only', async () => {
    const syncNow = vi.fn(async () => undefined);
    mount({ syncNow, sync: { ...SYNCED, status: 'syncing' } });
    const button = buttonNamed('Sync now');
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await act(async () => button.click());
    expect(syncNow).not.toHaveBeenCalled();
  });

  it('labels demo data, says what it is and where to connect a real source; opens the options', async () => {
    const redraw = mount();
    const badge = buttonNamed('Demo data');
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    await act(async () => badge.click());
    expect(container.querySelector('#demo-note')!.textContent).toBe(
      'These leads and handoffs are made up, so that you can try LeadLens. Connect your marketing system to see your own. Connect a marketing system',
    );
    await act(async () => container.querySelector<HTMLAnchorElement>('#demo-note a')!.click());
    await act(async () => buttonNamed('Options').click());
    expect(opened).toEqual(['connection', undefined]);
    redraw({ settings: { ...DEFAULT_SETTINGS, source: { kind: 'http', baseUrl: 'https://leads.example.com', demoSeed: 1 } } });
    expect(buttonNamed('Demo data')).toBeUndefined();
  });

  it('has a skip link past the list to the footer', async () => {
    mount();
    const skip = container.querySelector<HTMLAnchorElement>('.skip-link')!;
    expect(skip.textContent).toBe('Skip past the list');
    await act(async () => skip.click());
    expect(document.activeElement).toBe(container.querySelector('#popup-end'));
  });
});

describe("the popup's undelivered writes", () => {
  const REFUSED = 'The Lead Context API refused the request (422 invalid: Missing reasonCode.).';
  const SWITCHED = 'Not delivered: LeadLens was connected to another marketing system before this went out.';
  const DEAD = [
    makeOutboxItem(1, { state: 'dead', lastError: REFUSED, lastErrorCode: 'rejected' }),
    makeOutboxItem(2, { state: 'dead', lastError: SWITCHED, lastErrorCode: 'source_changed' }),
    makeOutboxItem(3, { state: 'dead', lastError: 'refused (422)' }), // stored before writes had a code
  ];
  /** Each write's line as read, and the system's own words under its Details, if any. */
  const lines = () =>
    [...container.querySelectorAll('.undelivered li')].map((item) => ({
      text: [...item.childNodes].filter((node) => node.nodeName !== 'DETAILS').map((node) => node.textContent).join(''),
      detail: item.querySelector('details bdi')?.textContent,
    }));

  it("says why in English, the system's own words under Details", () => {
    mount({ dead: DEAD });
    expect(container.querySelector('.undelivered p')!.textContent).toBe('3 of your clicks could not be delivered to marketing. They are kept here:');
    expect(lines()).toEqual([
      { text: 'lead1@acme.example.com: The marketing system refused this change.', detail: REFUSED },
      { text: `lead2@acme.example.com: ${SWITCHED}`, detail: undefined },
      { text: 'lead3@acme.example.com: refused (422)', detail: undefined },
    ]);
  });

  it('in Japanese', () => {
    useMessages('ja', japanese);
    mount({ dead: DEAD });
    expect(lines()).toEqual([
      { text: 'lead1@acme.example.com: マーケティングシステムがこの変更を受け付けませんでした。', detail: REFUSED },
      { text: 'lead2@acme.example.com: 送信する前に LeadLens の接続先が別のマーケティングシステムに変わったため、届けられませんでした。', detail: SWITCHED },
      { text: 'lead3@acme.example.com: refused (422)', detail: undefined },
    ]);
    expect(container.querySelector('.undelivered details summary')!.textContent).toBe('詳細');
  });
});
