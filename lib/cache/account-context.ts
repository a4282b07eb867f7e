// "Who else at this lead's company is engaging?": the card's account section, read from the cache
// through the accountKey index (crm-keys.ts writes it, account.ts says what it is), so it costs one
// index read for the account's people, whatever the cache's size, and one range of touches each.
import type { LeadLensDb } from './db';
import type { StoredLead } from './crm-keys';
import { storedAccountOf, type AccountRef } from '../domain/account-name';
import type { Fit, Handoff, HandoffStatus, Touch } from '../domain/model';
import { FITS } from '../domain/vocabulary';
import { currentHandoff } from './lead-context';
import { readRaw } from './raw-read';

export interface AccountPerson {
  email: string;
  name: string;
  title: string;
  grade: string;
  lastTouchAt?: number;
  handoff?: { status: HandoffStatus; assigneeEmail: string };
}

export interface AccountContext {
  key: string;
  name: string;
  /** Everyone else at the account with a touch in the last 90 days, latest touch first (at most 20). */
  people: AccountPerson[];
  /** How many people (the lead excluded) were active in the last 90 days, even beyond the 20 listed. */
  activeCount: number;
  /** The best fit letter among the account's leads (the lead included). */
  bestFit: Fit;
  /** The account's touches (the lead included) per week, oldest first: 13 weeks ending with this week. */
  weeklyTouches: number[];
}

const DAY = 86_400_000;
export const ACTIVE_DAYS = 90;
export const PEOPLE_SHOWN = 20;
export const WEEKS = 13;
const WEEK = 7 * DAY;

/**
 * The account of the lead with this address, as the card shows it; null when the cache does not
 * know the lead or the lead has no account (a free-mail address without an account id).
 * Weeks are the seven-day spans ending now, not calendar weeks: the latest one is always a whole
 * week of the rep's recent past, whatever day it is.
 */
export async function accountContext(db: LeadLensDb, email: string, now: number): Promise<AccountContext | null> {
  const read = await readAccount(db, email, now);
  if (!read) return null;
  const { account, members, touches, active, handoffs } = read;
  return {
    ...account,
    people: active.slice(0, PEOPLE_SHOWN).map(({ lead, lastTouchAt }) => personOf(lead, lastTouchAt, handoffs)),
    activeCount: active.length,
    bestFit: bestFitOf(members),
    weeklyTouches: weeklyCounts(touches.flat(), now),
  };
}

interface AccountRead {
  account: AccountRef;
  members: StoredLead[];
  /** Each member's touches of the last WEEKS weeks, oldest first, in the order of members. */
  touches: Touch[][];
  active: ActivePerson[];
  /** The handoffs of the people listed. */
  handoffs: Handoff[];
}
type ActivePerson = { lead: StoredLead; lastTouchAt: number };

/**
 * The card asks this each time it opens, so it skips Dexie's layers (raw-read.ts): one
 * IndexedDB transaction, each read sent as soon as the one before it answers, the touches of all the
 * account's people at once: the lead by key, its account's people by the accountKey index, their
 * touches by [email+at] (a source's future-dated touch left out), the listed people's handoffs.
 */
async function readAccount(db: LeadLensDb, email: string, now: number): Promise<AccountRead | null> {
  let read: AccountRead | null = null;
  await readRaw(db, ['leads', 'touches', 'handoffs'], (tx) => {
    const leads = tx.objectStore('leads');
    const lead = leads.get(email);
    lead.onsuccess = () => {
      const account = storedAccountOf(lead.result as StoredLead | undefined);
      if (!account) return; // the transaction ends with nothing read
      const people = leads.index('accountKey').getAll(account.key);
      people.onsuccess = () => {
        const members = people.result as StoredLead[];
        const touches: Touch[][] = members.map(() => []);
        const byEmailAt = tx.objectStore('touches').index('[email+at]');
        let waiting = members.length;
        const readHandoffs = () => {
          const active = activePeople(members, touches, email, now - ACTIVE_DAYS * DAY);
          read = { account, members, touches, active, handoffs: [] };
          const byEmail = tx.objectStore('handoffs').index('email');
          for (const { lead: person } of active.slice(0, PEOPLE_SHOWN)) {
            const found = byEmail.getAll(person.email);
            found.onsuccess = () => read!.handoffs.push(...(found.result as Handoff[]));
          }
        };
        if (waiting === 0) return readHandoffs();
        members.forEach((member, index) => {
          const range = byEmailAt.getAll(IDBKeyRange.bound([member.email, now - WEEKS * WEEK], [member.email, now]));
          range.onsuccess = () => {
            touches[index] = range.result as Touch[];
            if (--waiting === 0) readHandoffs();
          };
        });
      };
    };
  }, 'account look-up');
  return read;
}

/** The account's people other than the lead with a touch since `activeSince`, the latest touch first. */
function activePeople(members: StoredLead[], touches: Touch[][], email: string, activeSince: number): ActivePerson[] {
  return members
    .map((lead, index) => ({ lead, lastTouchAt: touches[index]!.at(-1)?.at }))
    .filter((person): person is ActivePerson => person.lead.email !== email && person.lastTouchAt !== undefined && person.lastTouchAt >= activeSince)
    .sort((a, b) => b.lastTouchAt - a.lastTouchAt || a.lead.email.localeCompare(b.lead.email));
}

function personOf(lead: StoredLead, lastTouchAt: number, handoffs: Handoff[]): AccountPerson {
  const handoff = currentHandoff(handoffs.filter((candidate) => candidate.email === lead.email));
  return {
    email: lead.email,
    name: lead.name,
    title: lead.title,
    grade: lead.grade,
    lastTouchAt,
    ...(handoff && { handoff: { status: handoff.status, assigneeEmail: handoff.assigneeEmail } }),
  };
}

/** A before D: the first letter of FITS any member has. */
function bestFitOf(members: StoredLead[]): Fit {
  return FITS.find((fit) => members.some((member) => member.fit === fit)) ?? 'D';
}

/** Touches per seven-day span, oldest first, the last span ending now. */
function weeklyCounts(touches: Touch[], now: number): number[] {
  const weeks = new Array<number>(WEEKS).fill(0);
  for (const touch of touches) {
    const weeksAgo = Math.floor((now - touch.at) / WEEK);
    if (weeksAgo >= 0 && weeksAgo < WEEKS) weeks[WEEKS - 1 - weeksAgo]!++;
  }
  return weeks;
}
