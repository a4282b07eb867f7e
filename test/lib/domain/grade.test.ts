import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FIT_PROFILE,
  DEFAULT_GRADE_THRESHOLDS,
  DEFAULT_GRADING,
  explainScore,
  fitLetter,
  fitPoints,
  grade,
  gradeFor,
  gradeOf,
  normaliseScore,
  readinessDigit,
  type FitProfile,
} from '../../../lib/domain/grade';
import { Grade, type Fit } from '../../../lib/domain/model';
import { GradeThresholds } from '../../../lib/domain/settings-schema';

const thresholds = (fit: number[], readiness: number[]) => ({ fit, readiness }) as GradeThresholds;

describe('fitPoints', () => {
  it('scores company size, target industry and seniority, with the factors', () => {
    const fit = fitPoints({ companySize: 2400, industry: 'Manufacturing', title: '営業部長' });
    expect(fit.points).toBe(95);
    expect(fit.factors).toEqual([
      { label: 'Enterprise (1,000+ employees)', points: 40 },
      { label: 'Target industry: Manufacturing', points: 25 },
      { label: 'Role: Director or VP', points: 30 },
    ]);
  });

  it.each([
    ['CEO', 'Executive'],
    ['Chief Revenue Officer', 'Executive'],
    ['President & CEO', 'Executive'],
    ['Co-founder', 'Executive'],
    ['代表取締役社長', 'Executive'],
    ['取締役 営業本部長', 'Executive'],
    ['執行役員 CTO', 'Executive'],
    ['ＣＥＯ', 'Executive'],
    ['VP Sales', 'Director or VP'],
    ['Senior Vice President, Marketing', 'Director or VP'],
    ['Director of Operations', 'Director or VP'],
    ['Head of RevOps', 'Director or VP'],
    ['営業部長', 'Director or VP'],
    ['DX推進室 室長', 'Director or VP'],
    ['Marketing Manager', 'Manager'],
    ['Engineering Lead', 'Manager'],
    ['情報システム部 課長', 'Manager'],
    ['DX推進室 マネージャー', 'Manager'],
    ['Intern', undefined],
    ['Marketing Specialist', undefined],
    ['営業代表', undefined],
    ['マーケティング部 主任', undefined],
  ])('reads the seniority of "%s" as %s', (title, level) => {
    expect(fitPoints({ title }).factors[0]?.label).toBe(level && `Role: ${level}`);
  });

  it('puts company sizes in the largest band they reach', () => {
    const band = (companySize: number) => fitPoints({ companySize }).factors[0]?.label;
    expect(band(1000)).toBe('Enterprise (1,000+ employees)');
    expect(band(999)).toBe('Mid-market (200-999 employees)');
    expect(band(50)).toBe('Small business (50-199 employees)');
    expect(band(49)).toBeUndefined();
    const shuffled: FitProfile = { ...DEFAULT_FIT_PROFILE, sizeBands: [...DEFAULT_FIT_PROFILE.sizeBands].reverse() };
    expect(fitPoints({ companySize: 5000 }, shuffled).points).toBe(40);
  });

  it('matches target industries ignoring case and spacing, in English or Japanese', () => {
    expect(fitPoints({ industry: ' software ' }).points).toBe(25);
    expect(fitPoints({ industry: '製造業' }).factors).toEqual([{ label: 'Target industry: 製造業', points: 25 }]);
    expect(fitPoints({ industry: 'Tobacco' }).points).toBe(0);
  });

  it('gives nothing for unknown or nonsense firmographics', () => {
    expect(fitPoints({})).toEqual({ points: 0, factors: [] });
    expect(fitPoints({ companySize: Number.NaN, industry: '', title: '' })).toEqual({ points: 0, factors: [] });
    expect(fitPoints({ companySize: -5 }).points).toBe(0);
    expect(fitPoints({ companySize: Number.POSITIVE_INFINITY }).points).toBe(0);
  });

  it('keeps a generous profile within 0-100', () => {
    const generous: FitProfile = { ...DEFAULT_FIT_PROFILE, industryPoints: 90 };
    expect(fitPoints({ companySize: 5000, industry: 'Software', title: 'CEO' }, generous).points).toBe(100);
    const harsh: FitProfile = { ...DEFAULT_FIT_PROFILE, industryPoints: -50 };
    expect(fitPoints({ industry: 'Software' }, harsh)).toEqual({
      points: 0,
      factors: [{ label: 'Target industry: Software', points: -50 }],
    });
  });
});

