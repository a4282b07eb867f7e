import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADE_THRESHOLDS,
  explainScore,
  fitLetter,
  fitPoints,
  grade,
  normaliseScore,
  readinessDigit,
} from '../../lib/grade';

describe('fit', () => {
  it('scores company size, target industry and seniority, with the factors', () => {
    const fit = fitPoints({ companySize: 2400, industry: 'Manufacturing', title: '営業部長' });
    expect(fit.points).toBe(95);
    expect(fit.factors.map((factor) => factor.label)).toEqual([
      'Enterprise (1,000+ employees)',
      'Target industry: Manufacturing',
      'Role: Director or VP',
    ]);
  });

  it('reads seniority from English and Japanese titles', () => {
    const role = (title: string) => fitPoints({ title }).factors[0]?.label;
    expect(role('Chief Revenue Officer')).toBe('Role: Executive');
    expect(role('代表取締役社長')).toBe('Role: Executive');
    expect(role('VP Sales')).toBe('Role: Director or VP');
    expect(role('情報システム部 課長')).toBe('Role: Manager');
    expect(role('Marketing Manager')).toBe('Role: Manager');
    expect(role('Intern')).toBeUndefined();
  });

  it('gives nothing for unknown or nonsense firmographics', () => {
    expect(fitPoints({})).toEqual({ points: 0, factors: [] });
    expect(fitPoints({ companySize: Number.NaN, industry: 'Tobacco' }).points).toBe(0);
  });
});

describe('grade', () => {
  it('maps fit points and score onto the matrix at the default thresholds', () => {
    expect(grade(95, 85)).toEqual({ fit: 'A', readiness: 1, grade: 'A1' });
    expect(grade(75, 80)).toEqual({ fit: 'A', readiness: 1, grade: 'A1' });
    expect(grade(74, 79)).toEqual({ fit: 'B', readiness: 2, grade: 'B2' });
    expect(grade(30, 45)).toEqual({ fit: 'C', readiness: 3, grade: 'C3' });
    expect(grade(10, 5)).toEqual({ fit: 'D', readiness: 4, grade: 'D4' });
  });

  it('follows configured thresholds', () => {
    const strict = { fit: [90, 70, 40] as [number, number, number], readiness: [95, 85, 70] as [number, number, number] };
    expect(grade(80, 90, strict).grade).toBe('B2');
    expect(grade(80, 90, DEFAULT_GRADE_THRESHOLDS).grade).toBe('A1');
  });

  it('puts NaN at the bottom rather than anywhere else', () => {
    expect(fitLetter(Number.NaN)).toBe('D');
    expect(readinessDigit(Number.NaN)).toBe(4);
  });
});

describe('normaliseScore', () => {
  it('maps a raw scale to 0-100, clamped and rounded', () => {
    expect(normaliseScore(125, { min: 0, max: 250 })).toBe(50);
    expect(normaliseScore(400, { min: 0, max: 250 })).toBe(100);
    expect(normaliseScore(-20, { min: 0, max: 250 })).toBe(0);
    expect(normaliseScore(1, { min: 0, max: 3 })).toBe(33);
  });

  it('returns 0 for a non-number or a broken scale', () => {
    expect(normaliseScore(Number.NaN, { min: 0, max: 100 })).toBe(0);
    expect(normaliseScore(50, { min: 100, max: 100 })).toBe(0);
  });
});

describe('explainScore', () => {
  it('orders factors by contribution with each one’s share', () => {
    expect(
      explainScore([
        { label: 'Opened 3 emails', points: 10 },
        { label: 'Requested a demo', points: 30 },
        { label: 'Unsubscribed', points: -10 },
      ]),
    ).toEqual([
      { label: 'Requested a demo', points: 30, share: 0.6 },
      { label: 'Opened 3 emails', points: 10, share: 0.2 },
      { label: 'Unsubscribed', points: -10, share: 0.2 },
    ]);
    expect(explainScore([])).toEqual([]);
  });
});
