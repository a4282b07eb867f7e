// @vitest-environment happy-dom
// The popup's list with an account's handoffs gathered under the account, with a count, inside
// each urgency group; the heading is not a stop for the keyboard; the windowed list of 1,000 keeps
// the groups.
import { DateTime } from 'luxon';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HandoffQueue } from '../../components/HandoffQueue';
import { groupByAccount } from '../../components/popup/account-groups';
import { rowsOf, visibleRows, type QueueFilter } from '../../components/popup/queue-rows';
import type { QueueEntry } from '../../lib/cache/queue-order';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { createBusinessClock } from '../../lib/time/sla';
import { useMessages } from '../../lib/ui/i18n';
import { makeHandoff, makeLead } from '../fixtures/factories';

const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis();
const NOW = tokyo('2026-11-26T10:00'); // a Thursday, a working day in Tokyo
const clock = createBusinessClock(DEFAULT_SETTINGS.calendar);
const SAKURA = { key: 'domain:sakura-seiki.example.jp', name: '株式会社サクラ精機' };
const ORBIT = { key: 'id:0015g00000ORBIT', name: 'Orbit Labs Inc.' };

/** A handoff due at `due` (Tokyo time), its lead at `account` (or none). */
function entry(n: number, due: string, account?: { key: string; name: string }): QueueEntry {
  const lead = makeLead(n, { name: `Person ${n}`, company: account === ORBIT ? 'Orbit' : account?.name });
  return { handoff: makeHandoff(n, { email: lead.email, firstContactDueAt: tokyo(due) }), lead, ...(account ? { account } : {}) };
}

// Overdue: 1 (Sakura), 2 (none), 3 (Sakura), 4 (Orbit, alone here); later: 5 (Orbit), 6 (Orbit).
const ENTRIES = [
  entry(1, '2026-11-26T08:00', SAKURA),
  entry(2, '2026-11-26T08:30'),
  entry(3, '2026-11-26T09:00', SAKURA),
  entry(4, '2026-11-26T09:30', ORBIT),
  entry(5, '2026-11-30T12:00', ORBIT),
  entry(6, '2026-12-01T12:00', ORBIT),
];
const shown = (filter: QueueFilter = 'all', search = '') => visibleRows(rowsOf(ENTRIES, clock, DEFAULT_SETTINGS.slaPolicy, NOW), filter, search);
const summary = (filter?: QueueFilter, search?: string) =>
  shown(filter, search).map((row) => [row.handoff.id, row.groupSize ?? null, row.accountGroup ? `${row.accountGroup.name} ${row.accountGroup.size}` : row.inAccountGroup ? '·' : null]);

describe('grouping by account', () => {
  it("gathers an account's handoffs at its first one's place within each urgency group, with the count", () => {
    expect(summary()).toEqual([
      ['h1', 4, '株式会社サクラ精機 2'],
      ['h3', null, '·'],
      ['h2', null, null],
      ['h4', null, null], // Orbit's only overdue handoff: no heading over one row
      ['h5', 2, 'Orbit Labs Inc. 2'],
      ['h6', null, '·'],
    ]);
  });

  it('counts what the filter and the search keep', () => {
    expect(summary('overdue')).toEqual([
      ['h1', 4, '株式会社サクラ精機 2'],
      ['h3', null, '·'],
      ['h2', null, null],
      ['h4', null, null],
    ]);
    expect(summary('all', 'person 3')).toEqual([['h3', 1, null]]);
    // The account's name finds its people, though their own company field says otherwise.
    expect(summary('all', 'orbitlabs')).toEqual([['h4', 1, null], ['h5', 2, 'Orbit Labs Inc. 2'], ['h6', null, '·']]);
  });

  it('leaves rows without an account, and an account of one, in deadline order', () => {
    const plain = shown().filter((row) => !row.inAccountGroup);
    expect(groupByAccount(plain).map((row) => row.handoff.id)).toEqual(plain.map((row) => row.handoff.id));
  });
});

let container: HTMLElement | undefined;
afterEach(() => {
  if (!container) return;
  render(null, container);
  container.remove();
  container = undefined;
});

function mount(rows = shown()) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<HandoffQueue rows={rows} held={new Map()} reasons={DEFAULT_SETTINGS.feedbackReasons} onAction={() => undefined} onUndo={() => undefined} />, container!));
  return container;
}
const headings = () => [...container!.querySelectorAll('h3, h4')].map((heading) => `${heading.tagName} ${heading.textContent}`);

describe('the list with accounts', () => {
  it('heads an account under its urgency group, with the company isolated and the count', () => {
    mount();
    expect(headings()).toEqual(['H3 Overdue (4)', 'H4 株式会社サクラ精機: 2 handoffs', 'H3 Later (2)', 'H4 Orbit Labs Inc.: 2 handoffs']);
    expect(container!.querySelector('.account-heading bdi')!.textContent).toBe('株式会社サクラ精機');
    const inGroup = [...container!.querySelectorAll('.handoff')].map((item) => item.classList.contains('handoff-in-account'));
    expect(inGroup).toEqual([true, true, false, false, true, true]);
  });

  it('reads in Japanese', () => {
    useMessages('ja', JSON.parse(readFileSync(join(__dirname, '../../public/_locales/ja/messages.json'), 'utf8')));
    mount();
    expect(headings()[1]).toBe('H4 株式会社サクラ精機（引き渡し2件）');
  });

  it('is no stop for the keyboard: the arrow keys go from name to name through an account', async () => {
    mount();
    const name = (id: string) => container!.querySelector<HTMLElement>(`[data-row-id="${id}"] .handoff-open`)!;
    expect(container!.querySelector('.account-heading')!.getAttribute('tabindex')).toBeNull();
    name('h1').focus();
    await act(async () => void name('h1').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement).toBe(name('h3'));
    await act(async () => void name('h3').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement).toBe(name('h2'));
  });

  it('keeps the accounts in a windowed list of 1,000 handoffs', async () => {
    // Ten accounts of 100 handoffs each, interleaved by deadline, all later than today.
    const many = Array.from({ length: 1000 }, (_, n) => {
      const lead = makeLead(n, { name: `Person ${n}` });
      const handoff = makeHandoff(n, { email: lead.email, firstContactDueAt: tokyo('2026-12-02T09:00') + n * 60_000 });
      return { handoff, lead, account: { key: `domain:company${n % 10}.example`, name: `Company ${n % 10}` } };
    });
    const rows = visibleRows(rowsOf(many, clock, DEFAULT_SETTINGS.slaPolicy, NOW), 'all', '');
    mount(rows);
    const drawn = [...container!.querySelectorAll('.queue li')];
    expect(drawn.length).toBeLessThan(40);
    expect(headings().slice(0, 2)).toEqual(['H3 Later (1000)', 'H4 Company 0: 100 handoffs']);
    // The first hundred drawn rows are all Company 0's, in deadline order.
    expect(drawn.slice(0, 5).map((item) => item.getAttribute('data-row-id'))).toEqual(['h0', 'h10', 'h20', 'h30', 'h40']);
    expect(rows[100]!.accountGroup).toEqual({ key: 'domain:company1.example', name: 'Company 1', size: 100 });
  });
});
