import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reasonName, ruleName } from '../../../components/options/strings';
import { parseClockTime } from '../../../components/options/TimeInput';
import { DEFAULT_SLA_POLICY } from '../../../lib/domain/default-settings';
import { useMessages } from '../../../lib/ui/i18n';

const japanese = () => useMessages('ja', JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/ja/messages.json'), 'utf8')));

describe('ruleName', () => {
  it('names the built-in rules in the UI language while they keep their built-in name', () => {
    japanese();
    expect(DEFAULT_SLA_POLICY.rules.map(ruleName)).toEqual([
      'ホットリード（グレード A1・A2・B1）',
      'ホットリード（スコア80以上）',
      'MQL（マーケティング認定リード）',
      '上記以外のすべての引き渡し',
    ]);
  });

  it('keeps a name the team gave, and any rule of its own', () => {
    japanese();
    expect(ruleName({ id: 'mql', name: 'MQL（展示会）' })).toBe('MQL（展示会）');
    expect(ruleName({ id: 'rule-abc', name: 'Marketing qualified' })).toBe('Marketing qualified');
  });
});

describe('reasonName', () => {
  it('names a reason by its wording, a built-in one in the UI language, never by its code', () => {
    expect(reasonName('too_small', [{ code: 'too_small', label: '' }])).toBe('Company too small');
    expect(reasonName('too_small', [{ code: 'too_small', label: 'Under 50 employees' }])).toBe('Under 50 employees');
    expect(reasonName('not_a_fit', [])).toBe('Not a fit');
    expect(reasonName('student_or_job_seeker', [])).toBe('Student or job seeker');
    japanese();
    expect(reasonName('too_small', [])).toBe('企業規模が小さすぎる');
  });
});

describe('parseClockTime', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['930', '09:30'],
    ['0830', '08:30'],
    ['18', '18:00'],
    ['18.30', '18:30'],
    ['１８：３０', '18:30'],
    [' 23:59 ', '23:59'],
  ])('takes %s as %s', (typed, time) => expect(parseClockTime(typed)).toBe(time));

  it.each(['24:00', '12:60', '7 pm', '7:5', '', '12345'])('refuses %j', (typed) => expect(parseClockTime(typed)).toBeNull());
});
