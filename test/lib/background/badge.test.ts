import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { badgeFor, BADGE_COLORS } from '../../../lib/background/badge';
import { createBusinessClock } from '../../../lib/time/sla';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../lib/domain/default-settings';
import { makeHandoff } from '../../fixtures/factories';

const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis();
const clock = createBusinessClock(DEFAULT_CALENDAR);
const now = tokyo('2026-11-17T11:00');
const due = (iso: string, n: number) => makeHandoff(n, { firstContactDueAt: tokyo(iso) });

describe('badgeFor', () => {
  it('is empty when nothing needs the rep, and says when something will', () => {
    const badge = badgeFor([due('2026-11-18T15:00', 1)], clock, DEFAULT_SLA_POLICY, now);
    expect(badge.text).toBe('');
    expect(badge.title).toBe('LeadLens: no handoffs need you now');
    expect(badge.nextChangeAt).toBe(tokyo('2026-11-18T13:00')); // two business hours before
  });

  it('counts overdue and due-soon handoffs, red when any is overdue', () => {
    const badge = badgeFor(
      [due('2026-11-17T10:00', 1), due('2026-11-17T12:30', 2), due('2026-11-17T12:00', 3), due('2026-11-20T12:00', 4)],
      clock,
      DEFAULT_SLA_POLICY,
      now,
    );
    expect(badge).toEqual({
      text: '3',
      color: BADGE_COLORS.overdue,
      title: 'LeadLens: 1 overdue, 2 due soon',
      nextChangeAt: tokyo('2026-11-17T12:00'),
    });
  });

  it('is amber when the worst is due soon, and caps the text', () => {
    expect(badgeFor([due('2026-11-17T12:00', 1)], clock, DEFAULT_SLA_POLICY, now).color).toBe(BADGE_COLORS.due_soon);
    const many = Array.from({ length: 120 }, (_, n) => due('2026-11-16T10:00', n));
    expect(badgeFor(many, clock, DEFAULT_SLA_POLICY, now).text).toBe('99+');
  });
});
