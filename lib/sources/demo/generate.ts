// The demo's data: a believable book of leads, deterministic from a seed and laid out relative to
// "now", so that a fresh install shows overdue, due-soon and on-track handoffs straight away.
import { gradeFor, normaliseScore } from '../../domain/grade';
import {
  STAGES,
  TOUCH_TYPES,
  type Handoff,
  type HandoffStatus,
  type Instant,
  type Lead,
  type ScoreFactor,
  type Stage,
  type Touch,
  type TouchType,
} from '../../domain/model';
import type { BusinessCalendar, Grading, SlaPolicy } from '../../domain/settings-schema';
import { createBusinessClock, dueTimes, matchRule, type BusinessClock } from '../../time/sla';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../domain/default-settings';
import {
  campaignsFor,
  englishPerson,
  ENGLISH,
  FACTOR_LABELS,
  HANDOFF_PLAN,
  japanesePerson,
  JAPANESE,
  MQL_RULES,
  NEGATIVE_FACTORS,
  NEGATIVE_STAGES,
  OTHER_REPS,
  QUALIFIED_DAYS_AGO,
  TOUCH_POINTS,
  TOUCH_RANGE,
  touchTitle,
  type Language,
} from './data';

export const DEMO_SOURCE_ID = 'demo';
const LEAD_COUNT = 320;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 180;
/** The demo's raw score scale, as a marketing system would report it. */
const RAW_SCALE = { min: 0, max: 250 };

export interface DemoOptions {
  seed: number;
  now: Instant;
  repEmail: string;
  calendar?: BusinessCalendar;
  policy?: SlaPolicy;
  /** The settings' grading; the built-in one when left out. */
  grading?: Grading;
}

export interface DemoData {
  leads: Lead[];
  touches: Touch[];
  handoffs: Handoff[];
}

type Random = () => number;

interface Streams {
  seed: number;
  now: Instant;
  /**
   * While leads are made, read in the order it always has been: test/fixtures name people of seed 1.
   * Whatever a lead has gained since draws on `detail`, which leaves the people as they were.
   */
  random: Random;
  detail: Random;
}

export function generateDemo(options: DemoOptions): DemoData {
  const { seed, now, calendar = DEFAULT_CALENDAR, policy = DEFAULT_SLA_POLICY } = options;
  const streams: Streams = { seed, now, random: mulberry32(seed), detail: mulberry32(seed ^ 0x5bd1e995) };
  const emails = new Set<string>();
  const leads: Lead[] = [];
  const touches: Touch[] = [];
  const demoRequests = new Map<string, Touch>();
  for (let n = 0; n < LEAD_COUNT; n++) {
    const made = demoLead(n, streams, emails, options.grading);
    leads.push(made.lead);
    touches.push(...made.touches);
    if (made.demoRequest) demoRequests.set(made.lead.email, made.demoRequest);
  }
  const clock = createBusinessClock(calendar);
  const repEmail = options.repEmail.trim().toLowerCase();
  const handoffs = demoHandoffs(leads, { ...streams, repEmail, policy, clock });
  settle(leads, touches, handoffs, demoRequests, streams);
  return { leads, touches, handoffs };
}

