// The account around the card's lead, and the people's own cards opened in the same frame: the
// card shows one person at a time, with the way back to the card it was opened from. Focus follows
// the rep: onto the card that opens, and back onto the person's name in the list on the way back.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AccountContext, AccountPerson } from '../../lib/cache/account-context';
import type { ask as askBackground } from '../../lib/messaging/client';

/**
 * The account of the lead at `email`, asked again whenever `version` changes (the card read the lead
 * again, or the rep acted); null while there is none, or no answer yet. A failure leaves the card
 * as it is: the section is an extra, never a reason for an error on the card.
 */
export function useAccount(ask: typeof askBackground, email: string, version: unknown): AccountContext | null {
  const [account, setAccount] = useState<{ email: string; context: AccountContext | null } | null>(null);
  useEffect(() => {
    let current = true;
    ask({ type: 'account', email }).then(
      (context) => current && setAccount({ email, context }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [email, version]);
  // Another person's account is never shown under this one's card while theirs is being read.
  return account?.email === email ? account.context : null;
}

/** A card the rep came from: whose it was, and which person on it they opened. */
interface Opener {
  email: string;
  name: string;
  opened: string;
}

/**
 * Which lead the frame shows: the one it was opened for, or a person opened from its account
 * section (and from theirs, and so on), with the way back one step at a time.
 */
export function usePersonView(email: string) {
  const [trail, setTrail] = useState<Opener[]>([]);
  const [shownEmail, setShownEmail] = useState(email);
  const focusOn = useRef<string | null>(null);

  useEffect(() => {
    setTrail([]);
    setShownEmail(email);
  }, [email]);

  // A requested focus lands once its target is drawn: the card and its account come in their own time.
  useLayoutEffect(() => {
    const selector = focusOn.current;
    if (!selector) return;
    // The card page is a document of its own (the frame's): the card is all there is in it.
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) return;
    // A card opened in another's place starts at its top (its way back is there), not at the scroll left by the last.
    if (target.getAttribute('role') === 'region') target.scrollTop = 0;
    target.focus();
    focusOn.current = null;
  });

  return {
    shownEmail,
    /** The card the rep can go back to, if any. */
    from: trail.at(-1) ?? null,
    open(person: AccountPerson, fromName: string) {
      setTrail([...trail, { email: shownEmail, name: fromName, opened: person.email }]);
      setShownEmail(person.email);
      focusOn.current = `[role="region"][data-email="${CSS.escape(person.email)}"]`;
    },
    back() {
      const last = trail.at(-1);
      if (!last) return;
      setTrail(trail.slice(0, -1));
      setShownEmail(last.email);
      focusOn.current = `.ll-person[data-email="${CSS.escape(last.opened)}"] .ll-person-open`;
    },
  };
}