describe('grade', () => {
  it('maps fit points and score onto the matrix at the default thresholds', () => {
    expect(grade(95, 85)).toEqual({ fit: 'A', readiness: 1, grade: 'A1' });
    expect(grade(75, 80)).toEqual({ fit: 'A', readiness: 1, grade: 'A1' });
    expect(grade(74, 79)).toEqual({ fit: 'B', readiness: 2, grade: 'B2' });
    expect(grade(50, 60)).toEqual({ fit: 'B', readiness: 2, grade: 'B2' });
    expect(grade(30, 45)).toEqual({ fit: 'C', readiness: 3, grade: 'C3' });
    expect(grade(25, 40)).toEqual({ fit: 'C', readiness: 3, grade: 'C3' });
    expect(grade(10, 5)).toEqual({ fit: 'D', readiness: 4, grade: 'D4' });
  });

  it('gives every combination a grade the model accepts', () => {
    for (let points = -10; points <= 110; points += 5) {
      for (let score = -10; score <= 110; score += 5) expect(Grade.safeParse(grade(points, score).grade).success).toBe(true);
    }
  });

  it('follows configured thresholds', () => {
    const strict = thresholds([90, 70, 40], [95, 85, 70]);
    expect(grade(80, 90, strict).grade).toBe('B2');
    expect(grade(80, 90, DEFAULT_GRADE_THRESHOLDS).grade).toBe('A1');
    // Equal thresholds leave a cell empty: here no lead is a B.
    expect(fitLetter(60, thresholds([50, 50, 25], [80, 60, 40]))).toBe('A');
  });

  it('counts out-of-range values as the nearest end, and NaN as the bottom', () => {
    expect(fitLetter(250)).toBe('A');
    expect(fitLetter(Number.POSITIVE_INFINITY)).toBe('A');
    expect(fitLetter(-1)).toBe('D');
    expect(fitLetter(Number.NaN)).toBe('D');
    expect(readinessDigit(101)).toBe(1);
    expect(readinessDigit(-3)).toBe(4);
    expect(readinessDigit(Number.NEGATIVE_INFINITY)).toBe(4);
    expect(readinessDigit(Number.NaN)).toBe(4);
  });

  it('rejects thresholds that are not finite or not highest first', () => {
    expect(() => fitLetter(50, thresholds([25, 50, 75], [80, 60, 40]))).toThrow(/fit thresholds must be three numbers, highest first/);
    expect(() => readinessDigit(50, thresholds([75, 50, 25], [80, Number.NaN, 40]))).toThrow(/readiness thresholds/);
    expect(() => grade(50, 50, thresholds([75, 50, 25], [40, 60, 80]))).toThrow(RangeError);
  });

  it('builds grades from a fit letter and a readiness digit, and nothing else', () => {
    expect(gradeOf('C', 2)).toBe('C2');
    expect(() => gradeOf('A', 0)).toThrow(/Readiness must be 1, 2, 3 or 4/);
    expect(() => gradeOf('A', 5)).toThrow(RangeError);
    expect(() => gradeOf('A', 1.5)).toThrow(RangeError);
    expect(() => gradeOf('E' as Fit, 1)).toThrow(/Fit must be one of A, B, C, D/);
  });
});

describe('normaliseScore', () => {
  it('maps a raw scale to a 0-100 integer, clamped and rounded', () => {
    expect(normaliseScore(125, { min: 0, max: 250 })).toBe(50);
    expect(normaliseScore(400, { min: 0, max: 250 })).toBe(100);
    expect(normaliseScore(-20, { min: 0, max: 250 })).toBe(0);
    expect(normaliseScore(1, { min: 0, max: 3 })).toBe(33);
    expect(normaliseScore(0, { min: -50, max: 50 })).toBe(50);
  });

  it('clamps infinities, counts NaN as 0, and rejects a broken scale', () => {
    expect(normaliseScore(Number.POSITIVE_INFINITY, { min: 0, max: 100 })).toBe(100);
    expect(normaliseScore(Number.NEGATIVE_INFINITY, { min: 0, max: 100 })).toBe(0);
    expect(normaliseScore(Number.NaN, { min: 0, max: 100 })).toBe(0);
    expect(() => normaliseScore(50, { min: 100, max: 100 })).toThrow(/lower to a higher number/);
    expect(() => normaliseScore(50, { min: 100, max: 0 })).toThrow(RangeError);
    expect(() => normaliseScore(50, { min: 0, max: Number.NaN })).toThrow(RangeError);
  });
});
describe('gradeFor', () => {
  const retailer = { companySize: 300, industry: 'retail', title: 'Marketing Manager' }; // 30 + 20 points, +25 if targeted

  it('grades as the built-in profile and thresholds do by default', () => {
    const lead = { companySize: 2400, industry: 'Manufacturing', title: '営業部長' };
    expect(gradeFor(lead, 85)).toEqual(grade(fitPoints(lead).points, 85));
    expect(gradeFor(lead, 85, DEFAULT_GRADING)).toEqual({ fit: 'A', readiness: 1, grade: 'A1' });
    expect(gradeFor(retailer, 65)).toEqual({ fit: 'B', readiness: 2, grade: 'B2' });
  });

  it("counts the grading's target industries, ignoring case, instead of the built-in ones", () => {
    const grading = { ...DEFAULT_GRADING, targetIndustries: ['Retail', '小売'] };
    expect(gradeFor(retailer, 65, grading)).toEqual({ fit: 'A', readiness: 2, grade: 'A2' });
    expect(gradeFor({ ...retailer, industry: '小売' }, 65, grading).fit).toBe('A');
    // Software is no longer a target: the same person at a software company drops a letter.
    expect(gradeFor({ companySize: 300, industry: 'Software', title: 'CTO' }, 65, grading).fit).toBe('B');
    expect(gradeFor({ companySize: 300, industry: 'Software', title: 'CTO' }, 65).fit).toBe('A');
  });

  it("uses the grading's thresholds for the letter and the digit", () => {
    const strict = { ...DEFAULT_GRADING, fit: [90, 70, 45] as [number, number, number], readiness: [95, 85, 70] as [number, number, number] };
    expect(gradeFor(retailer, 90, strict)).toEqual({ fit: 'C', readiness: 2, grade: 'C2' });
    expect(gradeFor(retailer, 90)).toEqual({ fit: 'B', readiness: 1, grade: 'B1' });
  });
});

describe('explainScore', () => {
  it('orders factors by contribution, up or down, with each one’s share', () => {
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
  });

  it('handles nothing, and factors worth nothing, without dividing by zero', () => {
    expect(explainScore([])).toEqual([]);
    expect(explainScore([{ label: 'Visited once', points: 0 }])).toEqual([{ label: 'Visited once', points: 0, share: 0 }]);
  });

  it('leaves its input alone', () => {
    const factors = [
      { label: 'a', points: 1 },
      { label: 'b', points: 2 },
    ];
    explainScore(factors);
    expect(factors.map((factor) => factor.label)).toEqual(['a', 'b']);
  });
});
