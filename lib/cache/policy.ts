// Where the two policies over the rep's settings are kept. The organisation's comes from the
// browser's managed storage, which IT fills through enterprise policies (a schema in
// public/managed-schema.json tells Chrome its shape). The marketing system's is cached in the
// database's meta table by the sync that fetched it (lib/background/marketing-policy.ts), with the
// connection it came from and when. Both are parsed on every read (lib/domain/policy-schema.ts).
//
// The cached policy is read here with one request of plain IndexedDB, as the popup's first paint
// reads its snapshot (first-screen.ts): extension pages load settings before anything else, and
// this opens no Dexie connection to linger, and never creates the database.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { LeadLensDb } from './db';
import { DB_NAME } from './db-name';
import { parse } from '../domain/model';
import { connectionKey, effectiveSettings, policyToken, type PolicyLayers } from '../domain/policy';
import { readPolicy } from '../domain/policy-schema';
import type { Settings } from '../domain/settings-schema';

/** The meta row of the marketing system's cached policy. */
export const MARKETING_POLICY_KEY = 'marketingPolicy';

const StoredMarketingPolicy = z.object({
  /** connectionKey of the connection it was fetched from. */
  connection: z.string(),
  fetchedAt: z.number(),
  /** The body of GET /v1/policy as it came; null when the system has none (404). */
  body: z.unknown(),
});
export type StoredMarketingPolicy = z.infer<typeof StoredMarketingPolicy>;

type Connection = Pick<Settings['source'], 'kind' | 'baseUrl'>;

export async function storeMarketingPolicy(db: LeadLensDb, entry: { connection: Connection; fetchedAt: number; body: unknown }): Promise<void> {
  await db.setMeta(MARKETING_POLICY_KEY, { ...entry, connection: connectionKey(entry.connection) } satisfies StoredMarketingPolicy);
}

/** Where the policies are read from: the browser and the database, or a test's stand-ins. */
export interface PolicyReaders {
  /** Everything in managed storage. */
  managed(): Promise<unknown>;
  /** The cached marketing policy's meta value, if any. */
  marketing(): Promise<unknown>;
}

/**
 * The browser's managed storage, and the cache by its name (extension pages) or through the
 * background's own open connection, which a second one would only get in the way of while it upgrades.
 */
export function browserPolicyReaders(cache: string | LeadLensDb = DB_NAME): PolicyReaders {
  return {
    // Firefox rejects the read when no policy names LeadLens: that is no policy, not a problem.
    managed: () => browser.storage.managed.get().catch(() => ({})),
    marketing: () => (typeof cache === 'string' ? readMetaValue(cache, MARKETING_POLICY_KEY) : cache.getMeta(MARKETING_POLICY_KEY)),
  };
}

export interface PolicyState {
  layers: PolicyLayers;
  /** What the policies held that could not be used, one line each. */
  problems: string[];
  /** When the marketing system's policy in use was fetched. */
  marketingFetchedAt?: number;
}

/** Both policies over `own`; the marketing system's only while LeadLens is connected to it (the organisation may set the connection). */
export async function readPolicies(readers: PolicyReaders, own: Settings): Promise<PolicyState> {
  const [managedRaw, cachedRaw] = await Promise.all([readers.managed(), readers.marketing()]);
  const managed = readPolicy(managedRaw, 'organisation');
  const problems = [...managed.problems];
  const connection = connectionKey(effectiveSettings(own, { managed: managed.policy, marketing: {} }).source);
  if (cachedRaw === undefined) return { layers: { managed: managed.policy, marketing: {} }, problems };
  const cached = parse(StoredMarketingPolicy, 'The cached marketing policy', cachedRaw);
  if (!cached.ok) return { layers: { managed: managed.policy, marketing: {} }, problems: [...problems, cached.error.message] };
  if (cached.value.connection !== connection) return { layers: { managed: managed.policy, marketing: {} }, problems };
  const marketing = readPolicy(cached.value.body, 'marketing');
  return { layers: { managed: managed.policy, marketing: marketing.policy }, problems: [...problems, ...marketing.problems], marketingFetchedAt: cached.value.fetchedAt };
}

/** The Lead Context API token the organisation's policy gives this connection, if it names exactly this one. */
export async function policyTokenFor(readers: Pick<PolicyReaders, 'managed'>, connection: Connection): Promise<string | undefined> {
  return policyToken({ managed: readPolicy(await readers.managed(), 'organisation').policy, marketing: {} }, connection);
}

/** The cached marketing policy's meta value as stored, for the background to compare a fresh one with. */
export async function storedMarketingPolicy(db: LeadLensDb): Promise<StoredMarketingPolicy | undefined> {
  const parsed = StoredMarketingPolicy.safeParse(await db.getMeta(MARKETING_POLICY_KEY));
  return parsed.success ? parsed.data : undefined;
}

/** One meta value by plain IndexedDB; undefined when there is no database (yet), no such row, or it cannot be read. */
function readMetaValue(dbName: string, key: string): Promise<unknown> {
  return new Promise((resolve) => {
    const open = indexedDB.open(dbName);
    // It did not exist: leave it so (creating it is Dexie's job, with its schema).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(undefined);
    open.onblocked = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      try {
        const request = db.transaction('meta', 'readonly').objectStore('meta').get(key);
        request.onsuccess = () => resolve((request.result as { value?: unknown } | undefined)?.value);
        request.onerror = () => resolve(undefined);
      } catch {
        resolve(undefined); // a database without the meta table: nothing cached
      } finally {
        db.close();
      }
    };
  });
}
