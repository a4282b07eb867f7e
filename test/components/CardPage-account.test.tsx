// @vitest-environment happy-dom
// The card page with its account: it asks the background for the account of the lead it shows,
// opens a person's own card in the same frame, and goes back to where the rep was, focus with it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardPage } from '../../components/card/CardPage';
import type { AccountContext } from '../../lib/cache/account-context';
import type { ask } from '../../lib/messaging/client';
import type { Request } from '../../lib/messaging/messages';
import { makeLead } from '../fixtures/factories';

const noah = makeLead(1, { email: 'noah.wright@orbitlabs.example.com', name: 'Noah Wright', company: 'Orbit Labs Inc.' });
const priya = makeLead(2, { email: 'priya.shah@orbitlabs.example.com', name: 'Priya Shah', company: 'Orbit Labs Inc.' });
const personal = makeLead(3, { email: 'sam@gmail.example', name: 'Sam Free' });
const leads = [noah, priya, personal];

const accountFor = (email: string): AccountContext | null => {
  if (email === personal.email) return null;
  const others = leads.filter((lead) => lead !== personal && lead.email !== email);
  return {
    key: 'domain:orbitlabs.example.com',
    name: 'Orbit Labs Inc.',
    people: others.map((lead) => ({ email: lead.email, name: lead.name, title: lead.title ?? '', grade: lead.grade, lastTouchAt: Date.now() - 3_600_000 })),
    activeCount: others.length,
    bestFit: 'A',
    weeklyTouches: Array.from({ length: 13 }, (_, week) => week % 3),
  };
};

function fakeAsk() {
  return vi.fn(async (request: Request) => {
    if (request.type === 'context') {
      const lead = leads.find((candidate) => candidate.email === request.emails?.[0])!;
      return { contexts: [{ email: lead.email, lead, touches: [], touchCount: 0, touchesIncluded: true, handoff: null, sla: null }], syncState: null, reasons: [], language: 'en' };
    }
    if (request.type === 'account') return accountFor(request.email);
    return { queuedId: 'q1' };
  }) as unknown as typeof ask & ReturnType<typeof vi.fn>;
}

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
});

const region = () => document.querySelector('[role="region"]');
const open = (email: string) => document.querySelector<HTMLButtonElement>(`.ll-person[data-email="${email}"] .ll-person-open`);

async function mount(email: string) {
  const ask = fakeAsk();
  await act(async () => render(<CardPage email={email} ask={ask} chip={{ tell: () => undefined }} />, document.body));
  return ask;
}

describe('the card page with an account', () => {
  it("asks for the lead's account and shows it below the actions", async () => {
    const ask = await mount(noah.email);
    await vi.waitFor(() => expect(document.querySelector('.ll-account h3')?.textContent).toBe('At Orbit Labs Inc.: 1 other person active in the last 90 days'));
    expect(ask).toHaveBeenCalledWith({ type: 'account', email: noah.email });
    const order = [...region()!.children].map((child) => child.className);
    expect(order.indexOf('ll-account')).toBeGreaterThan(order.indexOf('ll-feedback'));
  });

  it("opens a person's card in its place, with focus on it, and goes back with focus on their name", async () => {
    await mount(noah.email);
    await vi.waitFor(() => expect(open(priya.email)).not.toBeNull());
    region()!.scrollTop = 300; // the rep scrolled down to the account
    await act(async () => open(priya.email)!.click());
    await vi.waitFor(() => expect(region()?.getAttribute('aria-label')).toBe('LeadLens: Priya Shah'));
    await vi.waitFor(() => expect(document.activeElement).toBe(region()));
    expect(region()!.scrollTop).toBe(0); // Priya's card from its top, where the way back is
    const back = document.querySelector<HTMLButtonElement>('.ll-back')!;
    expect(back.textContent).toBe('← Back to Noah Wright');
    // Priya's own account lists Noah, and not Priya.
    await vi.waitFor(() => expect(open(noah.email)).not.toBeNull());
    expect(open(priya.email)).toBeNull();

    await act(async () => back.click());
    await vi.waitFor(() => expect(region()?.getAttribute('aria-label')).toBe('LeadLens: Noah Wright'));
    await vi.waitFor(() => expect(document.activeElement).toBe(open(priya.email)));
    expect(document.querySelector('.ll-back')).toBeNull();
  });

  it("goes back on Escape from a person's card, and closes the card on Escape from the lead's own", async () => {
    const told: unknown[] = [];
    const ask = fakeAsk();
    await act(async () => render(<CardPage email={noah.email} ask={ask} chip={{ tell: (notice) => told.push(notice) }} />, document.body));
    await vi.waitFor(() => expect(open(priya.email)).not.toBeNull());
    await act(async () => open(priya.email)!.click());
    await vi.waitFor(() => expect(region()?.getAttribute('aria-label')).toBe('LeadLens: Priya Shah'));
    const escape = () => act(async () => void document.activeElement!.dispatchEvent(new KeyboardEvent('keyup', { key: 'Escape', bubbles: true })));
    await escape();
    await vi.waitFor(() => expect(region()?.getAttribute('aria-label')).toBe('LeadLens: Noah Wright'));
    await vi.waitFor(() => expect(document.activeElement).toBe(open(priya.email)));
    expect(told).not.toContainEqual({ type: 'close' });
    await escape();
    expect(told).toContainEqual({ type: 'close' });
  });

  it('shows no account section for a free-mail address', async () => {
    const ask = await mount(personal.email);
    await vi.waitFor(() => expect(ask).toHaveBeenCalledWith({ type: 'account', email: personal.email }));
    await vi.waitFor(() => expect(region()?.getAttribute('aria-label')).toBe('LeadLens: Sam Free'));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(document.querySelector('.ll-account')).toBeNull();
    expect(document.querySelector('.ll-feedback')).not.toBeNull(); // the card itself is there
  });
});
