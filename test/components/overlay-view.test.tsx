// @vitest-environment happy-dom
// The view the overlay runtime is given for each address: a host element right after the address,
// put into the page only with its first content, in the page's theme, and gone again on remove().
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createViewFactory } from '../../components/overlay/view';
import type { ViewProps } from '../../lib/content/view';
import type { AddressRole } from '../../lib/pages/types';
import { makeLead } from '../fixtures/factories';
import { shadowOf, trustedClick } from '../shadow';

const email = 'noah.wright@orbitlabs.example.com';
const lead = makeLead(1, { email, name: 'Noah Wright', grade: 'A1', score: 91 });

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

function pageWithAddress(background = 'rgb(255, 255, 255)') {
  document.body.innerHTML = `<div style="background-color: ${background}"><h3><span email="${email}">Noah Wright</span></h3></div>`;
  return document.querySelector('span[email]')!;
}
const view = (anchor: Element, role: AddressRole = 'sender') => createViewFactory('.ll-chip { color: red; }')({ email, anchor, role });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the overlay view', () => {
  it('goes into the page only once there is something to show, right after the address', () => {
    const anchor = pageWithAddress();
    const made = view(anchor);
    made.draw(props({ context: undefined }));
    expect(document.querySelector('leadlens-overlay')).toBeNull();
    made.draw(props());
    const host = anchor.nextElementSibling!;
    expect(host.tagName).toBe('LEADLENS-OVERLAY');
    expect(shadowOf(host)!.querySelector('.ll-chip')!.getAttribute('aria-label')).toContain('Noah Wright');
    made.draw(props());
    expect(document.querySelectorAll('leadlens-overlay')).toHaveLength(1);
  });

  it('follows the page’s dark theme, read from behind the address', () => {
    const anchor = pageWithAddress('rgb(32, 33, 36)');
    view(anchor).draw(props());
    expect(anchor.nextElementSibling!.getAttribute('data-theme')).toBe('dark');
  });

  it('reads no style for a view made while the page mutates: it takes the theme read last, corrected after the next frame', async () => {
    const factory = createViewFactory('');
    const first = pageWithAddress('rgb(32, 33, 36)');
    factory({ email, anchor: first, role: 'sender' }).draw(props());
    // The page turns light; a view made now must not make the browser style the page in this task.
    const second = document.createElement('span');
    second.setAttribute('email', email);
    const light = document.createElement('div');
    light.style.backgroundColor = 'rgb(255, 255, 255)';
    light.append(second);
    document.body.append(light);
    const styleReads = vi.spyOn(window, 'getComputedStyle');
    factory({ email, anchor: second, role: 'sender' }).draw(props());
    expect(styleReads).not.toHaveBeenCalled();
    expect(second.nextElementSibling!.getAttribute('data-theme')).toBe('dark');
    await vi.waitFor(() => expect(second.nextElementSibling!.getAttribute('data-theme')).toBe('light'));
    expect(styleReads).toHaveBeenCalled();
    styleReads.mockRestore();
  });

  it('opens its card in place and, when the card closes, gives focus back to the chip', () => {
    const anchor = pageWithAddress();
    const made = view(anchor);
    made.draw(props({ expanded: true }));
    const shadow = shadowOf(anchor.nextElementSibling)!;
    const chip = shadow.querySelector<HTMLButtonElement>('button.ll-chip')!;
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    expect(shadow.querySelector('.ll-overlay iframe.ll-card-frame')).not.toBeNull();
    made.draw(props({ expanded: false }));
    expect(shadow.querySelector('iframe')).toBeNull();
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(chip);
  });

  it('shows a record page’s card inline, in a frame of the card page that names only the address', () => {
    const inline = view(pageWithAddress(), 'record');
    inline.draw(props({ expanded: true }));
    const container = shadowOf(document.querySelector('leadlens-overlay'))!.querySelector('span')!;
    expect(container.classList.contains('ll-inline')).toBe(true);
    const frame = container.querySelector('iframe')!;
    const url = new URL(frame.getAttribute('src')!);
    expect(url.pathname).toBe('/card.html');
    expect(new URLSearchParams(url.hash.slice(1)).get('email')).toBe(email);
    expect(frame.getAttribute('title')).toContain('Noah Wright');
  });

  it('keeps its shadow root closed to the page, and the lead off the host', () => {
    const anchor = pageWithAddress();
    view(anchor).draw(props());
    const host = anchor.nextElementSibling!;
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames()).toEqual(['data-theme']);
  });

  it('opens on the rep’s click, and not on a click a script dispatches', () => {
    const onToggle = vi.fn();
    const anchor = pageWithAddress();
    view(anchor).draw(props({ onToggle }));
    const chip = shadowOf(anchor.nextElementSibling)!.querySelector<HTMLButtonElement>('button.ll-chip')!;
    chip.click();
    chip.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(onToggle).not.toHaveBeenCalled();
    trustedClick(chip);
    expect(onToggle).toHaveBeenCalledWith(true);
  });

  it('holds, even with the card open, only buttons and the card’s frame: nothing inside acts on input but a click', () => {
    const anchor = pageWithAddress();
    view(anchor).draw(props({ expanded: true }));
    const shadow = shadowOf(anchor.nextElementSibling)!;
    const controls = [...shadow.querySelectorAll('input, textarea, select, form, a[href], [contenteditable], [tabindex]')];
    expect(controls).toEqual([]);
    expect([...shadow.querySelectorAll('button, iframe')].map((element) => element.tagName)).toEqual(['BUTTON', 'IFRAME']);
  });

  it('leaves the page as it found it on remove()', () => {
    const anchor = pageWithAddress();
    const made = view(anchor);
    made.draw(props());
    made.remove();
    expect(document.querySelector('leadlens-overlay')).toBeNull();
    expect(anchor.parentElement!.innerHTML).toBe('<span email="noah.wright@orbitlabs.example.com">Noah Wright</span>');
  });
});
