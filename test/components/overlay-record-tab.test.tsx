// @vitest-environment happy-dom
// The view of the person a record page's URL names: a host of its own at the end of the body (none of
// the page's markup needed), a tab at the viewport's right edge that a keyboard reaches, opening the
// card's frame as a panel; closing it gives focus back to the tab.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createViewFactory } from '../../components/overlay/view';
import type { ViewProps } from '../../lib/content/view';
import { makeLead } from '../fixtures/factories';
import { shadowOf, trustedClick } from '../shadow';

const email = 'noah.young@northwind.example.com';
const lead = makeLead(1, { email, name: 'Noah Young', grade: 'A1', score: 91 });

function props(overrides: Partial<ViewProps> = {}): ViewProps {
  return {
    email,
    context: { email, lead: { name: lead.name, grade: lead.grade, score: lead.score } },
    expanded: false,
    onToggle: vi.fn(),
    onChanged: vi.fn(),
    ...overrides,
  };
}

const recordView = () => createViewFactory('.ll-card { color: red; }').record();
const host = () => document.querySelector('leadlens-record');
const inShadow = <E extends Element>(selector: string) => shadowOf(host())?.querySelector<E>(selector) ?? null;

afterEach(() => {
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
});

describe('the record tab', () => {
  it('goes on the page, at the end of the body, only once the person is known', () => {
    document.body.innerHTML = '<main><h1>Noah Young</h1></main>';
    const view = recordView();
    view.draw(props({ context: undefined }));
    view.draw(props({ context: { ...props().context!, lead: null } }));
    expect(host()).toBeNull();
    view.draw(props());
    expect(document.body.lastElementChild).toBe(host());
    const tab = inShadow<HTMLButtonElement>('button.ll-record-tab')!;
    expect(tab.type).toBe('button');
    expect(tab.getAttribute('aria-label')).toBe('LeadLens: Noah Young, grade A1, score 91');
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(tab.textContent).toContain('A1 · 91');
    view.draw(props());
    expect(document.querySelectorAll('leadlens-record')).toHaveLength(1);
  });

  it('opens the card on click, as a panel the tab controls, holding the card page’s frame', async () => {
    const onToggle = vi.fn();
    const view = recordView();
    view.draw(props({ onToggle }));
    inShadow<HTMLButtonElement>('button.ll-record-tab')!.click();
    expect(onToggle).not.toHaveBeenCalled(); // a script's click
    trustedClick(inShadow('button.ll-record-tab')!);
    expect(onToggle).toHaveBeenCalledWith(true);
    view.draw(props({ onToggle, expanded: true }));
    const tab = inShadow('button.ll-record-tab')!;
    const panel = inShadow('.ll-record-panel')!;
    expect(tab.getAttribute('aria-expanded')).toBe('true');
    expect(tab.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.querySelector('iframe')!.getAttribute('title')).toContain('Noah Young');
    expect(host()!.shadowRoot).toBeNull();
  });

  it('gives focus back to the tab when the card closes', async () => {
    const onToggle = vi.fn();
    const view = recordView();
    view.draw(props({ onToggle, expanded: true }));
    view.draw(props({ onToggle, expanded: false }));
    expect(inShadow('.ll-record-panel')).toBeNull();
    await vi.waitFor(() => expect(shadowOf(host())!.activeElement).toBe(inShadow('button.ll-record-tab')));
  });

  it('follows the page’s dark theme', () => {
    document.body.setAttribute('style', 'background-color: rgb(22, 27, 34)');
    recordView().draw(props());
    expect(host()!.getAttribute('data-theme')).toBe('dark');
  });

  it('leaves the page as it found it on remove(), and a late draw does not bring it back', () => {
    document.body.innerHTML = '<main><h1>Noah Young</h1></main>';
    const view = recordView();
    view.draw(props());
    view.remove();
    expect(document.body.innerHTML).toBe('<main><h1>Noah Young</h1></main>');
    view.draw(props());
    expect(host()).toBeNull();
  });
});
