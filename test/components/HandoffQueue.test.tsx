// @vitest-environment happy-dom
import { DateTime } from 'luxon';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HandoffQueue } from '../../components/HandoffQueue';
import { rowsOf, visibleRows, type QueueFilter } from '../../components/popup/queue-rows';
import type { HeldAction } from '../../components/popup/use-held-actions';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { formatDeadline } from '../../lib/ui/format';
import { createBusinessClock } from '../../lib/time/sla';
import type { QueueEntry } from '../../lib/cache/queue-order';
import { makeHandoff, makeLead } from '../fixtures/factories';

const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis();
const NOW = tokyo('2026-11-26T10:00'); // a Thursday, working day in Tokyo
const clock = createBusinessClock(DEFAULT_SETTINGS.calendar);
const rows = (entries: QueueEntry[]) => rowsOf(entries, clock, DEFAULT_SETTINGS.slaPolicy, NOW);

const THREE = [
  makeHandoff(1, { firstContactDueAt: tokyo('2026-11-26T09:00') }), // overdue
  makeHandoff(2, { firstContactDueAt: tokyo('2026-11-26T23:59') }), // later today in Tokyo
  makeHandoff(3, { firstContactDueAt: tokyo('2026-11-27T00:00') }), // tomorrow in Tokyo, though still 26 November in UTC
].map((handoff) => ({ handoff, lead: null }));
const emails = (filter: QueueFilter, search = '') => visibleRows(rows(THREE), filter, search).map((row) => row.handoff.email);

describe('the rows the popup shows', () => {
  it("keeps to today in the calendar's time zone for 'due today', overdue included", () => {
    expect(emails('due_today')).toEqual(['lead1@acme.example.com', 'lead2@acme.example.com']);
  });

  it("shows only what is past its deadline for 'overdue', and everything for 'all'", () => {
    expect(emails('overdue')).toEqual(['lead1@acme.example.com']);
    expect(emails('all')).toHaveLength(3);
  });

  it('groups overdue, due today and later, each group in deadline order and its first row carrying its size', () => {
    const entries = [
      makeHandoff(1, { firstContactDueAt: tokyo('2026-11-26T09:00') }),
      makeHandoff(2, { firstContactDueAt: tokyo('2026-11-26T09:30') }),
      makeHandoff(3, { firstContactDueAt: tokyo('2026-11-26T17:00') }),
      makeHandoff(4, { firstContactDueAt: tokyo('2026-11-30T12:00') }),
    ].map((handoff) => ({ handoff, lead: null }));
    const shown = visibleRows(rows(entries), 'all', '');
    expect(shown.map((row) => [row.handoff.id, row.group, row.groupSize])).toEqual([
      ['h1', 'overdue', 2],
      ['h2', 'overdue', undefined],
      ['h3', 'today', 1],
      ['h4', 'later', 1],
    ]);
  });

  it('finds a handoff by name, company or email, ignoring case, width and spaces', () => {
    const entries = [
      { handoff: makeHandoff(1), lead: makeLead(1, { name: '佐藤 太郎', company: '株式会社サクラ精機' }) },
      { handoff: makeHandoff(2, { email: 'noah.wright@orbitlabs.example.com' }), lead: makeLead(2, { name: 'Noah Wright', company: 'Orbit Labs' }) },
      { handoff: makeHandoff(3, { email: 'ｋｅｎ@ＡＣＭＥ.example.com' }), lead: null },
    ];
    const find = (search: string) => visibleRows(rows(entries), 'all', search).map((row) => row.handoff.id);
    expect(find('佐藤太郎')).toEqual(['h1']);
    expect(find('サクラ')).toEqual(['h1']);
    expect(find('ORBIT')).toEqual(['h2']);
    expect(find('noah.wright@')).toEqual(['h2']);
    expect(find('ken@acme')).toEqual(['h3']);
    expect(find('nobody')).toEqual([]);
    expect(find('  ')).toHaveLength(3);
  });
});

let container: HTMLElement | undefined;
afterEach(() => {
  if (!container) return;
  render(null, container);
  container.remove();
  container = undefined;
});

function mount(entries: QueueEntry[], held: ReadonlyMap<string, HeldAction> = new Map()) {
  container = document.createElement('div');
  document.body.append(container!);
  const actions: [string, string, string | undefined][] = [];
  const draw = (heldNow: ReadonlyMap<string, HeldAction>) =>
    render(
      <HandoffQueue
        rows={visibleRows(rows(entries), 'all', '')}
        held={heldNow}
        reasons={DEFAULT_SETTINGS.feedbackReasons}
        onAction={(row, action, reasonCode) => void actions.push([row.handoff.id, action, reasonCode])}
        onUndo={() => undefined}
      />,
      container!,
    );
  act(() => draw(held));
  return { actions, redraw: (heldNow: ReadonlyMap<string, HeldAction>) => act(() => draw(heldNow)) };
}

