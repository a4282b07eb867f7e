// @vitest-environment happy-dom
// The Definitions in the rep's language: every stage with what it means, the grading matrix with
// its thresholds and target industries, the SLA rules with their business-hour deadlines and the
// calendar they count on, the feedback reasons, and where each comes from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Definitions } from '../../../components/options/Definitions';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import type { Policy } from '../../../lib/domain/policy-schema';
import { loadLanguage, useMessages } from '../../../lib/ui/i18n';
import { loaded } from './loaded';

let container: HTMLElement;
afterEach(async () => {
  render(null, container);
  container.remove();
  await loadLanguage('auto');
});

const ORGANISATION: Policy = {
  grading: { fit: [75, 50, 25], readiness: [80, 60, 40], targetIndustries: ['Manufacturing', '製造業'] },
  calendar: { ...DEFAULT_SETTINGS.calendar, timeZone: 'Asia/Tokyo', holidayCountry: 'JP', week: [...DEFAULT_SETTINGS.calendar.week.slice(0, 5), null, null] as typeof DEFAULT_SETTINGS.calendar.week },
};
const MARKETING: Policy = {
  slaPolicy: {
    rules: [
      { id: 'hot', name: 'Hot lead', match: { grades: ['A1', 'A2'], stages: ['mql'] }, firstContactHours: 1, followUpHours: [4, 24] },
      { id: 'all', name: 'Every handoff', match: {}, firstContactHours: 2, followUpHours: [] },
    ],
    dueSoonMinutes: 60,
  },
};

function show() {
  container = document.createElement('div');
  document.body.append(container);
  render(<Definitions loaded={loaded(DEFAULT_SETTINGS, { layers: { managed: ORGANISATION, marketing: MARKETING }, marketingFetchedAt: Date.UTC(2026, 10, 20) })} />, container);
  return container.querySelector('#definitions')!;
}
const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((element) => element.textContent);

describe('Definitions', () => {
  it('says what each stage means, in English', () => {
    const definitions = show();
    expect(definitions.querySelector('h2')!.textContent).toBe('Definitions');
    expect(texts(definitions, '.stage-definitions dt')).toEqual(['Subscriber', 'Lead', 'MQL', 'SQL', 'Opportunity', 'Customer', 'Recycled', 'Disqualified']);
    expect(texts(definitions, '.stage-definitions dd').every((text) => text!.length > 30)).toBe(true);
    expect(definitions.querySelector('.stage-definitions')!.textContent).toContain('Marketing qualified: fits the target profile');
  });

  it('draws the grading matrix with its thresholds and the target industries, set by the organisation', () => {
    const definitions = show();
    const matrix = definitions.querySelector('.matrix')!;
    expect(texts(matrix, 'thead th')).toEqual(['Readiness 1: score 80 or more', 'Readiness 2: score 60 or more', 'Readiness 3: score 40 or more', 'Readiness 4: score under 40']);
    expect(texts(matrix, 'tbody th')).toEqual(['Fit A: 75 points or more', 'Fit B: 50 points or more', 'Fit C: 25 points or more', 'Fit D: under 25 points']);
    expect(texts(matrix, 'tbody td')).toHaveLength(16);
    expect(matrix.querySelector('[data-grade="A1"]')!.textContent).toBe('A1');
    expect(definitions.textContent).toContain('Target industries: Manufacturing, 製造業');
    expect(matrix.previousElementSibling!.textContent).toBe('Set by your organisation');
  });

  it('lists the SLA rules with their business-hour deadlines, agreed with marketing, and the calendar', () => {
    const definitions = show();
    expect(texts(definitions, '.sla-definitions strong')).toEqual(['Hot lead', 'Every handoff']);
    expect(texts(definitions, '.sla-definitions span')).toEqual([
      'Stage MQL · Grade A1, A2',
      'First contact within 1 business hour, then follow-ups at 4, 24 business hours',
      'Every handoff',
      'First contact within 2 business hours',
    ]);
    expect(definitions.querySelector('.sla-definitions')!.previousElementSibling!.previousElementSibling!.textContent).toMatch(/^Agreed with marketing, fetched .*2026/);
    const calendar = definitions.querySelector('.calendar-definition')!;
    expect(texts(calendar, 'dd')[0]).toBe('Asia/Tokyo');
    expect(texts(calendar, 'dd')[1]).toBe('Japan');
    expect(texts(calendar, 'li')).toEqual(['Monday: 09:00–18:00', 'Tuesday: 09:00–18:00', 'Wednesday: 09:00–18:00', 'Thursday: 09:00–18:00', 'Friday: 09:00–18:00', 'Saturday: Closed', 'Sunday: Closed']);
  });

  it("lists the feedback reasons per verdict as the rep's own", () => {
    const definitions = show();
    const reasons = definitions.querySelector('.reason-definitions')!;
    expect(texts(reasons, 'dt')).toEqual(['Good lead', 'Not a fit', 'Bad timing', 'Wrong contact']);
    expect(texts(reasons, 'dd')[1]).toBe('Company too small, Wrong industry, No budget');
    expect(reasons.previousElementSibling!.textContent).toBe('Your own setting');
  });

  it("reads in Japanese for a rep who chose it", () => {
    useMessages('ja', JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/ja/messages.json'), 'utf8')));
    const definitions = show();
    expect(definitions.querySelector('h2')!.textContent).toBe('定義');
    expect(texts(definitions, '.stage-definitions dt')).toEqual(['購読者', 'リード', 'MQL', 'SQL', '商談', '顧客', 'ナーチャリングへ戻し', '対象外']);
    expect(definitions.querySelector('.stage-definitions')!.textContent).toContain('営業に引き渡す段階');
    expect(texts(definitions, '.matrix tbody th')[0]).toBe('適合度 A：75 ポイント以上');
    expect(texts(definitions, '.sla-definitions span').slice(0, 2)).toEqual(['ステージ：MQL · グレード：A1、A2', '初回連絡は 1 営業時間以内、その後 4、24 営業時間後にフォローアップ']);
    expect(definitions.textContent).toContain('組織が設定');
  });
});