function demoLead(n: number, streams: Streams, emails: Set<string>, grading: Grading | undefined) {
  const { now, random, detail } = streams;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const japanese = n % 2 === 0;
  const language: Language = japanese ? 1 : 0;
  const stage = STAGES[n % STAGES.length]!;
  const person = japanese ? japanesePerson(pick) : englishPerson(pick);
  const company = pick(japanese ? JAPANESE.companies : ENGLISH.companies);
  const email = uniqueEmail(`${person.local}@${company.domain}`, emails);
  const qualifiedDaysAgo = QUALIFIED_DAYS_AGO[stage];
  const touches = demoTouches({ n, email, stage, language, qualified: !!qualifiedDaysAgo }, streams, pick);

  const scoreFactors = engagementFactors(touches, language);
  if (NEGATIVE_STAGES.includes(stage) && detail() < 0.3) {
    const [english, japaneseLabel, points] = NEGATIVE_FACTORS[Math.floor(detail() * NEGATIVE_FACTORS.length)]!;
    scoreFactors.push({ label: japanese ? japaneseLabel : english, points });
  }
  const scoreRaw = scoreFactors.reduce((sum, factor) => sum + factor.points, 0);
  const score = normaliseScore(scoreRaw, RAW_SCALE);
  const graded = gradeFor({ companySize: company.size, industry: company.industry, title: person.title }, score, grading);
  const lead: Lead = {
    email,
    name: person.name,
    company: company.name,
    title: person.title,
    industry: company.industry,
    companySize: company.size,
    stage,
    score,
    scoreRaw,
    scoreFactors,
    ...graded,
    updatedAt: now, // settled once the handoffs are known
  };
  const demoRequest = touches.at(-1);
  if (!qualifiedDaysAgo || !demoRequest) return { lead, touches };

  // Of these stages only recycled draws on `detail`: `random` has always given the others two numbers here.
  const draw = stage === 'recycled' ? detail : random;
  const types = new Set(touches.map((touch) => touch.type));
  const rules = MQL_RULES.filter((rule) => rule.holds({ score, fit: graded.fit }, types));
  lead.qualifiedBy = rules[Math.floor(draw() * rules.length)]!.words[language];
  const [fewestDays, mostDays] = qualifiedDaysAgo;
  lead.qualifiedAt = now - Math.round((fewestDays + draw() * (mostDays - fewestDays)) * DAY);
  demoRequest.at = lead.qualifiedAt - lag(detail);
  return { lead, touches, demoRequest };
}

interface TouchesFor {
  n: number;
  email: string;
  stage: Stage;
  language: Language;
  /** A qualified lead's last touch is the demo request that qualified it. */
  qualified: boolean;
}

function demoTouches({ n, email, stage, language, qualified }: TouchesFor, { seed, now, random }: Streams, pick: <T>(list: readonly T[]) => T) {
  const [fewest, most] = TOUCH_RANGE[stage];
  const count = fewest + Math.floor(random() * (most - fewest + 1));
  return Array.from({ length: count }, (_, k): Touch => {
    // The first leads carry one touch of every type, so the demo shows them all.
    const drawn = n < TOUCH_TYPES.length && k === 0 ? TOUCH_TYPES[n]! : pick(TOUCH_TYPES);
    const type = qualified && k === count - 1 ? 'form_fill' : drawn;
    const at = now - 1 - Math.floor(random() * (HISTORY_DAYS * DAY - 1));
    const campaign = pick(campaignsFor(type, language === 1 ? 'ja' : 'en'));
    return {
      id: `demo-${seed}-t${n}-${k}`,
      email,
      type,
      at,
      title: touchTitle(type, campaign, language),
      campaign: campaign.name,
      url: `https://www.leadlens.example${campaign.path}?utm_campaign=${campaign.slug}`,
    };
  });
}


interface HandoffContext extends Streams {
  repEmail: string;
  policy: SlaPolicy;
  clock: BusinessClock;
}

/** Open handoffs spread over overdue, due soon and on track at `now`; closed ones further back. */
function demoHandoffs(leads: Lead[], context: HandoffContext): Handoff[] {
  const { seed, repEmail, policy, clock } = context;
  const others = OTHER_REPS.filter((email) => email !== repEmail);
  const unused = new Map(STAGES.map((stage) => [stage, leads.filter((lead) => lead.stage === stage)]));
  const assignments = HANDOFF_PLAN.flatMap(([stage, count, status, assignee]) =>
    unused
      .get(stage)!
      .splice(0, count)
      .map((lead, k) => ({ lead, k, status, assigneeEmail: assignee === 'rep' ? repEmail : others[k % others.length]! })),
  );
  return assignments.map(({ lead, k, status, assigneeEmail }, index): Handoff => {
    // The rule that applied when marketing handed the lead over, as an MQL.
    const rule = matchRule(policy, { stage: 'mql', score: lead.score, grade: lead.grade, source: DEMO_SOURCE_ID });
    const span = rule.firstContactHours * HOUR;
    const open = status === 'pending' || status === 'accepted';
    const { handedOffAt, acceptedAt, respondedAt } = open ? openTimes(context, span, k % 3, status) : closedTimes(context, span, status);
    return {
      id: `demo-${seed}-h${index}`,
      email: lead.email,
      assigneeEmail,
      handedOffAt,
      rule: lead.qualifiedBy ?? rule.name,
      source: DEMO_SOURCE_ID,
      status,
      ...dueTimes(clock, rule, handedOffAt),
      acceptedAt,
      respondedAt,
      updatedAt: Math.max(handedOffAt, acceptedAt ?? 0, respondedAt ?? 0),
    };
  });
}

