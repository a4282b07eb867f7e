import { describe, expect, it } from 'vitest';
import { handoffIdOf, MAX_LATE_MS, notificationId, planReminders } from '../../../lib/background/reminders';
import type { Reminders } from '../../../lib/domain/settings-schema';
import { makeHandoff } from '../../fixtures/factories';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 17, 2, 0);
const ON: Reminders = { enabled: true, beforeMinutes: 30, atBreach: true };
const dueIn = (n: number, minutes: number, extra = {}) => makeHandoff(n, { firstContactDueAt: NOW + minutes * MINUTE, ...extra });

describe('reminders', () => {
  it('announces a warning that fell due since the last look, and wakes for the next moment', () => {
    const plan = planReminders([dueIn(1, 20), dueIn(2, 90)], ON, NOW - 15 * MINUTE, NOW);
    expect(plan.due).toEqual([expect.objectContaining({ handoffId: makeHandoff(1).id, kind: 'before', at: NOW - 10 * MINUTE })]);
    // Handoff 1 breaches in 20 minutes; handoff 2 warns in 60.
    expect(plan.nextAt).toBe(NOW + 20 * MINUTE);
  });

  it('announces nothing from before the first look, nor the same moment twice', () => {
    const handoffs = [dueIn(1, -5), dueIn(2, 10)];
    expect(planReminders(handoffs, ON, null, NOW).due).toEqual([]);
    expect(planReminders(handoffs, ON, NOW, NOW).due).toEqual([]);
  });

  it('gives a breach rather than a warning when both fell due while asleep, soonest deadline first', () => {
    const plan = planReminders([dueIn(1, -5), dueIn(2, -50), dueIn(3, 10)], ON, NOW - 2 * 60 * MINUTE, NOW);
    expect(plan.due.map((reminder) => [reminder.handoffId, reminder.kind])).toEqual([
      [makeHandoff(2).id, 'breach'],
      [makeHandoff(1).id, 'breach'],
      [makeHandoff(3).id, 'before'],
    ]);
  });

  it('keeps quiet about handoffs already answered, deadlines long past, and kinds turned off', () => {
    const answered = dueIn(1, -5, { respondedAt: NOW - 10 * MINUTE });
    const ancient = dueIn(2, -(MAX_LATE_MS / MINUTE) - 60);
    expect(planReminders([answered, ancient], ON, 0, NOW).due).toEqual([]);
    expect(planReminders([dueIn(3, -5)], { ...ON, atBreach: false }, NOW - 60 * MINUTE, NOW).due.map((r) => r.kind)).toEqual(['before']);
    expect(planReminders([dueIn(3, 10)], { ...ON, beforeMinutes: 0 }, NOW - 60 * MINUTE, NOW)).toEqual({ due: [], nextAt: NOW + 10 * MINUTE });
    expect(planReminders([dueIn(3, 10)], { ...ON, enabled: false }, NOW - 60 * MINUTE, NOW)).toEqual({ due: [], nextAt: null });
  });

  it('carries the handoff in the notification id, and nothing else passes for one', () => {
    expect(handoffIdOf(notificationId('h:1:x'))).toBe('h:1:x');
    expect(handoffIdOf('leadlens:summary')).toBeNull();
  });
});
