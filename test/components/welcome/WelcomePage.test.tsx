// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WelcomePage } from '../../../components/welcome/WelcomePage';

let container: HTMLElement;
let saved: string[];
beforeEach(() => {
  saved = [];
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const mount = (demo = true) =>
  act(() => render(<WelcomePage repEmail="rep@leadlens.example" demo={demo} saveEmail={async (email) => void saved.push(email)} />, container));
const input = () => container.querySelector<HTMLInputElement>('#rep-email')!;
const typeAndSave = async (text: string) => {
  act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
};

describe('WelcomePage', () => {
  it('says what LeadLens does and that it shows demo data until a marketing system is connected', () => {
    mount();
    expect([...container.querySelectorAll('h1, h2')].map((heading) => `${heading.tagName} ${heading.textContent}`)).toEqual([
      'H1 Welcome to LeadLens',
      'H2 What it does',
      'H2 Your work email',
      'H2 For now: demo data',
    ]);
    expect(container.querySelector<HTMLAnchorElement>('#demo a')!.getAttribute('href')).toBe('/options.html#connection');
  });

  it('leaves the demo out once a marketing system is connected', () => {
    mount(false);
    expect(container.querySelector('#demo')).toBeNull();
  });

  it('refuses an address that is not one, saying so at the field, and saves a good one trimmed and lower-cased', async () => {
    mount();
    await typeAndSave('hanako.yamada');
    expect(saved).toEqual([]);
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toBe('email-hint email-error');
    expect(container.querySelector('#email-error')!.textContent).toBe('Enter an email address, such as name@company.com.');
    expect(document.activeElement).toBe(input());

    await typeAndSave('  Hanako.Yamada@Example.co.jp ');
    expect(saved).toEqual(['hanako.yamada@example.co.jp']);
    expect(input().getAttribute('aria-invalid')).toBe('false');
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Saved. Handoffs assigned to hanako.yamada@example.co.jp will show in your queue.');
  });
});