interface HandoffTimes {
  handedOffAt: Instant;
  acceptedAt?: Instant;
  respondedAt?: Instant;
}

/** Working time left at `now` picks the state: 0 overdue, 1 due soon, 2 on track. */
function openTimes({ now, policy, clock, random }: HandoffContext, span: number, state: number, status: HandoffStatus): HandoffTimes {
  const dueSoon = policy.dueSoonMinutes * MINUTE;
  const wanted = [
    -(30 * MINUTE + random() * (27 * HOUR - 30 * MINUTE)),
    10 * MINUTE + random() * Math.max(0, dueSoon - 20 * MINUTE),
    dueSoon + 15 * MINUTE + random() * Math.max(0, span - dueSoon - 30 * MINUTE),
  ][state]!;
  // A handoff lies in the past, so a rule shorter than the due-soon window has nothing on track.
  const left = Math.min(roundToMinute(wanted), span - MINUTE);
  const handedOffAt = clock.add(clock.add(now, left), -span);
  if (status !== 'accepted') return { handedOffAt };
  return { handedOffAt, acceptedAt: Math.min(now, clock.add(handedOffAt, roundToMinute(5 * MINUTE + random() * 55 * MINUTE))) };
}

/** Handed off a few working days ago and answered, mostly in time. */
function closedTimes({ now, clock, random }: HandoffContext, span: number, status: HandoffStatus): HandoffTimes {
  const handedOffAt = clock.add(now, -roundToMinute(span + HOUR + random() * 80 * HOUR));
  const firstContactDueAt = clock.add(handedOffAt, span);
  const respondedAt =
    random() < 0.75
      ? clock.add(handedOffAt, roundToMinute(span * (0.1 + 0.8 * random())))
      : Math.min(now, clock.add(firstContactDueAt, roundToMinute(30 * MINUTE + random() * 16 * HOUR)));
  const acceptedAt = status === 'contacted' ? clock.add(handedOffAt, Math.floor(clock.between(handedOffAt, respondedAt) / 2)) : undefined;
  return { handedOffAt, acceptedAt, respondedAt };
}

/** Ties leads to their handoffs: owner, qualified just before the handoff, and the last change. */
function settle(leads: Lead[], touches: Touch[], handoffs: Handoff[], demoRequests: Map<string, Touch>, { now, detail }: Streams) {
  const byEmail = new Map(leads.map((lead) => [lead.email, lead]));
  for (const handoff of handoffs) {
    const lead = byEmail.get(handoff.email)!;
    lead.ownerEmail = handoff.assigneeEmail;
    lead.qualifiedAt = handoff.handedOffAt - lag(detail);
    const demoRequest = demoRequests.get(lead.email);
    if (demoRequest) demoRequest.at = lead.qualifiedAt - lag(detail);
  }
  const latest = new Map<string, Instant>();
  for (const touch of touches) latest.set(touch.email, Math.max(latest.get(touch.email) ?? 0, touch.at));
  for (const handoff of handoffs) latest.set(handoff.email, Math.max(latest.get(handoff.email) ?? 0, handoff.updatedAt));
  for (const lead of leads) {
    const last = Math.max(latest.get(lead.email) ?? 0, lead.qualifiedAt ?? 0);
    lead.updatedAt = last > 0 ? last : now - (1 + Math.floor(detail() * 90)) * DAY;
  }
}

/** Marketing automation reacts within minutes: form, then MQL, then handoff. */
const lag = (detail: Random) => roundToMinute(MINUTE + detail() * 14 * MINUTE);
const roundToMinute = (ms: number) => Math.round(ms / MINUTE) * MINUTE;

function engagementFactors(touches: Touch[], language: Language): ScoreFactor[] {
  const counts = new Map<TouchType, number>();
  touches.forEach((touch) => counts.set(touch.type, (counts.get(touch.type) ?? 0) + 1));
  return [...counts].map(([type, count]) => ({
    label: `${FACTOR_LABELS[type][language]} × ${count}`,
    points: count * TOUCH_POINTS[type],
  }));
}

function uniqueEmail(candidate: string, taken: Set<string>): string {
  let email = candidate;
  for (let n = 2; taken.has(email); n++) email = candidate.replace('@', `${n}@`);
  taken.add(email);
  return email;
}

/** A small seeded generator (mulberry32): the same seed gives the same demo everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
