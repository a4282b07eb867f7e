// @vitest-environment happy-dom
// LeadLens's shadow roots act only on the rep's own input: what a page script dispatches (a click(),
// a made-up key or input event, a submit) stops at the root, before any handler inside, and does
// nothing by default; the rep's own events pass untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptOnlyTrustedInput } from '../../../lib/content/trusted-input';
import { trusted } from '../../shadow';

function guardedRoot() {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  acceptOnlyTrustedInput(root);
  root.innerHTML = '<form><button type="button">Good lead</button><input type="checkbox"><textarea></textarea></form>';
  document.body.append(host);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the trusted-input guard', () => {
  it('stops a script’s click, keys, input and submit before the handlers inside', () => {
    const root = guardedRoot();
    const heard = vi.fn();
    for (const type of ['click', 'keydown', 'input', 'submit']) root.querySelectorAll('*').forEach((element) => element.addEventListener(type, heard));
    const button = root.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    root.querySelector('textarea')!.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(heard).not.toHaveBeenCalled();
  });

  it('cancels what a script’s click would do by default', () => {
    const root = guardedRoot();
    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    box.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it('lets the rep’s own click and keys through', () => {
    const root = guardedRoot();
    const heard = vi.fn();
    const button = root.querySelector('button')!;
    button.addEventListener('click', heard);
    button.addEventListener('keydown', heard);
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    button.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })));
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
