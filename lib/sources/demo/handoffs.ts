// The demo's handoffs, laid out around "now" on the business clock: open ones spread over overdue, due
// soon and on track, so the queue and the badge show every state at once; closed ones further back.
import { STAGES, type Handoff, type HandoffStatus, type Instant, type Lead } from '../../domain/model';
import type { SlaPolicy } from '../../domain/settings-schema';
import { dueTimes, matchRule, type BusinessClock } from '../../time/sla';
import { HANDOFF_PLAN, OTHER_REPS } from './data';
import { HOUR, MINUTE, roundToMinute, type Streams } from './random';

export const DEMO_SOURCE_ID = 'demo';

export interface HandoffContext extends Streams {
  repEmail: string;
  policy: SlaPolicy;
  clock: BusinessClock;
}

/** Open handoffs spread over overdue, due soon and on track at `now`; closed ones further back. */
export function demoHandoffs(leads: Lead[], context: HandoffContext): Handoff[] {
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
