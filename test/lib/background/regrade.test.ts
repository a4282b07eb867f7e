import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { DEFAULT_GRADING, gradeFor } from '../../../lib/domain/grade';
import type { Lead } from '../../../lib/domain/model';
import type { Grading, Settings } from '../../../lib/domain/settings-schema';
import { applyGrading, GRADING_APPLIED_KEY, regradeCache, sameGrading } from '../../../lib/background/regrade';
import { makeLead } from '../../fixtures/factories';

const INDUSTRIES = ['Retail', 'Software', '小売', 'Mining', undefined];
const TITLES = ['CEO', 'Marketing Manager', 'Intern', '営業部長'];

/** Leads of every kind, graded as a source would have with `grading`. */
function gradedLeads(count: number, grading: Grading = DEFAULT_GRADING): Lead[] {
  return Array.from({ length: count }, (_, n) => {
    const firmographics = { companySize: [20, 120, 400, 3000][n % 4], industry: INDUSTRIES[n % 5], title: TITLES[n % 4]! };
    const score = (n * 37) % 101;
    return makeLead(n, { ...firmographics, score, ...gradeFor(firmographics, score, grading) });
  });
}

const RETAIL: Grading = { fit: [75, 50, 25], readiness: [90, 70, 50], targetIndustries: ['Retail', '小売'] };
const settingsWith = (kind: Settings['source']['kind'], grading: Grading): Settings => ({
  ...DEFAULT_SETTINGS,
  source: { kind, demoSeed: 1, ...(kind === 'http' && { baseUrl: 'https://api.example.com' }) },
  grading,
});

/** In key order, as IndexedDB keeps them. */
const byEmail = (leads: Lead[]) => [...leads].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));

let db: LeadLensDb;
beforeEach(() => {
  db = new LeadLensDb(`regrade-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('regradeCache', () => {
  it('grades every cached lead again from its own fields, writing only those whose grade changed', async () => {
    const leads = gradedLeads(60);
    await db.leads.bulkPut(leads);
    const bulkPut = vi.spyOn(db.leads, 'bulkPut'); // still writes: a spy calls through

    const changed = await regradeCache(db, RETAIL);
    const written = bulkPut.mock.calls.flatMap(([items]) => items.map((lead) => lead.email!));

    const expected = leads.map((lead) => ({ ...lead, ...gradeFor(lead, lead.score, RETAIL) }));
    const differing = expected.filter((lead, n) => lead.grade !== leads[n]!.grade).map((lead) => lead.email);
    expect(differing.length).toBeGreaterThan(10);
    expect(differing.length).toBeLessThan(60);
    expect(changed).toBe(differing.length);
    expect(written.sort()).toEqual(differing.sort());
    expect(await db.leads.toArray()).toEqual(byEmail(expected));
  });

  it('works through the cache in batches, missing and repeating no lead at their edges', async () => {
    const leads = gradedLeads(25);
    await db.leads.bulkPut(leads);
    const reads = vi.spyOn(db, 'transaction');
    // 25 leads in batches of 10: three batches, the last one short.
    const changed = await regradeCache(db, RETAIL, 10);
    expect(reads).toHaveBeenCalledTimes(3);
    const stored = await db.leads.toArray();
    expect(stored).toHaveLength(25);
    for (const lead of stored) expect(lead.grade).toBe(gradeFor(lead, lead.score, RETAIL).grade);
    expect(changed).toBe(leads.filter((lead) => lead.grade !== gradeFor(lead, lead.score, RETAIL).grade).length);
    // A batch that ends exactly at the last lead is followed by one empty read, and all is still done.
    expect(await regradeCache(db, DEFAULT_GRADING, 5)).toBe(changed);
    for (const lead of await db.leads.toArray()) expect(lead.grade).toBe(gradeFor(lead, lead.score).grade);
  });

  it('does nothing to an empty cache', async () => {
    expect(await regradeCache(db, RETAIL)).toBe(0);
  });
});

describe('applyGrading', () => {
  it('re-grades once per change of the grading, and remembers the grading it applied', async () => {
    await db.leads.bulkPut(gradedLeads(30));
    expect(await applyGrading(db, settingsWith('hubspot', DEFAULT_GRADING))).toBe(false); // the cache was graded this way
    expect(await db.getMeta(GRADING_APPLIED_KEY)).toBeUndefined();

    expect(await applyGrading(db, settingsWith('hubspot', RETAIL))).toBe(true);
    expect(await db.getMeta(GRADING_APPLIED_KEY)).toEqual(RETAIL);
    for (const lead of await db.leads.toArray()) expect(lead.grade).toBe(gradeFor(lead, lead.score, RETAIL).grade);
    // The same grading again, industries in another order: nothing to do.
    expect(await applyGrading(db, settingsWith('marketo', { ...RETAIL, targetIndustries: ['小売', 'retail'] }))).toBe(false);

    expect(await applyGrading(db, settingsWith('demo', DEFAULT_GRADING))).toBe(true);
    for (const lead of await db.leads.toArray()) expect(lead.grade).toBe(gradeFor(lead, lead.score).grade);
  });

  it("leaves the grades of the Lead Context API alone, and does not count the grading as applied", async () => {
    // Marketing's own grades need not follow LeadLens's rules at all.
    const marketing = gradedLeads(12).map((lead) => ({ ...lead, fit: 'D' as const, readiness: 4 as const, grade: 'D4' }));
    await db.leads.bulkPut(marketing);
    expect(await applyGrading(db, settingsWith('http', RETAIL))).toBe(false);
    expect(await db.leads.toArray()).toEqual(byEmail(marketing));
    expect(await db.getMeta(GRADING_APPLIED_KEY)).toBeUndefined();
  });
});

describe('sameGrading', () => {
  it('tells gradings apart by thresholds and industries, not by the order or case of the industries', () => {
    expect(sameGrading(RETAIL, { ...RETAIL, targetIndustries: ['小売', 'RETAIL'] })).toBe(true);
    expect(sameGrading(RETAIL, { ...RETAIL, readiness: [90, 70, 49] })).toBe(false);
    expect(sameGrading(RETAIL, { ...RETAIL, targetIndustries: ['Retail'] })).toBe(false);
  });
});
