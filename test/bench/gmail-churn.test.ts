// @vitest-environment happy-dom
// The churn benchmark's page is what it claims to be: Gmail's size, with the addresses where LeadLens's
// Gmail adapter reads them, before and after the navigation. No timing here: that is the benchmark's.
import { describe, expect, it } from 'vitest';
import { gmail } from '../../lib/pages/gmail';
import { gmailChurnPage, THREAD_ADDRESSES } from './gmail-churn';

const people = [{ email: 'rep@leadlens.example', name: 'me' }, ...Array.from({ length: 320 }, (_, n) => ({ email: `person${n}@example.com`, name: `Person ${n}` }))];
const page = gmailChurnPage({ seed: 14, people });
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

// Parsing 16,000 elements in happy-dom takes seconds on a busy machine: time is allowed, never judged.
describe('the generated Gmail page', { timeout: 60_000 }, () => {
  it('is the size of Gmail: about 16,000 elements and a stylesheet of 4,000 rules', () => {
    const doc = parse(page.html);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(15_000);
    expect(doc.getElementsByTagName('*').length).toBeLessThan(17_000);
    expect(doc.querySelector('style')!.textContent!.split('\n').length).toBeGreaterThan(4000);
  });

  it('holds its parts apart: the roster and menus are not inside the thread the navigation replaces', () => {
    const doc = parse(page.html);
    expect(doc.querySelectorAll('.presence')).toHaveLength(200);
    expect(doc.querySelector('.roster')!.closest('.churn-thread')).toBeNull();
    expect(doc.querySelector('.J-M')!.closest('.churn-thread')).toBeNull();
    expect(doc.querySelectorAll('.churn-list > tr')).toHaveLength(50);
  });

  it('shows LeadLens 70 addresses in the open thread, none from the hidden list, the bodies or the roster', () => {
    const found = gmail.find(parse(page.html));
    expect(found).toHaveLength(THREAD_ADDRESSES);
    expect(found.every(({ anchor }) => anchor.closest('.churn-thread .if'))).toBe(true);
  });

  it('shows 70 addresses in the thread it navigates to, some of them already on the first', () => {
    const doc = parse(page.html);
    const next = parse(`<body>${page.nextThread}</body>`).body.firstElementChild!;
    doc.querySelector('.churn-thread .if')!.replaceWith(doc.importNode(next, true));
    expect(gmail.find(doc)).toHaveLength(THREAD_ADDRESSES);
    expect(page.knownBeforeNavigation).toBeGreaterThan(0);
    expect(page.knownBeforeNavigation).toBeLessThan(THREAD_ADDRESSES);
  });
});
