// @vitest-environment happy-dom
// The loop report by account: handoffs by SLA outcome and verdicts per account (the busiest ten),
// and the accounts rejected most, drawn with the report's charts, in English and Japanese.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNTS_SHOWN, AccountReport } from '../../../components/options/AccountReport';
import type { LoopReport } from '../../../lib/cache/report';
import { useMessages } from '../../../lib/ui/i18n';

type AccountRow = LoopReport['byAccount'][number];
const account = (n: number, name: string, counts: Partial<Omit<AccountRow, 'key' | 'name'>>): AccountRow => ({
  key: `domain:company${n}.example`,
  name,
  handoffs: 0,
  metSla: 0,
  missedSla: 0,
  rejected: 0,
  ...counts,
  verdicts: { good_lead: 0, not_a_fit: 0, bad_timing: 0, wrong_contact: 0, ...counts.verdicts },
});

const SAKURA = account(1, '株式会社サクラ精機', { handoffs: 4, metSla: 2, missedSla: 1, verdicts: { good_lead: 1, not_a_fit: 2, bad_timing: 0, wrong_contact: 0 }, rejected: 3 });
const ORBIT = account(2, 'Orbit Labs Inc.', { handoffs: 2, metSla: 2, verdicts: { good_lead: 2, not_a_fit: 0, bad_timing: 0, wrong_contact: 0 } });
const LONG = account(3, 'Northwind Traders International Holdings Company, Ltd. (Asia Pacific Regional Office)', { rejected: 1, verdicts: { good_lead: 0, not_a_fit: 0, bad_timing: 0, wrong_contact: 1 } });

const report = (byAccount: AccountRow[], mostRejected: AccountRow[]) => ({ byAccount, mostRejected }) as unknown as LoopReport;

let container: HTMLElement;
function mount(shown: LoopReport) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<AccountReport report={shown} />, container));
}
afterEach(() => {
  render(null, container);
  container.remove();
});

const charts = () => [...container.querySelectorAll('svg')].map((svg) => svg.getAttribute('aria-label'));
/** A chart's table for screen readers: each row's account and its parts. */
const table = (label: string) =>
  [...container.querySelector(`figure:has(svg[aria-label="${label}"]) table`)!.querySelectorAll('tr')].map((row) =>
    [...row.children].map((cell) => cell.textContent),
  );

describe('AccountReport', () => {
  it('charts the handoffs by SLA outcome and the verdicts per account, and the accounts rejected most', () => {
    mount(report([SAKURA, ORBIT, LONG], [SAKURA, LONG]));
    expect(charts()).toEqual(['Handoffs by account and SLA outcome', 'Verdicts by account', 'Accounts whose leads were rejected most']);
    expect(table('Handoffs by account and SLA outcome')).toEqual([
      ['株式会社サクラ精機', 'Met: 2', 'Missed: 1', 'Still open: 1'],
      ['Orbit Labs Inc.', 'Met: 2', 'Missed: 0', 'Still open: 0'],
    ]);
    expect(table('Verdicts by account')[0]).toEqual(['株式会社サクラ精機', 'Good lead: 1', 'Not a fit: 2', 'Bad timing: 0', 'Wrong contact: 0']);
    expect(table('Accounts whose leads were rejected most')).toEqual([
      ['株式会社サクラ精機', 'Rejected or not a fit: 3'],
      ['Northwind Traders International Holdings Company, Ltd. (Asia Pacific Regional Office)', 'Rejected or not a fit: 1'],
    ]);
    // Every chart has its legend.
    expect(container.querySelectorAll('figure .legend')).toHaveLength(3);
  });

  it('wraps a long account name and keeps it whole in the tooltip', () => {
    mount(report([LONG], [LONG]));
    const label = container.querySelector('svg[aria-label="Verdicts by account"] text:has(title)')!;
    expect(label.querySelectorAll('tspan').length).toBe(2);
    expect(label.querySelector('title')!.textContent).toBe(LONG.name);
  });

  it('draws the verdicts of an account with no handoff in the period, however many busier accounts there are', () => {
    const busy = Array.from({ length: 12 }, (_, n) => account(n + 10, `Busy ${n}`, { handoffs: 20 - n }));
    mount(report([...busy, LONG], []));
    expect(table('Verdicts by account').map(([name]) => name)).toEqual([LONG.name]);
    expect(table('Handoffs by account and SLA outcome')).toHaveLength(ACCOUNTS_SHOWN);
  });

  it('draws the ten busiest accounts, and says when there is nothing to show', () => {
    // The report's order: the busiest first.
    const many = Array.from({ length: 14 }, (_, n) => account(n, `Company ${String(13 - n).padStart(2, '0')}`, { handoffs: 14 - n }));
    mount(report(many, []));
    const drawn = table('Handoffs by account and SLA outcome').map(([name]) => name);
    expect(drawn).toHaveLength(ACCOUNTS_SHOWN);
    expect(drawn[0]).toBe('Company 13');
    expect(container.textContent).toContain('No account had a lead rejected in this period.');
    render(null, container);
    mount(report([], []));
    expect(charts()).toEqual([]);
    expect(container.textContent).toContain('No handoffs to any account in this period.');
    expect(container.textContent).toContain('No feedback in this period yet.');
  });

  it('reads in Japanese', () => {
    useMessages('ja', JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/ja/messages.json'), 'utf8')));
    mount(report([SAKURA], [SAKURA]));
    expect([...container.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual(['企業別の引き渡し（SLA の結果別）', '企業別の評価', 'リードの差し戻しが多い企業']);
    expect(table('リードの差し戻しが多い企業')).toEqual([['株式会社サクラ精機', '差し戻し・ターゲット外: 3']]);
  });
});
