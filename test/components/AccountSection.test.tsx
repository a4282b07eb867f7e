// @vitest-environment happy-dom
// The card's account section: who else at the company is active, their grade, last touch and
// handoff, the best fit and the touches by week, in English and Japanese; nothing when there is no
// account (a free-mail address).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountSection } from '../../components/card/AccountSection';
import { sparklinePoints } from '../../components/card/Sparkline';
import type { AccountContext } from '../../lib/cache/account-context';
import { useMessages } from '../../lib/ui/i18n';

const NOW = Date.UTC(2026, 10, 16, 3, 0);
const DAY = 86_400_000;

function sakura(overrides: Partial<AccountContext> = {}): AccountContext {
  return {
    key: 'domain:sakura-seiki.example.jp',
    name: '株式会社サクラ精機',
    people: [
      { email: 'tanaka@sakura-seiki.example.jp', name: '田中 美咲', title: '情報システム部 課長', grade: 'A2', lastTouchAt: NOW - 2 * DAY, handoff: { status: 'pending', assigneeEmail: 'rep@leadlens.example' } },
      { email: 'kato@sakura-seiki.example.jp', name: '加藤 翔', title: 'CTO', grade: 'B1', lastTouchAt: NOW - 10 * DAY },
    ],
    activeCount: 2,
    bestFit: 'A',
    weeklyTouches: [0, 0, 1, 0, 2, 3, 0, 0, 1, 4, 2, 5, 3],
    ...overrides,
  };
}

let container: HTMLElement;
function mount(account: AccountContext | null, onOpenPerson = vi.fn()) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<AccountSection account={account} now={NOW} onOpenPerson={onOpenPerson} />, container));
  return onOpenPerson;
}
afterEach(() => {
  render(null, container);
  container.remove();
});

const japanese = () => JSON.parse(readFileSync(join(__dirname, '../../public/_locales/ja/messages.json'), 'utf8'));

describe('AccountSection', () => {
  it('names the company and how many others were active, and lists each with title, grade, last touch and handoff owner', () => {
    mount(sakura());
    const section = container.querySelector('section.ll-account')!;
    expect(section.querySelector('h3')!.textContent).toBe('At 株式会社サクラ精機: 2 other people active in the last 90 days');
    expect(section.getAttribute('aria-labelledby')).toBe(section.querySelector('h3')!.id);
    const people = [...section.querySelectorAll('.ll-person')].map((item) => item.textContent);
    expect(people[0]).toContain('田中 美咲');
    expect(people[0]).toContain('情報システム部 課長');
    expect(people[0]).toContain('A2');
    expect(people[0]).toContain('last touch 2 d ago');
    expect(people[0]).toContain('handoff pending, owned by rep@leadlens.example');
    expect(people[1]).toContain('last touch 10 d ago · no handoff');
    expect(section.textContent).toContain('Best fit at this company: A');
  });

  it('isolates the names from the data in the sentences around them', () => {
    mount(sakura({ name: 'שלום Ltd.' }));
    expect(container.querySelector('h3 bdi')!.textContent).toBe('שלום Ltd.');
    expect(container.querySelector('.ll-person-state bdi')!.textContent).toBe('rep@leadlens.example');
  });

  it('says one person, no one else, and how many more are active than listed', () => {
    mount(sakura({ people: sakura().people.slice(0, 1), activeCount: 1 }));
    expect(container.querySelector('h3')!.textContent).toBe('At 株式会社サクラ精機: 1 other person active in the last 90 days');
    render(null, container);
    mount(sakura({ people: [], activeCount: 0 }));
    expect(container.querySelector('h3')!.textContent).toBe('At 株式会社サクラ精機: no one else active in the last 90 days');
    expect(container.querySelector('.ll-people')).toBeNull();
    render(null, container);
    mount(sakura({ activeCount: 27 }));
    expect(container.querySelector('.ll-people-more')!.textContent).toBe('and 25 more');
  });

  it('opens a person with their name button, which says it opens their card', () => {
    const onOpen = mount(sakura());
    const button = container.querySelector<HTMLButtonElement>('.ll-person[data-email="kato@sakura-seiki.example.jp"] button')!;
    expect(button.textContent).toBe('加藤 翔 (open their card)');
    act(() => button.click());
    expect(onOpen).toHaveBeenCalledWith(sakura().people[1]);
  });

  it('lists five people at first, the rest on request with focus on the first of them', () => {
    const people = Array.from({ length: 7 }, (_, n) => ({ email: `p${n}@sakura-seiki.example.jp`, name: `Person ${n}`, title: '', grade: 'C3', lastTouchAt: NOW - n * DAY }));
    mount(sakura({ people, activeCount: 7 }));
    const names = () => [...container.querySelectorAll('.ll-person-open bdi')].map((name) => name.textContent);
    expect(names()).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4']);
    const showAll = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Show all (7)')!;
    act(() => showAll.click());
    expect(names()).toHaveLength(7);
    expect(document.activeElement?.textContent).toBe('Person 5 (open their card)');
  });

  it('draws the touches by week with every count in its text alternative', () => {
    mount(sakura());
    const svg = container.querySelector('svg.ll-spark')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Touches by week over the last 13 weeks, oldest first: 0, 0, 1, 0, 2, 3, 0, 0, 1, 4, 2, 5, 3. 21 in all.');
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(13);
    expect(container.querySelector('.ll-trend')!.textContent).toContain('21 in 13 weeks');
  });

  it('shows nothing when there is no account, as for a free-mail address', () => {
    mount(null);
    expect(container.innerHTML).toBe('');
    render(null, container);
    mount(sakura()); // the same mount draws a section when there is one
    expect(container.querySelector('section.ll-account')).not.toBeNull();
  });

  it('speaks Japanese as Japanese UI copy reads', () => {
    useMessages('ja', japanese());
    mount(sakura());
    expect(container.querySelector('h3')!.textContent).toBe('株式会社サクラ精機 では、ほかに2人が過去90日間に活動しています');
    const first = container.querySelector('.ll-person')!.textContent!;
    expect(first).toContain('最終接点 2日前');
    expect(first).toContain('引き渡し: 対応待ち（担当: rep@leadlens.example）');
    expect(container.textContent).toContain('この企業で最も高い適合度: A');
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('過去13週間の週ごとの接点（古い順）: 0、0、1、0、2、3、0、0、1、4、2、5、3。合計21件。');
  });
});

describe('sparklinePoints', () => {
  it('puts the busiest week at the top, an empty week on the base line, oldest on the left', () => {
    const points = sparklinePoints([0, 5, 10]);
    expect(points.map(([x]) => x)).toEqual([...points.map(([x]) => x)].sort((a, b) => a - b));
    expect(points[2]![1]).toBeLessThan(points[1]![1]);
    expect(points[1]![1]).toBeLessThan(points[0]![1]);
    expect(sparklinePoints([0, 0]).every(([, y]) => y === points[0]![1])).toBe(true);
  });
});
