// When marketing ops changes the grading, the leads already in the cache are graded again from what
// each one holds (company size, industry, title, score): a sync only brings leads that changed at the
// source, so without this the old grades would stay until each lead happened to change.
import type { LeadLensDb } from '../cache/db';
import { DEFAULT_GRADING, gradeFor } from '../domain/grade';
import type { Grading, Settings } from '../domain/settings-schema';

/** The grading the cached leads were last graded with; absent means the built-in one. */
export const GRADING_APPLIED_KEY = 'gradingApplied';
/** Leads read and written per transaction: small enough that a sync's writes never wait long. */
export const REGRADE_BATCH = 2000;

/**
 * The sources whose grades LeadLens works out itself. The Lead Context API sends marketing's own
 * grades, which LeadLens must never overwrite.
 */
export function gradesItself(kind: Settings['source']['kind']): boolean {
  return kind === 'demo' || kind === 'hubspot' || kind === 'marketo';
}

/** Two gradings that grade every lead alike; the order of the industries does not matter. */
export function sameGrading(a: Grading, b: Grading): boolean {
  const industries = (grading: Grading) => grading.targetIndustries.map((name) => name.toLowerCase()).sort();
  return JSON.stringify([a.fit, a.readiness, industries(a)]) === JSON.stringify([b.fit, b.readiness, industries(b)]);
}

/**
 * Grades every cached lead again, a batch at a time in key order, each batch in a transaction of
 * its own; writes only the leads whose grade changed and says how many that was.
 */
export async function regradeCache(db: LeadLensDb, grading: Grading, batchSize = REGRADE_BATCH): Promise<number> {
  let after: string | undefined;
  let changed = 0;
  for (;;) {
    const batch = await db.transaction('rw', db.leads, async () => {
      const from = after === undefined ? db.leads.toCollection() : db.leads.where(':id').above(after);
      const leads = await from.limit(batchSize).toArray();
      const regraded = leads.flatMap((lead) => {
        const graded = gradeFor({ companySize: lead.companySize, industry: lead.industry, title: lead.title }, lead.score, grading);
        return graded.grade === lead.grade ? [] : [{ ...lead, ...graded }];
      });
      if (regraded.length > 0) await db.leads.bulkPut(regraded);
      changed += regraded.length;
      return leads;
    });
    if (batch.length < batchSize) return changed;
    after = batch.at(-1)!.email;
  }
}

/**
 * Re-grades the cache when the settings' grading is not the one last applied, for a source that
 * LeadLens grades; says whether it did. While the Lead Context API is the source nothing is re-graded
 * nor remembered, so that going back to a source LeadLens grades brings its leads up to date.
 * Handoff deadlines stay as they are: they were set by the SLA rule that matched when each handoff came.
 */
export async function applyGrading(db: LeadLensDb, settings: Settings, batchSize = REGRADE_BATCH): Promise<boolean> {
  if (!gradesItself(settings.source.kind)) return false;
  const applied = (await db.getMeta<Grading>(GRADING_APPLIED_KEY)) ?? DEFAULT_GRADING;
  if (sameGrading(applied, settings.grading)) return false;
  await regradeCache(db, settings.grading, batchSize);
  // Remembered only once every batch is done: a re-grade cut short runs again in full next time.
  await db.setMeta(GRADING_APPLIED_KEY, settings.grading);
  return true;
}
