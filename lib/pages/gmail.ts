// Gmail: the open thread's senders and recipients, and the compose window's recipients. Identity
// comes from the `email` and `data-hovercard-id` attributes Gmail puts on people; never from text.
import { addressesIn, queryAllOrFail } from './dom';
import type { FoundAddress, PageAdapter } from './types';

export const selectors = {
  /** The view on screen; Gmail keeps others in the DOM, hidden. */
  main: 'div[role="main"]',
  /** An expanded message's sender, and a collapsed message's. */
  sender: '.adn .gD[email], .kv .zF[email], .kv .yP[email]',
  /** To and Cc of an expanded message. */
  recipient: '.adn .hb .g2[email]',
  /** Compose recipients, as seen 2026-11-22: chips carry the address in data-hovercard-id. */
  composeRecipient2026: 'div[role="dialog"] .afV[data-hovercard-id]',
  /** Compose recipients, as seen 2019-03 (InboxSDK): span[email] inside .vR chips. Kept until surely gone. */
  composeRecipient2019: 'div[role="dialog"] .vR .vN[email]',
};

export const gmail: PageAdapter = {
  id: 'gmail',
  matches: ['https://mail.google.com/*'],
  find(doc) {
    const found: FoundAddress[] = [];
    for (const main of queryAllOrFail(doc, selectors.main)) {
      found.push(...addressesIn(main.querySelectorAll(selectors.sender), 'email', 'sender'));
      found.push(...addressesIn(main.querySelectorAll(selectors.recipient), 'email', 'recipient'));
    }
    found.push(...addressesIn(doc.querySelectorAll(selectors.composeRecipient2026), 'data-hovercard-id', 'recipient'));
    found.push(...addressesIn(doc.querySelectorAll(selectors.composeRecipient2019), 'email', 'recipient'));
    return found;
  },
};

// Written against: https://mail.google.com/mail/u/0/#inbox/<thread-id> (thread view) and the
// compose window, with the selectors InboxSDK and gmail.js document (.gD/.g2/.zF span[email] in
// message headers, .afV[data-hovercard-id] recipient chips).
