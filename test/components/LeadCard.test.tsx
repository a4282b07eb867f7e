// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LeadCard, type LeadCardProps } from '../../components/card/LeadCard';
import { explainFit } from '../../lib/cache/lead-context';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { formatDayTime, formatDeadline } from '../../lib/ui/format';
import { useMessages } from '../../lib/ui/i18n';
import { BackgroundError } from '../../lib/messaging/client';
import japaneseTable from '../../public/_locales/ja/messages.json';
import { makeHandoff, makeLead, makeTouch } from '../fixtures/factories';

const NOW = Date.UTC(2026, 10, 16, 3, 0);
const HOUR = 3_600_000;

function props(overrides: Partial<LeadCardProps> = {}): LeadCardProps {
  const lead = makeLead(1, {
    name: '佐藤 健',
    company: '株式会社サクラ精機',
    title: '営業部長',
    companySize: 250,
    industry: 'Retail',
    score: 82,
    fit: 'B',
    readiness: 1,
    grade: 'B1',
    scoreFactors: [
      { label: 'Requested a demo', points: 30 },
      { label: 'Unsubscribed from newsletter', points: -5 },
      { label: 'Visited pricing 3 times', points: 12 },
    ],
    qualifiedBy: 'Score ≥ 70 and requested a demo',
    crmUrl: 'https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000AbCdE/view',
  });
  const touches = Array.from({ length: 8 }, (_, n) =>
    makeTouch(n, lead.email, { type: n % 2 ? 'webinar' : 'email_click', title: `Touch ${n}`, at: NOW - n * HOUR }),
  );
  return {
    context: {
      email: lead.email,
      lead,
      touches,
      touchCount: 8,
      touchesIncluded: true,
      handoff: makeHandoff(1, { email: lead.email, status: 'pending' }),
      sla: { state: 'due_soon', dueAt: NOW + 45 * 60_000, msLeft: 45 * 60_000, businessMsLeft: 45 * 60_000 },
      fit: explainFit(lead),
      latestVerdict: null,
    },
    now: NOW,
    syncedAt: NOW - 3 * 60_000,
    reasons: DEFAULT_SETTINGS.feedbackReasons,
    onFeedback: vi.fn(async () => {}),
    onAction: vi.fn(async () => {}),
    ...overrides,
  };
}

let container: HTMLElement;
function mount(cardProps: LeadCardProps) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<LeadCard {...cardProps} />, container));
  return container;
}
afterEach(() => {
  render(null, container);
  container.remove();
});

