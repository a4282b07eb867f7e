// Handoff SLAs: which rule applies to a handoff, when its deadlines fall on the business clock,
// and where it stands at a given moment.
import type { Handoff, Instant, Stage } from '../domain/model';
import type { BusinessCalendar, SlaPolicy, SlaRule } from '../domain/settings-schema';
import type { BusinessClock } from './calendar';

export { createBusinessClock, type BusinessClock } from './calendar';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The facts about a handoff that a rule matches on. */
export interface HandoffFacts {
  stage: Stage;
  score: number;
  grade: string;
  source: string;
}

/** The first rule whose every condition holds; the last rule when none does. */
export function matchRule(policy: SlaPolicy, facts: HandoffFacts): SlaRule {
  const holds = ({ match }: SlaRule) =>
    (!match.stages || match.stages.includes(facts.stage)) &&
    (match.minScore === undefined || facts.score >= match.minScore) &&
    (!match.grades || match.grades.includes(facts.grade)) &&
    (!match.sources || match.sources.includes(facts.source));
  return policy.rules.find(holds) ?? policy.rules[policy.rules.length - 1]!;
}

/** The first-contact deadline, and each follow-up counted in business hours from that deadline. */
export function dueTimes(
  clock: BusinessClock,
  rule: SlaRule,
  handedOffAt: Instant,
): { firstContactDueAt: Instant; followUpDueAts: Instant[] } {
  const firstContactDueAt = clock.add(handedOffAt, rule.firstContactHours * HOUR);
  const followUpDueAts = rule.followUpHours.map((hours) => clock.add(firstContactDueAt, hours * HOUR));
  return { firstContactDueAt, followUpDueAts };
}

export type SlaState = 'on_track' | 'due_soon' | 'overdue' | 'met' | 'missed';

export interface SlaStatus {
  state: SlaState;
  dueAt: Instant;
  /** Wall-clock time until the deadline; negative once it has passed. */
  msLeft: number;
  /** Working time until the deadline; negative once it has passed. */
  businessMsLeft: number;
}

/**
 * The first-contact SLA at `now`. Contact or rejection stops the clock (met or missed); until then
 * the handoff is on track, due soon (within policy.dueSoonMinutes of working time) or overdue.
 */
export function slaStatus(
  handoff: Pick<Handoff, 'firstContactDueAt' | 'respondedAt'>,
  clock: BusinessClock,
  policy: SlaPolicy,
  now: Instant,
): SlaStatus {
  const dueAt = handoff.firstContactDueAt;
  const msLeft = dueAt - now;
  const businessMsLeft = clock.between(now, dueAt);
  let state: SlaState;
  if (handoff.respondedAt !== undefined) state = handoff.respondedAt <= dueAt ? 'met' : 'missed';
  else if (now >= dueAt) state = 'overdue';
  else if (businessMsLeft <= policy.dueSoonMinutes * MINUTE) state = 'due_soon';
  else state = 'on_track';
  return { state, dueAt, msLeft, businessMsLeft };
}
