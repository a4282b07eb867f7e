// The toolbar badge: how many of the rep's handoffs need attention (overdue or due soon), coloured
// by the worst, and the next moment that count can change, so an alarm can wake us just then.
import { t } from '../ui/i18n';
import type { Handoff } from '../domain/model';
import type { SlaPolicy } from '../domain/settings-schema';
import { slaStatus, type BusinessClock } from '../time/sla';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
  /** When a handoff next turns due soon or overdue; null when none will. */
  nextChangeAt: number | null;
}

export const BADGE_COLORS = { overdue: '#B42318', due_soon: '#9A6700' } as const;

export function badgeFor(openHandoffs: Handoff[], clock: BusinessClock, policy: SlaPolicy, now: number): BadgeState {
  let overdue = 0;
  let dueSoon = 0;
  let nextChangeAt: number | null = null;
  const consider = (at: number) => {
    if (at > now && (nextChangeAt === null || at < nextChangeAt)) nextChangeAt = at;
  };
  for (const handoff of openHandoffs) {
    const sla = slaStatus(handoff, clock, policy, now);
    if (sla.state === 'overdue') overdue++;
    if (sla.state === 'due_soon') {
      dueSoon++;
      consider(sla.dueAt);
    }
    if (sla.state === 'on_track') consider(clock.add(sla.dueAt, -policy.dueSoonMinutes * 60_000));
  }
  const count = overdue + dueSoon;
  return {
    text: count === 0 ? '' : count > 99 ? '99+' : String(count),
    color: overdue > 0 ? BADGE_COLORS.overdue : BADGE_COLORS.due_soon,
    title: count === 0 ? t('badgeNone') : t('badgeCounts', overdue, dueSoon),
    nextChangeAt,
  };
}
