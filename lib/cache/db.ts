// The local cache: everything the card and the popup show comes from here, so it shows at once and
// offline. Only extension pages and the background open it; a content script would get the host
// page's IndexedDB instead.
import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { DB_NAME } from './db-name';
import { crmKeysOf, storedKeysMiddleware, withStoredKeys, type AccountKeyOf, type StoredLead } from './crm-keys';
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
/** Set when leads were upgraded to schema v5 where no accountKeyOf was at hand: the background keys them on opening. */
export const ACCOUNT_KEYS_PENDING_KEY = 'accountKeysPending';

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
  {
    // v5: leads by their account (account.ts), for the card's "who else at this company".
    version: 5,
    stores: {
      leads: 'email, stage, updatedAt, *crmKeys, accountKey',
      touches: 'id, [email+at]',
      handoffs: 'id, email, [assigneeEmail+status+firstContactDueAt]',
      outbox: 'id, nextAttemptAt, state',
      meta: 'key',
      quarantine: '++id, kind, at',
      feedback: 'id, at',
    },
    // The leads already stored get their key now; a page that opened the database first (the popup
    // after an update, say) has no accountKeyOf and leaves it to the background (keyPendingAccounts).
    upgrade: (tx: Transaction, accountKeyOf?: AccountKeyOf) =>
      accountKeyOf ? keyAccounts(tx, accountKeyOf) : tx.table('meta').put({ key: ACCOUNT_KEYS_PENDING_KEY, value: true }),
  },
] as const;

/** Every stored lead with its account key as accountKeyOf says. */
function keyAccounts(tx: Transaction, accountKeyOf: AccountKeyOf) {
  return tx
    .table('leads')
    .toCollection()
    .modify((lead: StoredLead, ref: { value: StoredLead }) => {
      ref.value = withStoredKeys(lead, accountKeyOf);
    });
}

export interface LeadLensDbOptions extends DexieOptions {
  /** Given by the background, which writes leads: each lead's account key (account.ts). */
  accountKeyOf?: AccountKeyOf;
}

export class LeadLensDb extends Dexie {
  /** Each with crmKeys (from its crmRecords) and accountKey (account.ts), written by storedKeysMiddleware on every put. */
  leads!: EntityTable<StoredLead, 'email'>;
  touches!: EntityTable<Touch, 'id'>;
  handoffs!: EntityTable<Handoff, 'id'>;
  outbox!: EntityTable<OutboxItem, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  feedback!: EntityTable<FeedbackEntry, 'id'>;

  constructor(name: string = DB_NAME, { accountKeyOf, ...options }: LeadLensDbOptions = {}) {
    super(name, options);
    this.use(storedKeysMiddleware(accountKeyOf));
    for (const schema of SCHEMA_HISTORY) {
      const version = this.version(schema.version).stores(schema.stores);
      if ('upgrade' in schema) version.upgrade((tx) => schema.upgrade(tx, accountKeyOf));
    }
    if (accountKeyOf) this.on('ready', () => keyPendingAccounts(this, accountKeyOf));
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.meta.get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.put({ key, value });
  }
}

/** Keys the leads a page upgraded without account keys (schema v5): once, before anything else reads them. */
async function keyPendingAccounts(db: LeadLensDb, accountKeyOf: AccountKeyOf): Promise<void> {
  if (!(await db.getMeta<boolean>(ACCOUNT_KEYS_PENDING_KEY))) return;
  await db.transaction('rw', db.leads, db.meta, async (tx) => {
    await keyAccounts(tx, accountKeyOf);
    await db.meta.delete(ACCOUNT_KEYS_PENDING_KEY);
  });
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
