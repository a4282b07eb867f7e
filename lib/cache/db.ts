// The local cache: everything the card and the popup show comes from here, so it shows at once and
// offline. Only extension pages and the background open it; a content script would get the host
// page's IndexedDB instead.
import { Dexie, type EntityTable } from 'dexie';
import { DB_NAME } from './db-name';
import { crmKeysMiddleware, crmKeysOf, type StoredLead } from './crm-keys';
import type { Handoff, OutboxItem, Touch, Verdict } from '../domain/model';

/** A record from outside that failed to parse: kept with its reason, never silently dropped. */
export interface QuarantinedRecord {
  id?: number;
  kind: 'lead' | 'touch' | 'handoff' | 'deleted';
  reason: string;
  raw: unknown;
  at: number;
}

/**
 * What the rep told marketing, kept after delivery for the loop report: feedback clicks, and
 * rejected handoffs with their reason.
 */
export interface FeedbackEntry {
  /** The outbox item's id. */
  id: string;
  email: string;
  handoffId?: string;
  /** Absent for a rejection: its reason says which verdict it was. */
  verdict?: Verdict;
  reasonCode: string;
  at: number;
}

/** Small key-value facts: the sync cursor, the sync state, the demo's anchor. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

export { DB_NAME };
export const DEMO_INBOX_KEY = 'demo:inbox';

/**
 * Every schema this database has had, oldest first. A change is a new entry, never an edit: an
 * installed extension may hold any earlier version and Dexie upgrades it step by step.
 */
export const SCHEMA_HISTORY = [
  {
    version: 1,
    stores: {
      leads: 'email, stage, updatedAt',
      touches: 'id, email, at',
      handoffs: 'id, email, [assigneeEmail+firstContactDueAt]',
      outbox: 'id, nextAttemptAt',
      meta: 'key',
    },
  },
  {
    // v2: the pending queue filters by status in the index; a lead's timeline reads touches by
    // [email+at]; dead outbox items are found by state; bad records get a quarantine.
    version: 2,
    stores: {
      leads: 'email, stage, updatedAt',
      touches: 'id, [email+at]',
      handoffs: 'id, email, [assigneeEmail+status+firstContactDueAt]',
      outbox: 'id, nextAttemptAt, state',
      meta: 'key',
      quarantine: '++id, kind, at',
    },
    // v1 outbox items had no state: all of them were still waiting to be delivered.
    upgrade: (tx: import('dexie').Transaction) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((item: Partial<OutboxItem>) => {
          item.state ??= 'queued';
          item.attempts ??= 0;
        }),
  },
  {
    // v3: a log of the rep's verdicts, for the loop report.
    version: 3,
    stores: {
      leads: 'email, stage, updatedAt',
      touches: 'id, [email+at]',
      handoffs: 'id, email, [assigneeEmail+status+firstContactDueAt]',
      outbox: 'id, nextAttemptAt, state',
      meta: 'key',
      quarantine: '++id, kind, at',
      feedback: 'id, at',
    },
  },
  {
    // v4: leads by the CRM records they are (crm-keys.ts): a record page finds its person by index.
    version: 4,
    stores: {
      leads: 'email, stage, updatedAt, *crmKeys',
      touches: 'id, [email+at]',
      handoffs: 'id, email, [assigneeEmail+status+firstContactDueAt]',
      outbox: 'id, nextAttemptAt, state',
      meta: 'key',
      quarantine: '++id, kind, at',
      feedback: 'id, at',
    },
    // Leads stored before had their records already (the Lead Context API sends them): key them now.
    upgrade: (tx: import('dexie').Transaction) =>
      tx
        .table('leads')
        .toCollection()
        .modify((lead: StoredLead) => {
          const keys = crmKeysOf(lead);
          if (keys.length > 0) lead.crmKeys = keys;
        }),
  },
] as const;

export class LeadLensDb extends Dexie {
  /** Each with crmKeys derived from its crmRecords, written by crmKeysMiddleware on every put. */
  leads!: EntityTable<StoredLead, 'email'>;
  touches!: EntityTable<Touch, 'id'>;
  handoffs!: EntityTable<Handoff, 'id'>;
  outbox!: EntityTable<OutboxItem, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  feedback!: EntityTable<FeedbackEntry, 'id'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.use(crmKeysMiddleware);
    for (const schema of SCHEMA_HISTORY) {
      const version = this.version(schema.version).stores(schema.stores);
      if ('upgrade' in schema) version.upgrade(schema.upgrade);
    }
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.meta.get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.put({ key, value });
  }
}

/** Open the database, turning Dexie's failures into messages a rep or an admin can act on. */
export async function openDb(db: LeadLensDb): Promise<LeadLensDb> {
  try {
    await db.open();
    return db;
  } catch (error) {
    throw new Error(describeDbError(error), { cause: error });
  }
}

export function describeDbError(error: unknown): string {
  // Dexie wraps the browser's error (an AbortError around a QuotaExceededError, say) in `inner`.
  const inner = (error as { inner?: unknown } | null)?.inner;
  const name = inner instanceof Error && inner.name !== 'Error' ? inner.name : error instanceof Error ? error.name : '';
  switch (name) {
    case 'VersionError':
      return 'The local LeadLens cache was written by a newer version of LeadLens. Update the extension, or clear its data to start over.';
    case 'QuotaExceededError':
      return 'The disk is full: LeadLens could not save to its local cache. Free some space; nothing queued has been lost.';
    default:
      return `The local LeadLens cache could not be used: ${error instanceof Error ? error.message : String(error)}`;
  }
}
