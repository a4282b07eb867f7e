// @vitest-environment happy-dom
// Gmail: identity from Gmail's own attributes only, every thread once, compose recipients as shown.
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../../lib/pages/dom';
import { gmail } from '../../../lib/pages/gmail';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { loadPage } from './load';

const fixture = (variant: string) => PAGE_FIXTURES.find((candidate) => candidate.file.startsWith(`gmail/${variant}.`))!;
const identity = (anchor: Element) => normaliseEmail(anchor.getAttribute('data-hovercard-id') ?? anchor.getAttribute('email'));

describe('the hostile page', () => {
  const hostile = fixture('compose-and-hostile');

  it('yields only the well-formed addresses held in attributes', () => {
    const emails = gmail.find(loadPage(hostile)).map((found) => found.email);
    expect(emails).toEqual(hostile.expected.map((expected) => expected.email));
    for (const email of emails) expect(email).toMatch(/^[a-z0-9._'+-]+@[a-z0-9.-]+$/);
  });

  it('reads nothing from text, names, message bodies or typed-in drafts', () => {
    const emails = gmail.find(loadPage(hostile)).map((found) => found.email).join(' ');
    for (const planted of ['no-attribute', 'empty@', 'fake@text-only', 'fake.from.text', 'typed@text-only', 'forged', 'body.link', 'typed.in.body', 'evil']) {
      expect(emails).not.toContain(planted);
    }
  });
});

describe.each(PAGE_FIXTURES.filter((candidate) => candidate.adapter === 'gmail'))('$file', (page) => {
  it('takes every address from the attribute of its anchor', () => {
    for (const { email, anchor } of gmail.find(loadPage(page))) expect(identity(anchor)).toBe(email);
  });
});

describe('threads', () => {
  it('reads a thread once when Gmail holds two copies of its view, even both on screen', () => {
    const doc = loadPage(fixture('thread-dark'));
    expect(gmail.find(doc).map((found) => found.email)).not.toContain('stale.copy@stale-view.example.com');
    doc.querySelector('[style="display: none"]')!.removeAttribute('style');
    const views = [...doc.querySelectorAll('.if')];
    const found = gmail.find(doc);
    expect(views.filter((view) => found.some(({ anchor }) => view.contains(anchor)))).toHaveLength(1);
  });

  it('reads the inbox list when no thread is open, and finds nobody there', () => {
    const doc = loadPage(fixture('compose'));
    doc.querySelectorAll('[role="dialog"]').forEach((dialog) => dialog.remove());
    expect(gmail.find(doc)).toEqual([]);
  });
});

describe('compose windows', () => {
  it('follow the recipient field: chips while it has focus, the recipient line otherwise', () => {
    const doc = loadPage(fixture('compose'));
    const second = doc.querySelectorAll('[role="dialog"]')[1]!;
    second.querySelector('.fX')!.removeAttribute('style');
    second.querySelector('.aoD.hl')!.setAttribute('style', 'display: none');
    const inSecond = gmail.find(doc).filter(({ anchor }) => second.contains(anchor));
    expect(inSecond.map(({ email }) => email)).toEqual(['grace.walker@granite-co.example.com', 'james.wright@crescent-capital.example.com']);
    expect(inSecond.every(({ anchor }) => anchor.matches('.afV[role="option"]'))).toBe(true);
  });
});
