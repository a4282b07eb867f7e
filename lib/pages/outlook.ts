// Outlook on the web (and the new Outlook for Windows, the same app): the sender, To and Cc of every
// expanded message in the reading pane or a full-window message, the To and Cc chips of a compose form
// or inline reply, and the message list's people where it holds their address. Identity comes only
// from attributes Outlook fills with the address itself (a person's title, a chip's aria-label), never
// from a display name, a subject or a message body: the sender wrote those.
import { addressesIn, dedupe, documentOf, isDocument, isShown, normaliseEmail, queryAllOrFail, within } from './dom';
import type { AddressRole, PageAdapter } from './types';

export const selectors = {
  /** The main window's mail module (folders, list, reading pane). Pop-outs are not known to have it. */
  mainModule: '#MainModule',
  /**
   * An expanded message's header lines carry ids of that message (MSG_<id>_FROM, _TO, _CC; Bcc left
   * out); each person is a button opening their card, the address in the title of the name inside it.
   */
  sender: '[id^="MSG_"][id$="_FROM"] [title*="@"]',
  recipient: '[id^="MSG_"][id$="_TO"] [title*="@"], [id^="MSG_"][id$="_CC"]:not([id$="_BCC"]) [title*="@"]',
  /** Compose and inline reply: To and Cc groups with those ids; a resolved recipient is an entity whose aria-label is the address. */
  composeChip: '[id^="MSG_"][id$="_TO"] ._EType_RECIPIENT_ENTITY, [id^="MSG_"][id$="_CC"]:not([id$="_BCC"]) ._EType_RECIPIENT_ENTITY',
  /** The editable To, Cc and Bcc fields of a compose form: their people are chips, read as such. */
  recipientField: '[id^="MSG_"] [role="textbox"][contenteditable="true"]',
  /** A message-list row's people: the address in the title of their name. */
  listPerson: '[role="option"][data-convid] [title*="@"]',
  /** Message bodies, received (Outlook prefixes their ids and classes with x_) and being written. */
  body: '[id^="UniqueMessageBody"], div[role="document"], [id^="editorParent_"]',
};

/**
 * The elements that carry an address, in a title or an aria-label: loose, with no ancestors (see
 * PageWatch), for the overlay to tell which changes to read. Each address found is on one of them.
 */
export const relevantSelector = '[title*="@"], [aria-label*="@"]';

// Pure: a bundle that does not use this adapter leaves it out.
const headerPeople = /* @__PURE__ */ [selectors.sender, selectors.recipient].join(', ');
const people = /* @__PURE__ */ [headerPeople, selectors.composeChip, selectors.listPerson].join(', ');

const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A title that is nothing but an address. One that repeats its element's own text is the tooltip of
 * that text (a subject, a display name: the sender's words), not a person's address: refused.
 */
function titleAddress(element: Element): string | null {
  const email = normaliseEmail(element.getAttribute('title'));
  return email && text(element) !== email ? email : null;
}

/** A chip's aria-label is the address, whatever name it shows. */
const chipAddress = (chip: Element) => normaliseEmail(chip.getAttribute('aria-label'));

/** On screen and outside message bodies; a person inside a To or Cc field is a chip, read as one. */
const readable = (el: Element) =>
  isShown(el) && !el.closest(selectors.body) && !(el.matches(headerPeople) && el.closest(selectors.recipientField));

/** A message or compose form opened in a window of its own. */
const isPopOut = (doc: Document) => /\/mail\/(?:\d+\/)?deeplink\//.test(doc.location?.pathname ?? '');

/** Sent Items and Drafts list whom the rep wrote to; every other folder, who wrote. */
const listRole = (doc: Document): AddressRole =>
  /\/mail\/(?:\d+\/)?(?:sentitems|drafts)(?:\/|$)/.test(doc.location?.pathname ?? '') ? 'recipient' : 'sender';

export const outlook: PageAdapter = {
  id: 'outlook',
  // outlook.live.com adds the account index (/mail/0/…); pop-outs are /mail/deeplink/read|compose/….
  // outlook.cloud.microsoft is where Microsoft is moving the app, and where outlook.office.com/mail
  // redirects many tenants (Microsoft Learn, "Unified cloud.microsoft domain for Microsoft 365 apps";
  // Office Watch, "Microsoft cloud services move to a new domain", 2023, which names this host).
  matches: [
    'https://outlook.office.com/mail/*',
    'https://outlook.office365.com/mail/*',
    'https://outlook.live.com/mail/*',
    'https://outlook.cloud.microsoft/mail/*',
  ],
  reading: selectors.body,
  find(root) {
    const doc = documentOf(root);
    if (isDocument(root) && !isPopOut(doc)) queryAllOrFail(root, selectors.mainModule);
    const inList = listRole(doc);
    const read = (el: Element) => (el.matches(selectors.composeChip) ? chipAddress(el) : titleAddress(el));
    const role = (el: Element): AddressRole =>
      el.matches(selectors.sender) ? 'sender' : el.matches(selectors.listPerson) ? inList : 'recipient';
    return dedupe(addressesIn(within(root, people, relevantSelector).filter(readable), read, role));
  },
  watch: { selector: relevantSelector, attributes: ['title', 'aria-label', 'style', 'hidden'] },
};

// Written against https://outlook.office.com/mail/inbox/id/<ItemID> (and outlook.office365.com,
// outlook.live.com/mail/0/…), /mail/deeplink/read/<ItemID>?popoutv2=1 and /mail/deeplink/compose?popoutv2=1,
// with the DOM as public code reads it: header lines MSG_<id>_FROM/_TO/_CC/_DATETIME and CONV_<id>_SUBJECT
// (the Engramme extension's outlook.js; an adapter "verified against outlook.cloud.microsoft, Feb 2026");
// people as lpcCommonWeb-hoverTarget buttons whose name span's title is the address (a Playwright bridge
// for outlook.live.com, 2025-2026: span[title*="@"]); To/Cc/Bcc groups role=group MSG_<id>_TO/_CC/_BCC
// holding roosterjs entities ._EType_RECIPIENT_ENTITY whose aria-label is the address (a DLP observer's
// adapter, "verified live on outlook.live.com 2026-10-07"; realbmail/bmail_extension src/content_outlook.ts);
// list rows [role=option][data-convid] (mailvelope/mailvelope src/content-scripts/outlookIntegration.js;
// gabeosx/outlook-web-skill outlook-web/references/outlook-ui.example.md); #MainModule (the "Move Outlook
// App Rail" userscript, 2026-01-29); bodies [id^=UniqueMessageBody_][role=document] and [id^=editorParent_],
// their ids and classes prefixed x_ by Outlook (x_divRplyFwdMsg, x__EType_OWALinkPreview in public mail).
