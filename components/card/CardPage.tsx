// The card as its own extension page, framed beside a chip on the host page: it asks the background
// for the lead by the address it was opened for, and sends the rep's feedback and actions itself. It
// tells the chip its height, that the rep acted (the chip reads the lead again) and Escape (close; in
// a person's card opened from the account, back to the card it was opened from).
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LeadContext } from '../../lib/cache/lead-context';
import type { ChipLink } from '../../lib/content/card-link';
import type { HandoffAction, Verdict } from '../../lib/domain/model';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import type { ask as askBackground } from '../../lib/messaging/client';
import { chosenLanguage, loadLanguage, t, uiLocale } from '../../lib/ui/i18n';
import { AccountSection } from './AccountSection';
import { LeadCard } from './LeadCard';
import { useAccount, usePersonView } from './use-account';

export interface CardPageProps {
  email: string;
  /** The options page's Definitions, linked from "Qualified by". */
  definitionsUrl?: string;
  ask: typeof askBackground;
  chip: ChipLink;
}

interface Shown {
  context: LeadContext;
  syncedAt: number | null;
  reasons: FeedbackReason[];
}

/** The SLA countdown moves on between the background's answers. */
const TICK_MS = 30_000;
/** How often an open card reads the lead again, as the chips on the page do (lib/content/overlay.ts). */
const REFRESH_MS = 60_000;

export function CardPage({ email, ask, chip, definitionsUrl }: CardPageProps) {
  const people = usePersonView(email);
  // Escape goes one step back, as "← Back" does, before it closes the card.
  const onEscape = people.from ? people.back : () => chip.tell({ type: 'close' });
  const { shown, failure, now, boxRef, after } = useCardPage({ email: people.shownEmail, ask, chip, onEscape });
  const account = useAccount(ask, people.shownEmail, shown);
  const context = shown?.context;
  const lead = context?.lead;
  return (
    <div ref={boxRef}>
      {failure && <p class="ll-muted" role="alert">{failure}</p>}
      {context && lead && (
        <LeadCard
          back={
            // Not on the card being left while the next one is read: it has no way back of its own.
            people.from && context.email === people.shownEmail && (
              <button type="button" class="ll-link ll-back" onClick={people.back}>
                <span aria-hidden="true">← </span>
                {t('accountBack', people.from.name)}
              </button>
            )
          }
          account={<AccountSection account={account} now={now} onOpenPerson={(person) => people.open(person, lead.name)} />}
          context={{ ...context, lead }}
          now={now}
          syncedAt={shown.syncedAt}
          reasons={shown.reasons}
          definitionsUrl={definitionsUrl}
          onFeedback={(verdict: Verdict, note: string, reasonCode?: string) =>
            after(ask({ type: 'feedback', email: context.email, handoffId: context.handoff?.id, verdict, reasonCode, note }))
          }
          onAction={(action: HandoffAction, note: string) => {
            if (!context.handoff) return Promise.reject(new Error(t('noHandoffToActOn')));
            return after(ask({ type: 'handoffAction', handoffId: context.handoff.id, action, note }));
          }}
        />
      )}
    </div>
  );
}

/** The lead read from the background and kept fresh, and the frame kept in step with the chip. */
function useCardPage({ email, ask, chip, onEscape }: Pick<CardPageProps, 'email' | 'ask' | 'chip'> & { onEscape: () => void }) {
  const [shown, setShown] = useState<Shown | null>(null);
  // The listener stays for the frame's life; what Escape does follows the card shown.
  const escape = useRef(onEscape);
  escape.current = onEscape;
  const [failure, setFailure] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const boxRef = useRef<HTMLDivElement>(null);

  async function load() {
    const answer = await ask({ type: 'context', emails: [email], withTouches: true });
    if (answer.language !== chosenLanguage()) await loadLanguage(answer.language ?? 'auto');
    document.documentElement.lang = uiLocale();
    const context = answer.contexts[0];
    if (context) setShown({ context, syncedAt: answer.syncState?.lastSuccessAt ?? null, reasons: answer.reasons });
    setNow(Date.now());
  }

  useEffect(() => {
    load().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    const refresh = setInterval(() => void load().catch(() => undefined), REFRESH_MS);
    const stopFrame = followFrame(chip, boxRef, () => escape.current());
    return () => {
      clearInterval(timer);
      clearInterval(refresh);
      stopFrame();
    };
  }, [email]);

  const hasCard = !!shown?.context.lead;
  useEffect(() => {
    if (hasCard) boxRef.current?.querySelector<HTMLElement>('[role="region"]')?.focus();
  }, [hasCard]);

  async function after(write: Promise<unknown>) {
    await write;
    await load();
    chip.tell({ type: 'changed' });
  }
  return { shown, failure, now, boxRef, after };
}

/** Hears Escape and tells the chip of the card's height; returns how to stop. */
function followFrame(chip: ChipLink, boxRef: RefObject<HTMLDivElement | null>, onEscape: () => void) {
  // On the key's release: the frame goes with the close, and its keyup would otherwise land on the page.
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onEscape();
  };
  document.addEventListener('keyup', onKey);
  // The frame is as tall as the card, up to the room the chip has for it; the border is the frame's.
  const resize = new ResizeObserver(() => chip.tell({ type: 'resize', height: (boxRef.current?.getBoundingClientRect().height ?? 0) + 2 }));
  resize.observe(boxRef.current!);
  return () => {
    document.removeEventListener('keyup', onKey);
    resize.disconnect();
  };
}
