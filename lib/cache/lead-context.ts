// "What does marketing know about these addresses?": the answer the card is drawn from, read from the
// cache in one pass of batched reads. A record page's card is opened by its person's address, which
// the chips found by the record (chip-context.ts).
import { Dexie } from 'dexie';
import type { LeadLensDb } from './db';
import { withoutStoredKeys, type StoredLead } from './crm-keys';
import { readRaw } from './raw-read';
import { OPEN_STATUSES } from './queue-order';
import type { Fit, Handoff, Lead, Touch, Verdict } from '../domain/model';
import type { GradeThresholds, Grading, SlaPolicy } from '../domain/settings-schema';
import { DEFAULT_FIT_PROFILE, DEFAULT_GRADING, fitLetter, fitPoints } from '../domain/grade';
import { slaStatus, type BusinessClock, type SlaStatus } from '../time/sla';

export interface LeadContext {
  email: string;
  lead: Lead | null;
  /** The most recent touches, latest first: only when asked for (the card needs them, a chip does not). */
  touches: Touch[];
  touchCount: number;
  touchesIncluded: boolean;
  handoff: Handoff | null;
  sla: SlaStatus | null;
  /** Why the lead's fit is what it is, by LeadLens's own count; worked out only with the touches, for the card. */
  fit?: FitExplanation | null;
  /** The rep's latest verdict on this address (delivered or not); read only with the touches, for the card. */
  latestVerdict?: LatestVerdict | null;
}

/** One firmographic factor of the fit, counted or not: the card words it in the UI language. */
export type FitFactor =
  | { kind: 'size'; minEmployees: number; points: number }
  /** Size unknown, or below the smallest band. */
  | { kind: 'size_none'; companySize?: number }
  | { kind: 'industry'; industry: string; points: number }
  | { kind: 'industry_none'; industry?: string }
  | { kind: 'role'; role: FitRole; points: number }
  | { kind: 'role_none' };
export type FitRole = 'executive' | 'director' | 'manager';

export interface FitExplanation {
  points: number;
  /** The letter these points earn; a source that grades on its own may have given the lead another. */
  letter: Fit;
  factors: FitFactor[];
  thresholds: GradeThresholds;
}

export interface LatestVerdict {
  /** The feedback entry's id, which is its outbox item's. */
  id: string;
  verdict: Verdict;
  reasonCode: string;
  at: number;
}

export interface ContextOptions {
  now: number;
  clock: BusinessClock;
  policy: SlaPolicy;
  /** How many touches to return per lead; 0 leaves the timelines (and the verdicts) unread. */
  touchLimit?: number;
  /** The grading in force, for the fit's explanation. */
  grading?: Grading;
}

export async function leadContexts(db: LeadLensDb, emails: string[], options: ContextOptions): Promise<LeadContext[]> {
  const { now, clock, policy, touchLimit = 100, grading = DEFAULT_GRADING } = options;
  const { leads, handoffs } = await readLeadsAndHandoffs(db, emails);
  let verdicts = new Map<string, LatestVerdict>();
  const contextOf = (email: string, index: number, touches: Touch[], touchCount: number): LeadContext => {
    const lead = leads[index] ?? null;
    const handoff = lead ? currentHandoff(handoffs[index]!) : null;
    const sla = handoff ? slaStatus(handoff, clock, policy, now) : null;
    const base = { email, lead, touches, touchCount, touchesIncluded: touchLimit > 0, handoff, sla };
    // An unknown address gets neither: nothing to explain, no verdict to show. An answer without
    // timelines gets neither either: it is not for a card.
    if (!lead || touchLimit === 0) return base;
    return { ...base, fit: explainFit(lead, grading), latestVerdict: verdicts.get(email) ?? null };
  };
  // Asked without timelines (to read the sync state beside the answer): nothing more to read.
  if (touchLimit === 0) return emails.map((email, index) => contextOf(email, index, [], 0));
  verdicts = await latestVerdicts(db, emails.filter((_, index) => leads[index]));
  return db.transaction('r', db.touches, () =>
    Promise.all(
      emails.map(async (email, index) => {
        if (!leads[index]) return contextOf(email, index, [], 0);
        const timeline = db.touches.where('[email+at]').between([email, Dexie.minKey], [email, Dexie.maxKey]);
        const touches = await timeline.clone().reverse().limit(touchLimit).toArray();
        const touchCount = touches.length < touchLimit ? touches.length : await timeline.count();
        return contextOf(email, index, touches, touchCount);
      }),
    ),
  );
}