const rowOf = (id: string) => container!.querySelector<HTMLElement>(`[data-row-id="${id}"]`)!;
const button = (id: string, name: string) => [...rowOf(id).querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;
const many = (count: number) =>
  Array.from({ length: count }, (_, n) => ({ handoff: makeHandoff(n, { firstContactDueAt: NOW + (n + 1) * 3_600_000 }), lead: makeLead(n) }));

describe('HandoffQueue', () => {
  it('draws only the rows on screen of a queue of 1,000, and the ones further down once scrolled to', async () => {
    mount(many(1000));
    const drawn = () => [...container!.querySelectorAll('.queue li')].map((item) => item.getAttribute('data-row-id'));
    expect(drawn().length).toBeGreaterThan(5);
    expect(drawn().length).toBeLessThan(30);
    expect(drawn()[0]).toBe('h0');
    const list = container!.querySelector<HTMLElement>('.queue')!;
    expect(list.getAttribute('data-loaded')).toBe('1000');
    expect(parseFloat(list.style.paddingBottom)).toBeGreaterThan(900 * 70); // the rest stands in as padding

    const scroller = container!.querySelector<HTMLElement>('.queue-scroll')!;
    await act(async () => {
      scroller.scrollTop = 500 * 80;
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(drawn().length).toBeLessThan(30);
    expect(drawn()).not.toContain('h0');
    const first = Number(drawn()[0]!.slice(1));
    expect(first).toBeGreaterThan(400);
    expect(first).toBeLessThan(460); // 40,000 px down, rows of about 88 px, less the overscan
  });

  it('draws a short queue whole', () => {
    mount(many(40));
    expect(container!.querySelectorAll('.queue li')).toHaveLength(40);
  });

  it('moves focus to the next row after an action, and to the row before when it was the last', async () => {
    const { actions } = mount(many(3));
    button('h0', 'Mark contacted').focus();
    await act(async () => button('h0', 'Mark contacted').click());
    expect(actions).toEqual([['h0', 'contacted', undefined]]);
    expect(document.activeElement).toBe(rowOf('h1').querySelector('.handoff-open'));
    await act(async () => void button('h2', 'Accept').click());
    expect(document.activeElement).toBe(rowOf('h2').querySelector('.handoff-open'));
  });

  it('rejects with a reason; Escape closes the form and gives focus back to Reject', async () => {
    const { actions } = mount(many(2));
    const reject = () => rowOf('h0').querySelector<HTMLButtonElement>('[data-action="reject"]')!;
    expect(reject().textContent).toBe('Reject');
    expect(reject().getAttribute('aria-label')).toBe('Reject (recycle to nurture)');
    await act(async () => reject().click());
    const select = rowOf('h0').querySelector('select')!;
    expect(document.activeElement).toBe(select);
    await act(async () => void select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(rowOf('h0').querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(reject());

    await act(async () => reject().click());
    await act(async () => button('h0', 'Cancel').click());
    expect(document.activeElement).toBe(reject());

    await act(async () => reject().click());
    rowOf('h0').querySelector('select')!.value = 'too_small';
    await act(async () => button('h0', 'Reject').click());
    expect(actions).toEqual([['h0', 'reject', 'too_small']]);
    expect(document.activeElement).toBe(rowOf('h1').querySelector('.handoff-open'));
  });

  it('shows a held action in place with Undo, and no actions to press twice', () => {
    const { redraw } = mount(many(2));
    redraw(new Map([['h0', { action: 'contacted', state: 'held', fromStatus: 'pending' }]]));
    expect(rowOf('h0').querySelector('.handoff-held')!.textContent).toBe('Marked contacted · Undo');
    expect(rowOf('h0').querySelector('.handoff-actions')).toBeNull();
    redraw(new Map([['h0', { action: 'contacted', state: 'sent', fromStatus: 'pending' }]]));
    expect(rowOf('h0').querySelector('.handoff-held')!.textContent).toBe('Marked contacted');
  });

  it('opens a lead: its CRM record in a new tab when there is a link, else its details', async () => {
    const countTouches = vi.fn(async () => 7);
    container = document.createElement('div');
    document.body.append(container!);
    const entries = [
      { handoff: makeHandoff(1), lead: makeLead(1, { crmUrl: 'https://crm.example.com/leads/1' }) },
      { handoff: makeHandoff(2, { firstContactDueAt: tokyo('2026-11-26T11:30') }), lead: makeLead(2, { company: 'Acme', title: 'CTO', score: 82, grade: 'A1' }) },
    ];
    act(() =>
      render(
        <HandoffQueue rows={visibleRows(rows(entries), 'all', '')} held={new Map()} reasons={[]} onAction={() => undefined} onUndo={() => undefined} countTouches={countTouches} />,
        container!,
      ),
    );
    const link = rowOf('h1').querySelector<HTMLAnchorElement>('a.handoff-open')!;
    expect([link.href, link.target, link.rel]).toEqual(['https://crm.example.com/leads/1', '_blank', 'noopener noreferrer']);
    // Working time left, and the clock deadline beside it: the time alone, as it falls on the day of NOW.
    const dueIn90 = `1h 30m left · due ${formatDeadline(tokyo('2026-11-26T11:30'), NOW)}`;
    expect(formatDeadline(tokyo('2026-11-26T11:30'), NOW)).toMatch(/^\d\d:30$/);
    expect(rowOf('h2').querySelector('.handoff-sla')!.textContent).toBe(dueIn90);
    const toggle = rowOf('h2').querySelector<HTMLButtonElement>('button.handoff-open')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(rowOf('h2').querySelector('.lead-details')!.textContent).toContain('Marketing touches7'));
    expect(rowOf('h2').querySelector('.lead-details')!.textContent).toBe(
      `Emaillead2@acme.example.comFirst contact${dueIn90}CompanyAcmeTitleCTOScore and gradeScore 82 of 100, grade A1StageMQLMarketing touches7`,
    );
    expect(countTouches).toHaveBeenCalledWith('lead2@acme.example.com');
  });
});
