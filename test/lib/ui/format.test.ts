import { describe, expect, it } from 'vitest';
import { describeSla, formatAge, formatDuration } from '../../../lib/ui/format';

const MIN = 60_000;

describe('formatDuration', () => {
  it.each([
    [0, '1m'],
    [30_000, '1m'],
    [45 * MIN, '45m'],
    [125 * MIN, '2h 05m'],
    [-125 * MIN, '2h 05m'],
    [(3 * 24 * 60 + 4 * 60 + 10) * MIN, '3d 4h'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatAge', () => {
  it.each([
    [10_000, 'just now'],
    [3 * MIN, '3 min ago'],
    [150 * MIN, '2 h ago'],
    [50 * 60 * MIN, '2 d ago'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('describeSla', () => {
  const at = { dueAt: 0, businessMsLeft: 0 };
  it('says how late, how long left, or the outcome', () => {
    expect(describeSla({ ...at, state: 'overdue', msLeft: -90 * MIN })).toBe('Overdue by 1h 30m');
    expect(describeSla({ ...at, state: 'due_soon', msLeft: 20 * MIN })).toBe('Due in 20m');
    expect(describeSla({ ...at, state: 'on_track', msLeft: 26 * 60 * MIN })).toBe('Due in 1d 2h');
    expect(describeSla({ ...at, state: 'met', msLeft: 5 })).toBe('Met');
    expect(describeSla({ ...at, state: 'missed', msLeft: -5 })).toBe('Missed');
  });
});