/**
 * The card asks this each time it opens, so it skips Dexie's layers (raw-read.ts): each lead by key
 * and its handoffs by the email index, all sent at once.
 */
async function readLeadsAndHandoffs(db: LeadLensDb, emails: string[]): Promise<{ leads: (Lead | undefined)[]; handoffs: Handoff[][] }> {
  const leads: (Lead | undefined)[] = [];
  const handoffs: Handoff[][] = [];
  await readRaw(db, ['leads', 'handoffs'], (tx) => {
    const leadStore = tx.objectStore('leads');
    const byEmail = tx.objectStore('handoffs').index('email');
    emails.forEach((email, index) => {
      const lead = leadStore.get(email);
      lead.onsuccess = () => (leads[index] = lead.result ? withoutStoredKeys(lead.result as StoredLead) : undefined);
      const found = byEmail.getAll(email);
      found.onsuccess = () => (handoffs[index] = found.result as Handoff[]);
    });
  }, 'lead lookup');
  return { leads, handoffs };
}

/**
 * Each address's latest verdict, newest first through the time index until every address has one.
 * The feedback table has no email index (db.ts): for an address never given a verdict this reads
 * the whole log, which is why only the card (one address) asks.
 */
async function latestVerdicts(db: LeadLensDb, emails: string[]): Promise<Map<string, LatestVerdict>> {
  const found = new Map<string, LatestVerdict>();
  const wanted = new Set(emails);
  if (wanted.size === 0) return found;
  await db.feedback
    .orderBy('at')
    .reverse()
    .until(() => found.size === wanted.size)
    .each(({ id, email, verdict, reasonCode, at }) => {
      if (verdict && wanted.has(email) && !found.has(email)) found.set(email, { id, verdict, reasonCode, at });
    });
  return found;
}

const ROLES: Record<string, FitRole> = { Executive: 'executive', 'Director or VP': 'director', Manager: 'manager' };

/** The fit by the grading in force (grade.ts fitPoints), each factor named by kind, the missing ones too. */
export function explainFit(lead: Pick<Lead, 'companySize' | 'industry' | 'title'>, grading: Grading = DEFAULT_GRADING): FitExplanation {
  const profile = { ...DEFAULT_FIT_PROFILE, targetIndustries: grading.targetIndustries };
  const { points, factors: counted } = fitPoints(lead, profile);
  const band = profile.sizeBands.find((candidate) => counted.some((factor) => factor.label === candidate.label));
  const role = profile.roles.find((candidate) => counted.some((factor) => factor.label === `Role: ${candidate.label}`));
  const industry = lead.industry?.trim() || undefined;
  const industryCounted = counted.some((factor) => factor.label.startsWith('Target industry:'));
  const factors: FitFactor[] = [
    band ? { kind: 'size', minEmployees: band.minEmployees, points: band.points } : { kind: 'size_none', ...(lead.companySize === undefined ? {} : { companySize: lead.companySize }) },
    industry && industryCounted ? { kind: 'industry', industry, points: profile.industryPoints } : { kind: 'industry_none', ...(industry ? { industry } : {}) },
    role && ROLES[role.label] ? { kind: 'role', role: ROLES[role.label]!, points: role.points } : { kind: 'role_none' },
  ];
  return { points, letter: fitLetter(points, grading), factors, thresholds: { fit: grading.fit, readiness: grading.readiness } };
}

export const isOpen = (handoff: Handoff) => OPEN_STATUSES.includes(handoff.status);

/** The open handoff due first; with none open, the latest one. */
export function currentHandoff(handoffs: Handoff[]): Handoff | null {
  const open = handoffs.filter(isOpen).sort((a, b) => a.firstContactDueAt - b.firstContactDueAt);
  if (open[0]) return open[0];
  return [...handoffs].sort((a, b) => b.handedOffAt - a.handedOffAt)[0] ?? null;
}
