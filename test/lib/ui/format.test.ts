import { describe, expect, it } from 'vitest';
import { describeSla, describeSlaWithDeadline, formatAge, formatDayTime, formatDuration } from '../../../lib/ui/format';

const MIN = 60_000;

describe('formatDuration', () => {
  it.each([
    [0, '1m'],
    [30_000, '1m'],
    [45 * MIN, '45m'],
    [125 * MIN, '2h 5m'],
    [-125 * MIN, '2h 5m'],
    [13 * 60 * MIN, '13h'],
    [(3 * 24 * 60 + 4 * 60 + 10) * MIN, '3d 4h'],
    [(24 * 60 + 20) * MIN, '1d'],
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
  const at = { dueAt: 0, msLeft: 0 };
  it('says how late, how long left, or the outcome, in working time', () => {
    expect(describeSla({ ...at, state: 'overdue', businessMsLeft: -90 * MIN })).toBe('Overdue by 1h 30m');
    expect(describeSla({ ...at, state: 'due_soon', businessMsLeft: 20 * MIN })).toBe('20m left');
    expect(describeSla({ ...at, state: 'on_track', businessMsLeft: 26 * 60 * MIN })).toBe('1d 2h left');
    expect(describeSla({ ...at, state: 'met', businessMsLeft: 5 })).toBe('Met');
    expect(describeSla({ ...at, state: 'missed', businessMsLeft: -5 })).toBe('Missed');
  });

  it('counts working time, not the night: due soon at 18:00 with 45 working minutes left is not "10h left"', () => {
    const overnight = { state: 'due_soon' as const, dueAt: 0, msLeft: (15 * 60 + 45) * MIN, businessMsLeft: 45 * MIN };
    expect(describeSla(overnight)).toBe('45m left');
  });
});

describe('describeSlaWithDeadline', () => {
  const now = new Date(2026, 10, 30, 12, 15).getTime();
  const status = (state: 'due_soon' | 'overdue' | 'met', dueAt: number, businessMsLeft: number) => ({ state, dueAt, msLeft: dueAt - now, businessMsLeft });

  it('puts the clock deadline beside the working time left: the time alone today, with the date on another day', () => {
    expect(describeSlaWithDeadline(status('due_soon', new Date(2026, 10, 30, 14, 30).getTime(), 135 * MIN), now)).toBe('2h 15m left · due 14:30');
    const tomorrow = new Date(2026, 11, 1, 9, 30).getTime();
    expect(describeSlaWithDeadline(status('due_soon', tomorrow, 45 * MIN), now)).toBe(`45m left · due ${formatDayTime(tomorrow)}`);
    expect(formatDayTime(tomorrow)).toMatch(/12\/1.*09:30/);
    expect(describeSlaWithDeadline(status('overdue', new Date(2026, 10, 30, 11, 0).getTime(), -75 * MIN), now)).toBe('Overdue by 1h 15m · was due 11:00');
  });

  it('gives no clock for an outcome', () => {
    expect(describeSlaWithDeadline(status('met', new Date(2026, 10, 30, 14, 30).getTime(), 0), now)).toBe('Met');
  });
});

describe('formatDayTime', () => {
  it('gives the clock deadline as month/day and 24-hour time', () => {
    const at = new Date(2026, 10, 30, 14, 0).getTime();
    expect(formatDayTime(at)).toMatch(/11\/30.*14:00/);
  });
});

describe('in Japanese', () => {
  it('writes durations and ages as Japanese UI copy does', async () => {
    const { useMessages } = await import('../../../lib/ui/i18n');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const read = (language: string) => JSON.parse(readFileSync(join(__dirname, `../../../public/_locales/${language}/messages.json`), 'utf8'));
    useMessages('ja', read('ja'));
    const at = { dueAt: 0, msLeft: 0 };
    expect(describeSla({ ...at, state: 'due_soon', businessMsLeft: 135 * MIN })).toBe('残り2時間15分');
    expect(describeSla({ ...at, state: 'overdue', businessMsLeft: -(26 * 60) * MIN })).toBe('1日2時間超過');
    expect(describeSla({ ...at, state: 'on_track', businessMsLeft: 13 * 60 * MIN })).toBe('残り13時間');
    expect(describeSla({ ...at, state: 'overdue', businessMsLeft: -24 * 60 * MIN })).toBe('1日超過');
    expect(formatDayTime(new Date(2026, 10, 30, 14, 0).getTime())).toBe('11/30 14:00');
    const now = new Date(2026, 10, 30, 12, 15).getTime();
    const dueAt = new Date(2026, 10, 30, 14, 30).getTime();
    expect(describeSlaWithDeadline({ state: 'due_soon', dueAt, msLeft: dueAt - now, businessMsLeft: 135 * MIN }, now)).toBe('残り2時間15分・14:30まで');
    const tomorrow = new Date(2026, 11, 1, 9, 30).getTime();
    expect(describeSlaWithDeadline({ state: 'on_track', dueAt: tomorrow, msLeft: tomorrow - now, businessMsLeft: 5 * 60 * MIN }, now)).toBe('残り5時間・12/1 09:30まで');
    const late = new Date(2026, 10, 30, 11, 0).getTime();
    expect(describeSlaWithDeadline({ state: 'overdue', dueAt: late, msLeft: late - now, businessMsLeft: -75 * MIN }, now)).toBe('1時間15分超過・期限 11:00');
    const { t } = await import('../../../lib/ui/i18n');
    expect(t('updatedAgo', formatAge(10_000))).toBe('更新: たった今');
  });
});
