// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadCard, type LeadCardProps } from '../../components/card/LeadCard';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { makeHandoff, makeLead, makeTouch } from '../fixtures/factories';

const NOW = Date.UTC(2026, 10, 16, 3, 0);
const HOUR = 3_600_000;

function props(overrides: Partial<LeadCardProps> = {}): LeadCardProps {
  const lead = makeLead(1, {
    name: '佐藤 健',
    company: '株式会社サクラ精機',
    title: '営業部長',
    score: 82,
    fit: 'A',
    readiness: 1,
    grade: 'A1',
    scoreFactors: [
      { label: 'Requested a demo', points: 30 },
      { label: 'Unsubscribed from newsletter', points: -5 },
      { label: 'Visited pricing 3 times', points: 12 },
    ],
    qualifiedBy: 'Score ≥ 70 and requested a demo',
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
    expect(container.querySelector('.ll-grade')!.textContent).toBe('A1');
    expect(container.querySelector('.ll-stage')!.textContent).toBe('MQL');
    expect(container.querySelector('[aria-current="true"]')!.textContent).toBe('A1');
  });

  it('explains the score, biggest factor first, and why the lead qualified', () => {
    mount(props());
    const factors = [...container.querySelectorAll('.ll-why li')].map((item) => item.textContent);
    expect(factors).toEqual(['Requested a demo +30', 'Visited pricing 3 times +12', 'Unsubscribed from newsletter -5']);
    expect(container.querySelector('.ll-qualified')!.textContent).toBe('Qualified by: Score ≥ 70 and requested a demo');
  });

  it('shows the latest touches first and all of them on request', () => {
    mount(props());
    const titles = () => [...container.querySelectorAll('.ll-touch')].map((item) => item.querySelector('a')!.textContent);
    expect(titles()).toEqual(['Touch 0', 'Touch 1', 'Touch 2', 'Touch 3', 'Touch 4']);
    act(() => button('Show all (8)').click());
    expect(titles()).toHaveLength(8);
  });

  it('counts the SLA down and turns overdue when the deadline passes', () => {
    const cardProps = props();
    mount(cardProps);
    expect(container.querySelector('.ll-sla')!.getAttribute('data-state')).toBe('due_soon');
    expect(container.querySelector('.ll-sla strong')!.textContent).toBe('Due in 45m');
    act(() => render(<LeadCard {...cardProps} now={NOW + 50 * 60_000} />, container));
    expect(container.querySelector('.ll-sla')!.getAttribute('data-state')).toBe('overdue');
    expect(container.querySelector('.ll-sla strong')!.textContent).toBe('Overdue by 5m');
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
