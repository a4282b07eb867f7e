// The built-in demo: a believable book of leads, deterministic from a seed and laid out relative to
// "now", so that a fresh install shows overdue, due-soon and on-track handoffs straight away.
import { fitPoints, grade, normaliseScore } from '../grade';
import {
  STAGES,
  TOUCH_TYPES,
  type BusinessCalendar,
  type Handoff,
  type Lead,
  type OutboxItem,
  type SlaPolicy,
  type Stage,
  type Touch,
  type TouchType,
} from '../model';
import { createBusinessClock, DEFAULT_CALENDAR, DEFAULT_SLA_POLICY, dueTimes, matchRule, type BusinessClock } from '../sla';
import { CAMPAIGNS, ENGLISH, JAPANESE, OTHER_REPS, QUALIFYING_RULES, TOUCH_PATHS, TOUCH_TITLES } from './demo-data';
import type { LeadSource } from './source';

export const DEMO_SOURCE_ID = 'demo';
const LEAD_COUNT = 320;
const REP_PENDING = 27;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DemoOptions {
  seed: number;
  now: number;
  repEmail: string;
  calendar?: BusinessCalendar;
  policy?: SlaPolicy;
}

export interface DemoData {
  leads: Lead[];
  touches: Touch[];
  handoffs: Handoff[];
}

/** Touches per lead by stage: the further along, the more engaged. */
const TOUCH_RANGE: Record<Stage, [number, number]> = {
  subscriber: [0, 5], lead: [2, 12], mql: [12, 30], sql: [14, 36], opportunity: [15, 40],
  customer: [5, 30], recycled: [3, 15], disqualified: [0, 6],
};
const TOUCH_POINTS: Record<TouchType, number> = {
  email_open: 2, email_click: 4, form_fill: 20, page_view: 3, webinar: 15, download: 10, event: 15, ad_click: 2, chat: 8,
};

export function generateDemo(options: DemoOptions): DemoData {
  const { seed, now, repEmail, calendar = DEFAULT_CALENDAR, policy = DEFAULT_SLA_POLICY } = options;
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const emails = new Set<string>();
  const leads: Lead[] = [];
  const touches: Touch[] = [];

  for (let n = 0; n < LEAD_COUNT; n++) {
    const japanese = n % 2 === 0;
    const stage = STAGES[n % STAGES.length]!;
    const person = japanese ? japanesePerson(pick) : englishPerson(pick);
    const company = pick(japanese ? JAPANESE.companies : ENGLISH.companies);
    const email = uniqueEmail(`${person.local}@${company.domain}`, emails);
    const [least, most] = TOUCH_RANGE[stage];
    const leadTouches = Array.from({ length: least + Math.floor(random() * (most - least + 1)) }, (_, k) => {
      // The first leads carry one touch of every type, so the demo shows them all.
      const type = n < TOUCH_TYPES.length && k === 0 ? TOUCH_TYPES[n]! : pick(TOUCH_TYPES);
      return {
        id: `demo-${seed}-t${n}-${k}`,
        email,
        type,
        at: Math.floor(now - random() * 180 * DAY),
        title: TOUCH_TITLES[type][japanese ? 1 : 0],
        campaign: pick(CAMPAIGNS),
        url: `https://www.leadlens.example${TOUCH_PATHS[type]}`,
      } satisfies Touch;
    });
    touches.push(...leadTouches);

    const scoreFactors = engagementFactors(leadTouches);
    const scoreRaw = scoreFactors.reduce((sum, factor) => sum + factor.points, 0);
    const score = normaliseScore(scoreRaw, { min: 0, max: 250 });
    const fit = fitPoints({ companySize: company.size, industry: company.industry, title: person.title });
    const qualified = ['mql', 'sql', 'opportunity', 'customer'].includes(stage);
    leads.push({
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
      ...grade(fit.points, score),
      qualifiedBy: qualified ? pick(QUALIFYING_RULES) : undefined,
      qualifiedAt: qualified ? Math.floor(now - random() * 30 * DAY) : undefined,
      updatedAt: Math.max(0, ...leadTouches.map((touch) => touch.at)) || now - DAY,
    });
  }

  const handoffs = demoHandoffs(leads, { seed, now, repEmail, policy, clock: createBusinessClock(calendar), random });
  return { leads, touches, handoffs };
}

/** The demo is laid out afresh when its layout is this old, so deadlines stay near "now". */
export const DEMO_REFRESH_MS = 12 * HOUR;

export interface DemoSourceOptions extends Omit<DemoOptions, 'now'> {
  now: () => number;
  /** The demo's marketing system: where delivered writes land. */
  inbox?: (item: OutboxItem) => Promise<void>;
}

/**
 * The demo as a source. Its cursor names the layout (seed, rep, the "now" it was laid out at) and an
 * offset into it; a layout older than DEMO_REFRESH_MS is replaced by a new one, from the start.
 */
