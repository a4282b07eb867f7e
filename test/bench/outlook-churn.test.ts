// @vitest-environment happy-dom
// The Outlook churn page is what it claims to be: Outlook's size, with the addresses where LeadLens's
// Outlook adapter reads them (the list's people outside the rep's organisation, the conversation's
// expanded messages), before and after the navigation. No timing here: that is the benchmark's.
import { describe, expect, it } from 'vitest';
import { outlook } from '../../lib/pages/outlook';
import { CONVERSATION_ADDRESSES, OUTLOOK_CHURN_URL, OUTLOOK_NEXT_URL, outlookChurnPage } from './outlook-churn';

const people = [{ email: 'rep@leadlens.example', name: 'LeadLens Rep' }, ...Array.from({ length: 320 }, (_, n) => ({ email: `person${n}@example.com`, name: `Person ${n}` }))];
const page = outlookChurnPage({ seed: 17, people });
const parse = (html: string, url = OUTLOOK_CHURN_URL) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // The adapter tells a pop-out and the folder by the page's URL.
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
};
const nextConversation = () => new Function(`return ${page.html.match(/"nextThread":(\{"url":.*?"\})\}, /s)![1]}`)() as { url: string; html: string };

describe('the generated Outlook page', { timeout: 60_000 }, () => {
  it('is the size of Outlook with a long conversation open: about 14,500 elements and a stylesheet of 4,000 rules', () => {
    const doc = parse(page.html);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(12_000);
    expect(doc.getElementsByTagName('*').length).toBeLessThan(18_000);
    expect(doc.querySelector('style')!.textContent!.split('\n').length).toBeGreaterThan(4000);
  });

  it("holds Outlook's parts: 50 list rows, persona buttons with presence, the folder pane and the search box outside the reading pane", () => {
    const doc = parse(page.html);
    expect(doc.querySelectorAll('#MailList [role="option"][data-convid]')).toHaveLength(50);
    expect(doc.querySelectorAll('.fui-PresenceBadge').length).toBeGreaterThan(60);
    expect(doc.querySelectorAll('#ReadingPaneContainerId .aVla3 [aria-expanded="true"]')).toHaveLength(6);
    expect(doc.querySelectorAll('#ReadingPaneContainerId .aVla3 [aria-expanded="false"]')).toHaveLength(4);
    for (const part of ['#folderPaneDroppableContainer', '#topSearchInput', '#MailList']) expect(doc.querySelector(part)!.closest('#ReadingPaneContainerId'), part).toBeNull();
  });

  it('shows LeadLens every address of the list and the conversation, none from the bodies, the colleagues or the rep', () => {
    const found = outlook.find(parse(page.html));
    expect(found).toHaveLength(page.addressesOnLoad);
    expect(found.filter(({ anchor }) => anchor.closest('#ReadingPaneContainerId'))).toHaveLength(CONVERSATION_ADDRESSES);
    expect(found.some(({ anchor }) => anchor.closest('[role="document"]'))).toBe(false);
    expect(found.map(({ email }) => email)).not.toContain('rep@leadlens.example');
    // Some rows are colleagues', with no address: fewer list chips than rows.
    expect(page.addressesOnLoad - CONVERSATION_ADDRESSES).toBeGreaterThan(30);
    expect(page.addressesOnLoad - CONVERSATION_ADDRESSES).toBeLessThan(50);
  });

  it('shows 36 addresses in the conversation it navigates to, some of them already on the first page', () => {
    const next = nextConversation();
    expect(next.url).toBe(OUTLOOK_NEXT_URL);
    const doc = parse(page.html, next.url);
    const view = parse(`<body>${next.html}</body>`).body.firstElementChild!;
    doc.querySelector('#ConversationReadingPaneContainer')!.replaceWith(doc.importNode(view, true));
    expect(outlook.find(doc.querySelector('#ReadingPaneContainerId')!)).toHaveLength(CONVERSATION_ADDRESSES);
    expect(page.knownBeforeNavigation).toBeGreaterThan(0);
    expect(page.knownBeforeNavigation).toBeLessThan(CONVERSATION_ADDRESSES);
  });
});
