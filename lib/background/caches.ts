// What the background keeps between messages because it is costly to build: the business clock
// for the calendar, and the source for the saved connection.
import type { LeadLensDb } from '../cache/db';
import type { Settings } from '../domain/settings-schema';
import type { LeadSource } from '../sources/source';
import { createBusinessClock, type BusinessClock } from '../time/sla';
import { savedTokenFor } from './tokens';

/** Building a clock parses the holiday rules: one per calendar, kept while the calendar stays the same. */
export function createClockCache(): (calendar: Settings['calendar']) => BusinessClock {
  let cached: { key: string; clock: BusinessClock } | null = null;
  return function clockFor(calendar) {
    const key = JSON.stringify(calendar);
    if (cached?.key !== key) cached = { key, clock: createBusinessClock(calendar) };
    return cached.clock;
  };
}

export type SourceFor = (settings: Settings, token?: string) => Promise<LeadSource>;

/**
 * The source for the saved connection, kept while the connection and what the adapter depends on
 * stay the same, so that what it learnt (HubSpot's owners, Marketo's access token) serves every
 * sync and lookup of this worker's life. A token being tried out gets a source of its own; the
 * saved token only one whose base URL is the one it was saved with (tokens.ts), the policy's token
 * only the connection the policy names (lib/domain/policy.ts, policyToken).
 */
export function createSourceCache(
  db: LeadLensDb,
  build: (settings: Settings, token: string | undefined) => LeadSource,
  policyToken: (source: Settings['source']) => Promise<string | undefined> = async () => undefined,
): SourceFor {
  let cached: { key: string; source: LeadSource } | null = null;
  return async function sourceFor(settings, token) {
    if (token !== undefined) return build(settings, token);
    // The organisation's token, for exactly the connection its policy names, before the rep's own.
    const saved = (await policyToken(settings.source)) ?? (await savedTokenFor(db, settings.source));
    const key = JSON.stringify([settings.source, settings.repEmail, settings.calendar, settings.slaPolicy, settings.grading, saved]);
    if (cached?.key !== key) cached = { key, source: build(settings, saved) };
    return cached.source;
  };
}