export function createDemoSource(options: DemoSourceOptions): LeadSource {
  let cached: { anchor: number; records: DemoRecord[] } | null = null;
  const layout = (anchor: number) => {
    if (cached?.anchor !== anchor) {
      const data = generateDemo({ ...options, now: anchor });
      const records: DemoRecord[] = [
        ...data.leads.map((lead) => ({ kind: 'lead' as const, lead })),
        ...data.touches.map((touch) => ({ kind: 'touch' as const, touch })),
        ...data.handoffs.map((handoff) => ({ kind: 'handoff' as const, handoff })),
      ];
      cached = { anchor, records };
    }
    return cached.records;
  };
  const prefix = `demo:${options.seed}:${options.repEmail}:`;

  return {
    id: DEMO_SOURCE_ID,
    async changes(cursor, limit) {
      const [anchorText, offsetText] = cursor?.startsWith(prefix) ? cursor.slice(prefix.length).split(':') : [];
      const now = options.now();
      const fresh = anchorText !== undefined && now - Number(anchorText) < DEMO_REFRESH_MS;
      const anchor = fresh ? Number(anchorText) : now;
      const records = layout(anchor);
      const from = fresh ? (offsetText === 'end' ? records.length : Number(offsetText)) : 0;
      const slice = records.slice(from, from + limit);
      const next = from + slice.length;
      return {
        leads: slice.flatMap((record) => (record.kind === 'lead' ? [record.lead] : [])),
        touches: slice.flatMap((record) => (record.kind === 'touch' ? [record.touch] : [])),
        handoffs: slice.flatMap((record) => (record.kind === 'handoff' ? [record.handoff] : [])),
        deleted: [],
        rejected: [],
        nextCursor: `${prefix}${anchor}:${next >= records.length ? 'end' : next}`,
        hasMore: next < records.length,
      };
    },
    // The demo's marketing system lives in this browser: a write lands in its inbox.
    async deliver(item) {
      await options.inbox?.(item);
    },
  };
}

type DemoRecord = { kind: 'lead'; lead: Lead } | { kind: 'touch'; touch: Touch } | { kind: 'handoff'; handoff: Handoff };

interface HandoffPlan {
  seed: number;
  now: number;
  repEmail: string;
  policy: SlaPolicy;
  clock: BusinessClock;
  random: () => number;
}

/** Pending handoffs for the rep spread over overdue, due soon and on track; some closed; some for others. */
function demoHandoffs(leads: Lead[], plan: HandoffPlan): Handoff[] {
  const { seed, now, repEmail, policy, clock, random } = plan;
  const candidates = leads.filter((lead) => lead.stage === 'mql' || lead.stage === 'sql');
  const dueSoon = policy.dueSoonMinutes * MINUTE;
  return candidates.slice(0, REP_PENDING + 20).map((lead, k): Handoff => {
    const rule = matchRule(policy, { stage: lead.stage, score: lead.score, grade: lead.grade, source: DEMO_SOURCE_ID });
    const span = rule.firstContactHours * HOUR;
    // Working time left at `now`: overdue, due soon, or on track, in turn.
    const left = roundToMinute([
      -(30 * MINUTE + random() * 27 * HOUR),
      10 * MINUTE + random() * (dueSoon - 20 * MINUTE),
      dueSoon + 15 * MINUTE + random() * Math.max(0, span - dueSoon - 30 * MINUTE),
    ][k % 3]!);
    const handedOffAt = clock.add(clock.add(now, left), -span);
    const due = dueTimes(clock, rule, handedOffAt);
    const mine = k < REP_PENDING + 10;
    const closed = k >= REP_PENDING && mine;
    const respondedAt = closed ? Math.min(now, handedOffAt + (k % 2 ? 2 : 30) * HOUR) : undefined;
    return {
      id: `demo-${seed}-h${k}`,
      email: lead.email,
      assigneeEmail: mine ? repEmail : OTHER_REPS[k % OTHER_REPS.length]!,
      handedOffAt,
      rule: lead.qualifiedBy ?? rule.name,
      source: DEMO_SOURCE_ID,
      status: closed ? (k % 4 === 0 ? 'rejected' : 'contacted') : k % 5 === 4 ? 'accepted' : 'pending',
      ...due,
      acceptedAt: !closed && k % 5 === 4 ? Math.min(now, handedOffAt + HOUR) : undefined,
      respondedAt,
      updatedAt: respondedAt ?? handedOffAt,
    };
  });
}

const roundToMinute = (ms: number) => Math.round(ms / MINUTE) * MINUTE;

function engagementFactors(touches: Touch[]) {
  const counts = new Map<TouchType, number>();
  touches.forEach((touch) => counts.set(touch.type, (counts.get(touch.type) ?? 0) + 1));
  return [...counts].map(([type, count]) => ({
    label: `${TOUCH_TITLES[type][0].replace(/ ".*"/, '')} × ${count}`,
    points: count * TOUCH_POINTS[type],
  }));
}

function japanesePerson(pick: <T>(list: readonly T[]) => T) {
  const [family, familyRomaji] = pick(JAPANESE.family);
  const [given, givenRomaji] = pick(JAPANESE.given);
  return { name: `${family} ${given}`, local: `${givenRomaji}.${familyRomaji}`, title: pick(JAPANESE.titles) };
}

function englishPerson(pick: <T>(list: readonly T[]) => T) {
  const family = pick(ENGLISH.family);
  const given = pick(ENGLISH.given);
  return { name: `${given} ${family}`, local: `${given}.${family}`.toLowerCase(), title: pick(ENGLISH.titles) };
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
