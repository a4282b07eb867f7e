// @vitest-environment happy-dom
// The card's own page, framed beside a chip: it asks the background for the lead it was opened for
// (with the timeline), sends the rep's feedback itself, and tells the chip that the rep acted, and
// when Escape closes it. The chip's channel: only one that comes with the key of the card's address.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardPage } from '../../components/card/CardPage';
import { CARD_CHANNEL, listenForChip, type CardNotice } from '../../lib/content/card-link';
import type { ask } from '../../lib/messaging/client';
import type { Request } from '../../lib/messaging/messages';
import { makeHandoff, makeLead } from '../fixtures/factories';

const lead = makeLead(1, { email: 'noah.wright@orbitlabs.example.com', name: 'Noah Wright' });
const handoff = makeHandoff(1, { email: lead.email, status: 'pending' });

function fakeAsk() {
  return vi.fn(async (request: Request) => {
    if (request.type === 'context') {
      return { contexts: [{ email: lead.email, lead, touches: [], touchCount: 0, touchesIncluded: true, handoff, sla: null }], syncState: null, reasons: [], language: 'en' };
    }
    if (request.type === 'account') return null;
    return { queuedId: 'q1' };
  }) as unknown as typeof ask & ReturnType<typeof vi.fn>;
}

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
});

describe('the card page', () => {
  it('shows the lead it was opened for, gives feedback itself and tells the chip', async () => {
    const ask = fakeAsk();
    const told: CardNotice[] = [];
    await act(async () => render(<CardPage email={lead.email} ask={ask} chip={{ tell: (notice) => told.push(notice) }} />, document.body));
    await vi.waitFor(() => expect(document.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('LeadLens: Noah Wright'));
    expect(ask).toHaveBeenCalledWith({ type: 'context', emails: [lead.email], withTouches: true });
    const good = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Good lead')!;
    await act(async () => good.click());
    await vi.waitFor(() => expect(told).toContainEqual({ type: 'changed' }));
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ type: 'feedback', email: lead.email, handoffId: handoff.id, verdict: 'good_lead' }));
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Escape', bubbles: true }));
    expect(told).toContainEqual({ type: 'close' });
  });

  it('takes the chip’s channel only with its own key, from its parent, once', () => {
    const chip = listenForChip('the-key');
    const posted = (key: string) => {
      const channel = new MessageChannel();
      const heard: unknown[] = [];
      channel.port1.onmessage = (event) => heard.push(event.data);
      window.dispatchEvent(new MessageEvent('message', { data: { type: CARD_CHANNEL, key }, source: window.parent, ports: [channel.port2] }));
      return heard;
    };
    const guessed = posted('a-guess');
    const real = posted('the-key');
    const late = posted('the-key');
    chip.tell({ type: 'close' });
    return vi.waitFor(() => {
      expect(real).toEqual([{ type: 'close' }]);
      expect(guessed).toEqual([]);
      expect(late).toEqual([]);
    });
  });
});
