// @vitest-environment happy-dom
// Outlook on the web: people from Outlook's own attributes only (a name's title, a chip's aria-label);
// every expanded message, compose and inline reply chips, the list where it holds an address; nothing
// from display names, subjects or message bodies. adapters.test, subtree.test and selectors.test check
// Outlook's registered pages as they check every site's; these are Outlook's own cases.
import { describe, expect, it } from 'vitest';
import { reads } from '../../../lib/pages';
import { normaliseEmail } from '../../../lib/pages/dom';
import { outlook, relevantSelector, selectors } from '../../../lib/pages/outlook';
import { SelectorError, type FoundAddress } from '../../../lib/pages/types';
import { OUTLOOK_FIXTURES } from '../../fixtures/pages/outlook-fixtures';
import { loadPage } from './load';

const fixture = (variant: string) => OUTLOOK_FIXTURES.find((candidate) => candidate.file.startsWith(`outlook/${variant}.`))!;
const emails = (found: FoundAddress[]) => found.map(({ email }) => email);
const page = (variant: string) => loadPage(fixture(variant));

describe.each(OUTLOOK_FIXTURES)('$file', (saved) => {
  it('is served at a URL the adapter matches', () => {
    expect(reads(outlook, new URL(saved.url))).toBe(true);
  });

  it('anchors each address to the element of the page carrying it, once per address and element', () => {
    const doc = loadPage(saved);
    const found = outlook.find(doc);
    for (const { email, anchor } of found) {
      expect(doc.body.contains(anchor)).toBe(true);
      expect(anchor.matches(relevantSelector)).toBe(true);
      expect([anchor.getAttribute('title'), anchor.getAttribute('aria-label')].map(normaliseEmail)).toContain(email);
    }
    const keys = found.map(({ email, anchor }) => `${email} ${found.findIndex((other) => other.anchor === anchor)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(outlook.find(doc)).toEqual(found);
  });

  it('marks its theme as Outlook does: the palette inverted, --black white', () => {
    expect(loadPage(saved).documentElement.getAttribute('style')?.includes('--black: #FFFFFF') ?? false).toBe(saved.dark);
  });
});

describe('matches', () => {
  it('reads the mail app, pop-outs included, and nothing else of Outlook', () => {
    const matched = (url: string) => reads(outlook, new URL(url));
    expect(matched('https://outlook.live.com/mail/0/deeplink/compose?popoutv2=1')).toBe(true);
    expect(matched('https://outlook.cloud.microsoft/mail/deeplink/compose?popoutv2=1')).toBe(true);
    expect(matched('https://outlook.cloud.microsoft/calendar/view/month')).toBe(false);
    expect(matched('https://outlook.office.com/mail/deeplink/readconv/AAQk%3D?popoutv2=1')).toBe(true);
    expect(matched('https://outlook.office.com/calendar/view/month')).toBe(false);
    expect(matched('https://outlook.office365.com/owa/?ItemID=AAMk&exvsurl=1')).toBe(false);
  });

  it("says so in development when the main window's mail module is gone, not in a pop-out", () => {
    const main = page('reading-pane');
    main.querySelector(selectors.mainModule)!.removeAttribute('id');
    expect(() => outlook.find(main)).toThrow(SelectorError);
    expect(outlook.find(page('popout-read')).length).toBeGreaterThan(0);
  });

  it('watches exactly the elements that carry addresses', () => {
    expect(outlook.watch?.selector).toBe(relevantSelector);
  });
});

describe('message headers', () => {
  it('reads the reading pane and the list each as their own part', () => {
    const doc = page('reading-pane');
    expect(emails(outlook.find(doc.querySelector('#ReadingPaneContainerId')!))).toEqual([
      'noah.wright@orbitlabs.example.com',
      'kazuya.watanabe@aoba-foods.example.jp',
      'stranger@unknown-corp.example.com',
    ]);
    expect(emails(outlook.find(doc.querySelector('#MailList')!))).toEqual([
      'noah.wright@orbitlabs.example.com',
      'kazuya.watanabe@aoba-foods.example.jp',
      'newsletter@saas-weekly.example.com',
    ]);
  });

  it('reads every expanded message of a conversation, and nothing of a collapsed one', () => {
    const doc = page('conversation');
    const [newest, collapsed, reply, oldest] = [...doc.querySelectorAll('.aVla3')];
    expect(emails(outlook.find(newest!))).toEqual(['takuya.yamada@minato-soft.example.jp', 'sophia.walker@crescent-capital.example.com']);
    expect(outlook.find(collapsed!)).toEqual([]);
    expect(emails(outlook.find(reply!))).toEqual(['takuya.yamada@minato-soft.example.jp', 'yoko.yoshida@tokai-medical.example.jp']);
    expect(emails(outlook.find(oldest!))).toEqual(['yoko.yoshida@tokai-medical.example.jp', 'jordan.lee@unknown-partner.example.com']);
  });

  it('stops reading a header line that Outlook hides', () => {
    const doc = page('reading-pane');
    doc.querySelector('[id$="_CC"]')!.setAttribute('style', 'display: none');
    expect(emails(outlook.find(doc))).not.toContain('stranger@unknown-corp.example.com');
  });

  it('reads no label: the button names a person by what the sender wrote', () => {
    const doc = page('hostile-body');
    const forged = doc.querySelector('[id$="_TO"] [aria-label="ava.clark@crescent-capital.example.com"]')!;
    expect(outlook.find(forged).map(({ email, anchor }) => [email, anchor.getAttribute('title')])).toEqual([
      ['alias@evil-sender.example.com', 'alias@evil-sender.example.com'],
    ]);
  });
});

describe('the hostile page', () => {
  const hostile = fixture('hostile-body');

  it('yields the real addresses behind forged display names and subjects, nothing else', () => {
    const found = emails(outlook.find(loadPage(hostile))).join(' ');
    for (const planted of ['sophia.king', 'ava.clark', 'evil-body', 'text-only']) expect(found).not.toContain(planted);
  });

  it('reads nothing from the message body, whatever Outlook markup it imitates', () => {
    const doc = loadPage(hostile);
    const body = doc.querySelector(selectors.body)!;
    const people = [selectors.sender, selectors.recipient, selectors.composeChip, selectors.listPerson].join(', ');
    expect(body.querySelectorAll(people).length).toBeGreaterThan(0);
    expect(outlook.find(body)).toEqual([]);
    for (const forged of body.querySelectorAll('*')) expect(outlook.find(forged)).toEqual([]);
  });
});

describe('compose and inline reply', () => {
  it('reads a recipient once Outlook resolves it into a chip, not while it is typed', () => {
    const doc = page('compose');
    expect(emails(outlook.find(doc))).not.toContain('james.wright@crescent-capital.example.com');
    const to = doc.querySelector('[id$="_TO"] [role="textbox"]')!;
    to.lastChild!.textContent = ' ';
    const chip = to.ownerDocument.createElement('span');
    chip.className = '_Entity _EType_RECIPIENT_ENTITY _EId_RECIPIENT_ENTITY_6 _EReadonly_1';
    chip.setAttribute('contenteditable', 'false');
    chip.setAttribute('aria-label', 'james.wright@crescent-capital.example.com');
    chip.textContent = 'James Wright';
    to.append(chip);
    expect(outlook.find(chip)).toEqual([{ email: 'james.wright@crescent-capital.example.com', anchor: chip, role: 'recipient' }]);
    expect(emails(outlook.find(to)).at(-1)).toBe('james.wright@crescent-capital.example.com');
  });

  it('leaves Bcc out, and every address written in the body', () => {
    const found = emails(outlook.find(page('compose')));
    expect(found).not.toContain('log@crm-bcc.leadlens.example');
    expect(found).not.toContain('rep@leadlens.example');
  });

  it('reads an inline reply as a part of its own', () => {
    const doc = page('inline-reply');
    expect(emails(outlook.find(doc.querySelector('[id^="docking_InitVisiblePart_"]')!))).toEqual([
      'james.wright@crescent-capital.example.com',
      'daniel.clark@crescent-capital.example.com',
      'ava.clark@crescent-capital.example.com',
    ]);
  });
});

describe('the message list', () => {
  it('refuses a title that only repeats its text: a subject, a sender with no display name', () => {
    const found = emails(outlook.find(page('message-list')));
    expect(found).not.toContain('ken.kato@hikari-cloud.example.jp');
    expect(found).not.toContain('no-reply@unknown-events.example.com');
    expect(found).not.toContain('ceo@forged-name.example.com');
  });

  it('names recipients, not senders, in Sent Items and Drafts', () => {
    for (const folder of ['sentitems', 'drafts']) {
      const doc = loadPage({ ...fixture('message-list'), url: `https://outlook.live.com/mail/0/${folder}` });
      expect(new Set(outlook.find(doc).map(({ role }) => role))).toEqual(new Set(['recipient']));
    }
  });
});
