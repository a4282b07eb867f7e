// @vitest-environment happy-dom
// LeadLens's shadow roots act only on the rep's own input: a click a page script dispatches (click(),
// a made-up MouseEvent) stops at the root, before any handler inside, and does nothing by default;
// the rep's own clicks pass untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptOnlyTrustedInput } from '../../../lib/content/trusted-input';
import { trusted } from '../../shadow';

function guardedRoot() {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  acceptOnlyTrustedInput(root);
  root.innerHTML = '<button type="button">Good lead</button><input type="checkbox">';
  document.body.append(host);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the trusted-input guard', () => {
  it('stops a script’s click before the handlers inside', () => {
    const root = guardedRoot();
    const heard = vi.fn();
    root.querySelectorAll('*').forEach((element) => element.addEventListener('click', heard));
    const button = root.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(heard).not.toHaveBeenCalled();
  });

  it('cancels what a script’s click would do by default', () => {
    const root = guardedRoot();
    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    box.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it('lets the rep’s own click through', () => {
    const root = guardedRoot();
    const heard = vi.fn();
    const button = root.querySelector('button')!;
    button.addEventListener('click', heard);
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
