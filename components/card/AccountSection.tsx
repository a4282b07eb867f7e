// Who else at the lead's company is engaging: the people active in the last 90 days (latest touch
// first), each with their grade, last touch and handoff, and a way to their own card; the account's
// best fit and its touches by week. Nothing at all when the lead has no account (a free-mail
// address, or a lead the cache does not know): the background answers null.
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountContext, AccountPerson } from '../../lib/cache/account-context';
import type { HandoffStatus } from '../../lib/domain/model';
import { formatAge } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { Sparkline } from './Sparkline';

export interface AccountSectionProps {
  account: AccountContext | null;
  now: number;
  /** Opens the person's own card in this card's place. */
  onOpenPerson: (person: AccountPerson) => void;
}

export const HANDOFF_STATE_LABELS: Record<HandoffStatus, MessageKey> = {
  pending: 'handoffStatePending',
  accepted: 'handoffStateAccepted',
  contacted: 'handoffStateContacted',
  rejected: 'handoffStateRejected',
};

/** People listed at first; the rest (up to the 20 the background sends) on request, as the touches. */
export const FIRST_PEOPLE = 5;

export function AccountSection({ account, now, onOpenPerson }: AccountSectionProps) {
  const [showAll, setShowAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  // The button goes once pressed: focus moves on to the first person it brought.
  useEffect(() => {
    if (showAll) list.current?.querySelectorAll<HTMLElement>('.ll-person-open')[FIRST_PEOPLE]?.focus();
  }, [showAll]);
  if (!account) return null;
  const headingId = 'll-account-heading';
  const more = account.activeCount - account.people.length;
  const shown = showAll ? account.people : account.people.slice(0, FIRST_PEOPLE);
  return (
    <section class="ll-account" aria-labelledby={headingId} data-account={account.key}>
      <h3 id={headingId}>
        <Isolated text={activeText(account)} value={account.name} />
      </h3>
      <p class="ll-account-fit">
        <Isolated text={t('accountBestFit', account.bestFit)} value={account.bestFit} />
      </p>
      <Sparkline counts={account.weeklyTouches} />
      {account.people.length > 0 && (
        <ul class="ll-people" ref={list} aria-label={t('accountPeople', account.name)}>
          {shown.map((person) => (
            <PersonItem key={person.email} person={person} now={now} onOpen={() => onOpenPerson(person)} />
          ))}
        </ul>
      )}
      {shown.length < account.people.length && (
        <button type="button" class="ll-link" onClick={() => setShowAll(true)}>
          {t('showAll', account.people.length)}
        </button>
      )}
      {more > 0 && <p class="ll-muted ll-people-more">{t('accountMore', more)}</p>}
    </section>
  );
}

function activeText(account: AccountContext): string {
  if (account.activeCount === 0) return t('accountActiveNone', account.name);
  if (account.activeCount === 1) return t('accountActiveOne', account.name);
  return t('accountActive', account.name, account.activeCount);
}

function PersonItem({ person, now, onOpen }: { person: AccountPerson; now: number; onOpen: () => void }) {
  const handoff = person.handoff;
  return (
    <li class="ll-person" data-email={person.email}>
      <div class="ll-person-line">
        <button type="button" class="ll-link ll-person-open" onClick={onOpen}>
          <bdi>{person.name || person.email}</bdi>
          <span class="ll-sr"> ({t('accountOpenCard')})</span>
        </button>
        {person.title && (
          <span class="ll-muted">
            {' · '}
            <bdi>{person.title}</bdi>
          </span>
        )}
        {person.grade && <span class="ll-person-grade">{person.grade}</span>}
      </div>
      <p class="ll-muted ll-person-state">
        {person.lastTouchAt === undefined ? t('accountNoTouch') : t('accountLastTouch', formatAge(Math.max(0, now - person.lastTouchAt)))}
        {' · '}
        {handoff ? <Isolated text={t('accountHandoff', t(HANDOFF_STATE_LABELS[handoff.status]), handoff.assigneeEmail)} value={handoff.assigneeEmail} /> : t('accountNoHandoff')}
      </p>
    </li>
  );
}

/** The UI's sentence with the value from the data in it set apart as its own bidirectional island. */
function Isolated({ text, value }: { text: string; value: string }) {
  const at = value ? text.indexOf(value) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <Fragment>
      {text.slice(0, at)}
      <bdi>{value}</bdi>
      {text.slice(at + value.length)}
    </Fragment>
  );
}
