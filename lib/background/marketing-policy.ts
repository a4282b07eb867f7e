// The marketing system's policy, fetched with each sync from a source that has one (the Lead Context
// API's GET /v1/policy) and cached in the database with the connection it came from and when
// (lib/cache/policy.ts). A failed fetch keeps the last policy fetched: the team's agreement does
// not vanish while the API is down. What it holds is read field by field where settings are read.
import type { LeadLensDb } from '../cache/db';
import { storedMarketingPolicy, storeMarketingPolicy } from '../cache/policy';
import { connectionKey, sameJson } from '../domain/policy';
import type { Settings } from '../domain/settings-schema';
import type { LeadSource } from '../sources/source';

/** Fetches and caches the source's policy; resolves whether the policy in force for this connection changed. */
export async function refreshMarketingPolicy(db: LeadLensDb, source: LeadSource, connection: Settings['source'], at: number): Promise<boolean> {
  if (!source.policy) return false;
  let body: Record<string, unknown> | null;
  try {
    body = await source.policy();
  } catch (error) {
    console.warn('LeadLens: could not fetch the marketing policy; the last one fetched stays', error);
    return false;
  }
  const previous = await storedMarketingPolicy(db);
  const before = previous?.connection === connectionKey(connection) ? previous.body : null;
  await storeMarketingPolicy(db, { connection, fetchedAt: at, body });
  return !sameJson(before ?? null, body);
}
