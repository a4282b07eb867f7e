// Grade = fit letter (who they are: company size, industry, role) + readiness digit (how engaged:
// the score). A1 is the best cell of the matrix. Thresholds come from the settings.
import type { Fit, Grade, ScoreFactor } from './model';
import type { GradeThresholds, Grading } from './settings-schema';
import { DEFAULT_GRADE_MINIMUMS, DEFAULT_TARGET_INDUSTRIES, FITS } from './vocabulary';

export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = {
  fit: structuredClone(DEFAULT_GRADE_MINIMUMS.fit),
  readiness: structuredClone(DEFAULT_GRADE_MINIMUMS.readiness),
};

export interface FitProfile {
  /** Points by minimum company size; the largest band the company reaches applies. */
  sizeBands: { minEmployees: number; points: number; label: string }[];
  /** Matched ignoring case; list the names the sources use, in each language. */
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
  targetIndustries: [...DEFAULT_TARGET_INDUSTRIES],
  industryPoints: 25,
  roles: [
    // "Vice President" is a VP, not a president; 営業代表 is a sales rep, so 代表 alone is not enough.
    {
      pattern: /\b(c[efotmirs]o|chief|founder)\b|(?<!vice[\s-]?)\bpresident\b|社長|取締役|役員|会長/i,
      points: 35,
      label: 'Executive',
    },
    { pattern: /\b(s?vp|evp|vice[\s-]president|head|director)\b|本部長|部長|室長|センター長/i, points: 30, label: 'Director or VP' },
    { pattern: /\b(manager|lead|supervisor)\b|課長|係長|マネージャー|リーダー/i, points: 20, label: 'Manager' },
  ],
};

export interface Firmographics {
  companySize?: number;
  industry?: string;
  title?: string;
}

/** Fit points 0-100 and the factors that produced them; what is unknown or nonsense adds nothing. */
export function fitPoints(
  firmographics: Firmographics,
  profile: FitProfile = DEFAULT_FIT_PROFILE,
): { points: number; factors: ScoreFactor[] } {
  const factors: ScoreFactor[] = [];
  const size = firmographics.companySize;
  if (size !== undefined && Number.isFinite(size)) {
    const bands = profile.sizeBands.filter((band) => size >= band.minEmployees);
    const band = bands.sort((a, b) => b.minEmployees - a.minEmployees)[0];
    if (band) factors.push({ label: band.label, points: band.points });
  }
  const industry = firmographics.industry?.trim();
  if (industry && profile.targetIndustries.some((target) => target.toLowerCase() === industry.toLowerCase())) {
    factors.push({ label: `Target industry: ${industry}`, points: profile.industryPoints });
  }
  // NFKC: Japanese titles often carry full-width Latin, e.g. ＣＥＯ.
  const title = firmographics.title?.normalize('NFKC');
  const role = title ? profile.roles.find((candidate) => candidate.pattern.test(title)) : undefined;
  if (role) factors.push({ label: `Role: ${role.label}`, points: role.points });
  const points = clamp(factors.reduce((sum, factor) => sum + factor.points, 0), 0, 100);
  return { points, factors };
}

/** What the settings' grading is before anyone changes it: the thresholds and industries above. */
export const DEFAULT_GRADING: Grading = {
  ...DEFAULT_GRADE_THRESHOLDS,
  targetIndustries: DEFAULT_FIT_PROFILE.targetIndustries,
};

/**
 * The grade of a lead whose source sends none: fit from its firmographics, readiness from its score,
 * on the settings' thresholds and target industries. Size bands and roles stay built-in. The sources
 * and the re-grade of the cache (regrade.ts) share this, so a lead grades the same either way.
 */
export function gradeFor(
  firmographics: Firmographics,
  score: number,
  grading: Grading = DEFAULT_GRADING,
): { fit: Fit; readiness: 1 | 2 | 3 | 4; grade: Grade } {
  const fit = fitPoints(firmographics, { ...DEFAULT_FIT_PROFILE, targetIndustries: grading.targetIndustries });
  return grade(fit.points, score, grading);
}

/** A-D; points outside 0-100 count as the nearest end, and NaN as D. */
export function fitLetter(points: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Fit {
  const [a, b, c] = checkedThresholds(thresholds.fit, 'fit');
  if (!(points >= c)) return 'D';
  return points >= a ? 'A' : points >= b ? 'B' : 'C';
}

/** 1-4 from the score; a score outside 0-100 counts as the nearest end, and NaN as 4. */
export function readinessDigit(score: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): 1 | 2 | 3 | 4 {
  const [one, two, three] = checkedThresholds(thresholds.readiness, 'readiness');
  if (!(score >= three)) return 4;
  return score >= one ? 1 : score >= two ? 2 : 3;
}

export function gradeOf(fit: Fit, readiness: number): Grade {
  if (!FITS.includes(fit)) throw new RangeError(`Fit must be one of ${FITS.join(', ')}, not ${String(fit)}.`);
  if (!Number.isInteger(readiness) || readiness < 1 || readiness > 4) {
    throw new RangeError(`Readiness must be 1, 2, 3 or 4, not ${readiness}.`);
  }
  return `${fit}${readiness}`;
}

export function grade(
  fitPointsValue: number,
  score: number,
  thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS,
): { fit: Fit; readiness: 1 | 2 | 3 | 4; grade: Grade } {
  const fit = fitLetter(fitPointsValue, thresholds);
  const readiness = readinessDigit(score, thresholds);
  return { fit, readiness, grade: gradeOf(fit, readiness) };
}

/** A source's raw score on its own scale, as an integer 0-100; NaN counts as 0. */
export function normaliseScore(raw: number, scale: { min: number; max: number }): number {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || !(scale.max > scale.min)) {
    throw new RangeError(`A score scale must run from a lower to a higher number, not ${scale.min}-${scale.max}.`);
  }
  if (Number.isNaN(raw)) return 0;
  return Math.round(clamp(((raw - scale.min) / (scale.max - scale.min)) * 100, 0, 100));
}

export interface ScoreExplanation {
  label: string;
  points: number;
  /** This factor's part of all the points moved, up or down: 0-1, summing to 1. */
  share: number;
}

/** "Why this score": factors by the size of their contribution, each with its share of the whole. */
export function explainScore(factors: ScoreFactor[]): ScoreExplanation[] {
  const total = factors.reduce((sum, factor) => sum + Math.abs(factor.points), 0);
  return [...factors]
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map(({ label, points }) => ({ label, points, share: total === 0 ? 0 : Math.abs(points) / total }));
}

/** Thresholds must be finite and highest first; anything else is a settings bug, not a D. */
function checkedThresholds(tuple: readonly [number, number, number], what: string): readonly [number, number, number] {
  const [first, second, third] = tuple;
  if (!tuple.every(Number.isFinite) || first < second || second < third) {
    throw new RangeError(`The ${what} thresholds must be three numbers, highest first, not ${tuple.join(', ')}.`);
  }
  return tuple;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
