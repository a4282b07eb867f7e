import { describe, expect, it } from 'vitest';
import { describeSla, formatAge, formatDayTime, formatDuration } from '../../../lib/ui/format';

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
    expect(describeSla({ ...at, state: 'due_soon', businessMsLeft: 20 * MIN })).toBe('Due in 20m');
    expect(describeSla({ ...at, state: 'on_track', businessMsLeft: 26 * 60 * MIN })).toBe('Due in 1d 2h');
    expect(describeSla({ ...at, state: 'met', businessMsLeft: 5 })).toBe('Met');
    expect(describeSla({ ...at, state: 'missed', businessMsLeft: -5 })).toBe('Missed');
  });

  it('counts working time, not the night: due soon at 18:00 with 45 working minutes left is not "10h left"', () => {
    const overnight = { state: 'due_soon' as const, dueAt: 0, msLeft: (15 * 60 + 45) * MIN, businessMsLeft: 45 * MIN };
    expect(describeSla(overnight)).toBe('Due in 45m');
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
    const { t } = await import('../../../lib/ui/i18n');
    expect(t('updatedAgo', formatAge(10_000))).toBe('更新: たった今');
  });
});
