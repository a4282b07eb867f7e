// Grade = fit letter (who they are: company size, industry, role) + readiness digit (how engaged:
// the score). A1 is the best cell of the matrix. Thresholds come from the settings.
import type { Fit, GradeThresholds, ScoreFactor } from './model';

export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = {
  fit: [75, 50, 25],
  readiness: [80, 60, 40],
};

export interface FitProfile {
  /** Points by minimum company size, largest band first. */
  sizeBands: { minEmployees: number; points: number; label: string }[];
  targetIndustries: string[];
  industryPoints: number;
  /** Points by seniority, matched against the job title in English or Japanese; first match wins. */
  roles: { pattern: RegExp; points: number; label: string }[];
}

export const DEFAULT_FIT_PROFILE: FitProfile = {
  sizeBands: [
    { minEmployees: 1000, points: 40, label: 'Enterprise (1,000+ employees)' },
    { minEmployees: 200, points: 30, label: 'Mid-market (200-999 employees)' },
    { minEmployees: 50, points: 15, label: 'Small business (50-199 employees)' },
  ],
  targetIndustries: ['Manufacturing', 'Software', 'Financial services', 'Logistics'],
  industryPoints: 25,
  roles: [
    { pattern: /\b(ceo|cfo|coo|cto|chief|president|founder)\b|社長|取締役|役員|執行役員|代表/i, points: 35, label: 'Executive' },
    { pattern: /\b(vp|vice president|head|director)\b|本部長|部長/i, points: 30, label: 'Director or VP' },
    { pattern: /\b(manager|lead)\b|課長|マネージャー|リーダー|主任/i, points: 20, label: 'Manager' },
  ],
};

export interface Firmographics {
  companySize?: number;
  industry?: string;
  title?: string;
}

/** Fit points 0-100 and the factors that produced them. */
export function fitPoints(firm: Firmographics, profile: FitProfile = DEFAULT_FIT_PROFILE) {
  const factors: ScoreFactor[] = [];
  const size = firm.companySize;
  const band = size !== undefined && Number.isFinite(size) ? profile.sizeBands.find((b) => size >= b.minEmployees) : undefined;
  if (band) factors.push({ label: band.label, points: band.points });
  if (firm.industry && profile.targetIndustries.includes(firm.industry)) {
    factors.push({ label: `Target industry: ${firm.industry}`, points: profile.industryPoints });
  }
  const role = firm.title ? profile.roles.find((r) => r.pattern.test(firm.title!)) : undefined;
  if (role) factors.push({ label: `Role: ${role.label}`, points: role.points });
  const points = clamp(factors.reduce((sum, factor) => sum + factor.points, 0), 0, 100);
  return { points, factors };
}

export function fitLetter(points: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Fit {
  const [a, b, c] = thresholds.fit;
  if (!(points >= c)) return 'D'; // NaN lands here too
  return points >= a ? 'A' : points >= b ? 'B' : 'C';
}

export function readinessDigit(score: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): 1 | 2 | 3 | 4 {
  const [one, two, three] = thresholds.readiness;
  if (!(score >= three)) return 4;
  return score >= one ? 1 : score >= two ? 2 : 3;
}

export function gradeOf(fit: Fit, readiness: number): string {
  return `${fit}${readiness}`;
}

export function grade(fitPointsValue: number, score: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS) {
  const fit = fitLetter(fitPointsValue, thresholds);
  const readiness = readinessDigit(score, thresholds);
  return { fit, readiness, grade: gradeOf(fit, readiness) };
}

/** A source's raw score on its own scale, as 0-100. */
export function normaliseScore(raw: number, scale: { min: number; max: number }): number {
  if (!Number.isFinite(raw) || !(scale.max > scale.min)) return 0;
  return Math.round(clamp(((raw - scale.min) / (scale.max - scale.min)) * 100, 0, 100));
}

/** "Why this score": factors by the size of their contribution, each with its share of the whole. */
export function explainScore(factors: ScoreFactor[]) {
  const total = factors.reduce((sum, factor) => sum + Math.abs(factor.points), 0);
  return [...factors]
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map((factor) => ({ ...factor, share: total === 0 ? 0 : Math.abs(factor.points) / total }));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
