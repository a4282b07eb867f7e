// Gmail: every sender and recipient of the open thread, and the compose windows' recipients.
// Identity comes from the attributes Gmail puts on people (`email`, `data-hovercard-id`), never from
// text, and never from inside a message body, which the sender wrote.
import { addressesIn, attribute, classesIn, dedupe, isDocument, isShown, scopesOf, within } from './dom';
import type { FoundAddress, PageAdapter } from './types';

export const selectors = {
  main: 'div[role="main"]',
  /** The thread's subject carries its ids. */
  threadId: 'h2[data-legacy-thread-id], h2[data-thread-perm-id]',
  /** The thread view around the subject, by the date the markup was seen (InboxSDK's names). */
  threadView_2022_10_21: '.a98.iY',
  threadView_2018: '.if',
  /** An expanded message: the header's sender, then To, Cc and Bcc. */
  sender: '.adn h3.iw span[email]',
  recipient: '.adn .hb span[email]',
  /** A collapsed message shows its sender only. Super-collapsed ones (.kQ, "3 older messages") show nobody. */
  collapsedSender: '.kv .adf span[email]',
  /** Message bodies: the sender's own HTML, which may imitate Gmail's. */
  body: '.a3s, .ii.gt',
  /** Compose recipients: chips since Gmail's compose update of 2021-10, and the older chips (as seen 2019), kept until surely gone. */
  composeChip_2021_10: '.afV[data-hovercard-id]',
  composeChip_2019: '.vR .vN[email]',
  /** The read-only recipient line a compose window shows while its To field is not focused. */
  composeSummary: '.aoD.hl span[email]',
};

// Pure: a bundle that does not use Gmail's adapter (the sites script) leaves all of this out.
const people = /* @__PURE__ */ [selectors.sender, selectors.recipient, selectors.collapsedSender].join(', ');
const composePeople = /* @__PURE__ */ [selectors.composeChip_2021_10, selectors.composeChip_2019, selectors.composeSummary].join(', ');
/** Every element that may be one of them, whatever its ancestors: what a changed part of the page is searched for (see within). */
const PERSON = '[email], [data-hovercard-id]';

/** On screen, and not inside a message body. */
const readable = (elements: Iterable<Element>) => [...elements].filter((el) => isShown(el) && !el.closest(selectors.body));

export const gmail: PageAdapter = {
  id: 'gmail',
  matches: ['https://mail.google.com/*'],
  reading: selectors.body,
  find(root) {
    // One search of the part (or the page) for both kinds: on Gmail's 16,000 elements each is a walk of them all.
    const persons = within(root, PERSON);
    const inThreads = readable(persons.filter((el) => el.matches(people)));
    // Which thread views are open takes a look through the whole main view: only when it can matter.
    const threads = inThreads.length > 0 || isDocument(root) ? scopesOf(root, selectors.main).flatMap(openThreads) : [];
    const shown = inThreads.filter((el) => threads.some((thread) => thread.contains(el)));
    const found: FoundAddress[] = addressesIn(shown, attribute('email'), (el) => (el.matches(selectors.recipient) ? 'recipient' : 'sender'));
    const chips = readable(persons.filter((el) => el.matches(composePeople)));
    found.push(...addressesIn(chips, (el) => el.getAttribute('data-hovercard-id') ?? el.getAttribute('email'), 'recipient'));
    return dedupe(found);
  },
  watch: {
    selector: PERSON,
    // The addresses' own attributes; thread views and compose fields shown and hidden by style; a
    // message collapsed or expanded by its class (.kv, .h7), which InboxSDK watches the same way.
    attributes: ['email', 'data-hovercard-id', 'style', 'hidden', 'class'],
    classes: /* @__PURE__ */ classesIn(Object.values(selectors)),
  },
};

/** Each thread on screen, once by its id: Gmail can keep a stale copy of a thread view, hidden, beside the live one. */
function openThreads(main: Element): Element[] {
  const subjects = [...main.querySelectorAll(selectors.threadId)];
  if (subjects.length === 0) return [main];
  const byId = new Map<string, Element>();
  for (const subject of subjects) {
    const id = subject.getAttribute('data-legacy-thread-id') || subject.getAttribute('data-thread-perm-id')!;
    const view = subject.closest(selectors.threadView_2022_10_21) ?? subject.closest(selectors.threadView_2018) ?? main;
    if (isShown(view) && !byId.has(id)) byId.set(id, view);
  }
  return [...byId.values()];
}

// Written against https://mail.google.com/mail/u/0/#inbox/<thread-id> (and #label/…, #search/…,
// ?compose=new) with the DOM as InboxSDK reads it: GmailMessageView (td.gF/h3.iw span[email] sender,
// .hb span[email] recipients, .kv/.h7/.kQ view states), GmailThreadView (data-thread-perm-id,
// data-legacy-thread-id, subject containers '.a98.iY > .nH' 2022-10-21 and '.if > .nH' 2018) and the
// compose page parser (chips [role=option][data-name] holding the address in data-hovercard-id since
// https://workspaceupdates.googleblog.com/2021/10/visual-updates-for-composing-email-in-gmail.html,
// .vR chips before); gmail.js and public extensions for .afV[data-hovercard-id] and the .aoD.hl line.