const button = (name: string) =>
  [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;

describe('LeadCard', () => {
  it('is a region named for LeadLens and the lead, with who, score, grade and stage', () => {
    mount(props());
    const region = container.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('LeadLens: 佐藤 健');
    expect(region.textContent).toContain('営業部長 · 株式会社サクラ精機');
    expect(container.querySelector('.ll-score strong')!.textContent).toBe('82');
    expect(container.querySelector('.ll-grade')!.textContent).toBe('B1');
    expect(container.querySelector('.ll-stage')!.textContent).toBe('MQL');
    expect(container.querySelector('[aria-current="true"]')!.textContent).toBe('B1');
    expect(region.getAttribute('lang')).toBe('en');
    expect(container.querySelector('.ll-matrix thead th')!.textContent).toBe('Fit by readiness');
    expect(container.querySelector('.ll-matrix thead th .ll-sr')).not.toBeNull();
  });

  it('opens the CRM record in a new tab, giving the CRM no way back to the page', () => {
    mount(props());
    const link = container.querySelector<HTMLAnchorElement>('a.ll-crm')!;
    expect(link.getAttribute('href')).toBe('https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000AbCdE/view');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe('Open in CRM (opens the CRM in a new tab)');
    const without = props();
    delete without.context.lead.crmUrl;
    render(null, container);
    mount(without);
    expect(container.querySelector('a.ll-crm')).toBeNull();
  });

  it("links Qualified by to the team's Definitions when the card can reach the options page", () => {
    mount(props({ definitionsUrl: 'chrome-extension://id/options.html#definitions' }));
    const link = container.querySelector<HTMLAnchorElement>('.ll-qualified a')!;
    expect(link.getAttribute('href')).toBe('chrome-extension://id/options.html#definitions');
    expect(link.textContent).toBe('Definitions');
    render(null, container);
    mount(props());
    expect(container.querySelector('.ll-qualified a')).toBeNull();
  });

  it('explains the fit factor by factor, counted or not, and the readiness by the engagement factors, biggest first', () => {
    mount(props());
    const heads = [...container.querySelectorAll('.ll-why-head')].map((head) => head.textContent);
    expect(heads).toEqual(['Fit B: 60 pts A ≥ 75 · B ≥ 50 · C ≥ 25 pts', 'Readiness 1: score 82 1 ≥ 80 · 2 ≥ 60 · 3 ≥ 40']);
    const fit = [...container.querySelectorAll('[data-part="fit"] li')].map((item) => item.textContent);
    expect(fit).toEqual(['Mid-market (200–999 employees) +30', 'industry not a target: Retail', 'Role: director or VP +30']);
    const engagement = [...container.querySelectorAll('[data-part="readiness"] li')].map((item) => item.textContent);
    expect(engagement).toEqual(['Requested a demo +30', 'Visited pricing 3 times +12', 'Unsubscribed from newsletter −5']);
    expect(container.querySelector('.ll-qualified')!.textContent).toBe('Qualified by: Score ≥ 70 and requested a demo');
  });

  it('says so when the source graded the fit otherwise than LeadLens counts it', () => {
    const graded = props();
    graded.context.lead = { ...graded.context.lead, fit: 'A', grade: 'A1' };
    mount(graded);
    expect(container.querySelector('.ll-why-head strong')!.textContent).toBe('Fit A, graded by the source (LeadLens counts 60 pts)');
  });

  it('shows the latest touches first and all of them on request', () => {
    mount(props());
    const titles = () => [...container.querySelectorAll('.ll-touch')].map((item) => item.querySelector('a')!.textContent);
    expect(titles()).toEqual(['Touch 0', 'Touch 1', 'Touch 2']);
    act(() => button('Show all (8)').click());
    expect(titles()).toHaveLength(8);
  });

  it('counts the SLA down and turns overdue when the deadline passes', () => {
    const cardProps = props();
    mount(cardProps);
    expect(container.querySelector('.ll-sla')!.getAttribute('data-state')).toBe('due_soon');
    expect(container.querySelector('.ll-sla strong')!.textContent).toBe('45m left (business hours)');
    expect(container.querySelector('.ll-sla-deadline')!.textContent).toBe(` · due ${formatDeadline(NOW + 45 * 60_000, NOW)}`);
    act(() => render(<LeadCard {...cardProps} now={NOW + 10 * 60_000} />, container));
    expect(container.querySelector('.ll-sla strong')!.textContent).toBe('35m left (business hours)');
    act(() => render(<LeadCard {...cardProps} now={NOW + 50 * 60_000} />, container));
    expect(container.querySelector('.ll-sla')!.getAttribute('data-state')).toBe('overdue');
    expect(container.querySelector('.ll-sla strong')!.textContent).toBe('Overdue by 5m (business hours)');
  });

  it('counts working time, not the night: due soon at closing time reads 45 minutes, with the clock deadline next morning beside it', () => {
    const overnight = props();
    const dueAt = NOW + (15 * 60 + 45) * 60_000;
    overnight.context.sla = { state: 'due_soon', dueAt, msLeft: dueAt - NOW, businessMsLeft: 45 * 60_000 };
    mount(overnight);
    expect(container.querySelector('.ll-sla strong')!.textContent).toBe('45m left (business hours)');
    expect(container.querySelector('.ll-sla')!.textContent).toContain('Due soon');
    expect(container.querySelector('.ll-sla-deadline')!.textContent).toBe(` · due ${formatDeadline(dueAt, NOW)}`);
  });

  it('says how fresh the data is', () => {
    mount(props());
    expect(container.querySelector('.ll-fresh')!.textContent).toBe('Updated 3 min ago');
  });

  it('sends one-click feedback with the note, and handoff actions', async () => {
    const cardProps = props();
    mount(cardProps);
    const note = container.querySelector('textarea')!;
    act(() => {
      note.value = 'Budget frozen until April';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => button('Good lead').click());
    expect(cardProps.onFeedback).toHaveBeenCalledWith('good_lead', 'Budget frozen until April');
    expect(container.querySelector('.ll-saved')!.textContent).toBe('Saved: Good lead');
    await act(async () => button('Accept').click());
    expect(cardProps.onAction).toHaveBeenCalledWith('accept', '');
    expect(['Accept', 'Mark contacted', 'Reject (recycle to nurture)'].every((name) => button(name))).toBe(true);
  });

  it('shows the verdict already given, pressed, with its reason in words and when; another replaces it', async () => {
    const given = props();
    const at = NOW - 2 * HOUR;
    given.context.latestVerdict = { id: 'f1', verdict: 'not_a_fit', reasonCode: 'too_small', at };
    mount(given);
    expect(container.querySelector('.ll-given')!.textContent).toBe(`Your verdict: Not a fit: Company too small · ${formatDayTime(at)}`);
    const pressed = () => [...container.querySelectorAll('[aria-label="Feedback to marketing"] > button[aria-pressed="true"]')].map((b) => b.textContent);
    expect(pressed()).toEqual(['Not a fit']);
    expect(button('Good lead').getAttribute('aria-pressed')).toBe('false');
    await act(async () => button('Not a fit').click());
    expect(button('Company too small').getAttribute('aria-pressed')).toBe('true');
    await act(async () => button('Good lead').click());
    expect(given.onFeedback).toHaveBeenCalledWith('good_lead', '');
    expect(pressed()).toEqual(['Good lead']);
    expect(container.querySelector('.ll-given')!.textContent).toMatch(/^Your verdict: Good lead · /);
  });

  it('never shows a reason code: a reason without words of its own is left out', () => {
    const given = props();
    given.context.latestVerdict = { id: 'f1', verdict: 'not_a_fit', reasonCode: 'legacy_code_7', at: NOW };
    mount(given);
    expect(container.querySelector('.ll-given')!.textContent).toBe(`Your verdict: Not a fit · ${formatDayTime(NOW)}`);
    const labelled = [...container.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label')).join(' ');
    expect(container.textContent + labelled).not.toMatch(/legacy_code_7|too_small|not_a_fit/);
  });

  it('puts the reasons right after their verdict in the tab order, and lets Escape through to the container', async () => {
    mount(props());
    await act(async () => button('Not a fit').click());
    const order = [...container.querySelectorAll('button')].map((b) => b.textContent);
    const at = order.indexOf('Not a fit');
    expect(order.slice(at, at + 6)).toEqual(['Not a fit', 'Company too small', 'Wrong industry', 'No budget', 'Send without a reason', 'Bad timing']);
    const escapes: KeyboardEvent[] = [];
    container.addEventListener('keydown', (event) => escapes.push(event));
    for (const target of [button('Wrong industry'), button('Good lead'), container.querySelector('textarea')!, container.querySelector('a.ll-crm')!]) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    }
    expect(escapes).toHaveLength(4);
    expect(escapes.some((event) => event.defaultPrevented)).toBe(false);
  });

  it('speaks the UI language, not the lead’s: Japanese words around the source’s own factor labels', () => {
    const read = (language: string) => JSON.parse(readFileSync(join(__dirname, `../../public/_locales/${language}/messages.json`), 'utf8'));
    useMessages('ja', read('ja'));
    const japanese = props();
    const dueAt = NOW + 10 * HOUR;
    japanese.context.sla = { state: 'due_soon', dueAt, msLeft: 10 * HOUR, businessMsLeft: 135 * 60_000 };
    japanese.context.latestVerdict = { id: 'f1', verdict: 'not_a_fit', reasonCode: 'too_small', at: NOW };
    mount(japanese);
    const region = container.querySelector('[role="region"]')!;
    expect(region.getAttribute('lang')).toBe('ja');
    expect(container.querySelector('.ll-sla')!.textContent).toBe(`初回連絡 期限間近 残り2時間15分（営業時間） · ${formatDeadline(dueAt, NOW)}まで`);
    expect([...container.querySelectorAll('.ll-why-head strong')].map((head) => head.textContent)).toEqual(['適合度 B: 60点', '準備度 1: スコア 82']);
    expect([...container.querySelectorAll('[data-part="fit"] li')].map((item) => item.textContent)).toEqual([
      '中堅企業（従業員200〜999名） +30',
      '重点業種外: Retail',
      '役職: 部長・本部長クラス +30',
    ]);
    expect(container.querySelector('[data-part="readiness"] li')!.textContent).toBe('Requested a demo +30');
    expect(container.querySelector('.ll-given')!.textContent).toBe(`あなたの評価: ターゲット外（企業規模が小さすぎる）・${formatDayTime(NOW)}`);
    expect(container.textContent).not.toMatch(/Fit|Readiness|Due|business|Your verdict|Open in CRM/);
  });

  it('asks why for a verdict with reasons, one more click that the rep may skip', async () => {
    const reasons = [...DEFAULT_SETTINGS.feedbackReasons, { code: 'student', verdict: 'not_a_fit' as const, label: 'Student or job seeker' }];
    const cardProps = props({ reasons });
    mount(cardProps);
    await act(async () => button('Not a fit').click());
    expect(cardProps.onFeedback).not.toHaveBeenCalled();
    const why = container.querySelector('[role="group"][aria-label="Why? (optional)"]')!;
    expect([...why.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Company too small',
      'Wrong industry',
      'No budget',
      'Student or job seeker',
      'Send without a reason',
    ]);
    await act(async () => button('Student or job seeker').click());
    expect(cardProps.onFeedback).toHaveBeenCalledWith('not_a_fit', '', 'student');
    expect(container.querySelector('.ll-saved')!.textContent).toBe('Saved: Not a fit: Student or job seeker');
    expect(container.querySelector('[aria-label="Why? (optional)"]')).toBeNull();

    await act(async () => button('Bad timing').click());
    await act(async () => button('Send without a reason').click());
    expect(cardProps.onFeedback).toHaveBeenLastCalledWith('bad_timing', '');
  });

  it('says so when a click could not be saved', async () => {
    mount(props({ onFeedback: async () => Promise.reject(new Error('The disk is full')) }));
    await act(async () => button('Good lead').click());
    await vi.waitFor(() => expect(container.querySelector('.ll-saved')!.textContent).toBe('Not saved: The disk is full'));
    expect(container.querySelector('.error-detail')).toBeNull(); // unknown: its own words are all there is
  });

  it("words a refusal from the marketing system in the rep's language, with the system's own text as the detail", async () => {
    const refusal = () => Promise.reject(new BackgroundError('HubSpot refused the token (401 Unauthorized: Authentication credentials not found).', 'auth'));
    mount(props({ onFeedback: refusal }));
    await act(async () => button('Good lead').click());
    await vi.waitFor(() => expect(container.querySelector('.ll-saved')!.textContent).toBe('Not saved: The marketing system refused the connection (check the token and its permissions).'));
    expect(container.querySelector('.error-detail summary')!.textContent).toBe('Details');
    expect(container.querySelector('.error-detail bdi')!.textContent).toBe('HubSpot refused the token (401 Unauthorized: Authentication credentials not found).');

    render(null, container);
    container.remove();
    useMessages('ja', japaneseTable);
    mount(props({ onFeedback: refusal }));
    await act(async () => [...container.querySelectorAll('button')].find((each) => each.textContent === '良いリード')!.click());
    await vi.waitFor(() => expect(container.querySelector('.ll-saved')!.textContent).toBe('保存できませんでした: マーケティングシステムが接続を拒否しました（トークンと権限を確認してください）'));
    expect(container.querySelector('.error-detail summary')!.textContent).toBe('詳細');
    expect(container.querySelector('.error-detail bdi')!.textContent).toContain('401 Unauthorized');
  });

  it('renders hostile data as text, never as HTML', () => {
    const hostile = props();
    hostile.context.lead.name = '<img src=x onerror="alert(1)">';
    hostile.context.touches[0]!.title = '<script>alert(2)</script>';
    mount(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('.ll-name')!.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});
