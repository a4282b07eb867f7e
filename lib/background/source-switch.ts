// When the rep connects another marketing system, what the old one brought leaves the cache: its
// leads, touches and handoffs would otherwise stay in the queue beside the new source's (the demo's
// 320 leads, most often). The rep's own clicks are never dropped silently: writes still waiting for
// a real source are kept and shown as undelivered, with why; the demo's, which reach no one, go.
import type { LeadLensDb } from '../cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../cache/db-name';
import { FIRST_SCREEN_KEY } from '../cache/first-screen';
import { DEMO_SOURCE_ID } from '../sources/demo/handoffs';
import type { ErrorCode } from '../ui/errors';

/** Which source the cached records came from; written once a sync of that source begins. */
export const CACHE_SOURCE_KEY = 'cacheSource';

const UNDELIVERED_REASON = 'Not delivered: LeadLens was connected to another marketing system before this went out.';
/** The reason's code (lib/ui/errors.ts): the popup says it in the rep's language. */
const UNDELIVERED_CODE: ErrorCode = 'source_changed';

/**
 * Makes the cache the given source's before its sync stores anything: when it held another
 * source's records they go (forgetPreviousSource). Caches from before this key existed are
 * taken as the current source's, except the demo's, which a real source always replaces.
 */
export async function adoptSource(db: LeadLensDb, sourceId: string): Promise<number> {
  const recorded = await db.getMeta<string>(CACHE_SOURCE_KEY);
  const previous = recorded ?? ((await db.getMeta<SyncState>(SYNC_STATE_KEY))?.sourceId === DEMO_SOURCE_ID ? DEMO_SOURCE_ID : sourceId);
  let setAside = 0;
  if (previous !== sourceId) {
    setAside = await forgetPreviousSource(db, {
      previousSourceId: previous,
      nextSourceId: sourceId,
      previousWasDemo: previous === DEMO_SOURCE_ID,
      undeliveredReason: UNDELIVERED_REASON,
    });
  }
  if (recorded !== sourceId) await db.setMeta(CACHE_SOURCE_KEY, sourceId);
  return setAside;
}

export interface SourceSwitch {
  /** The source whose records the cache holds now. */
  previousSourceId: string;
  nextSourceId: string;
  /** The previous source was the built-in demo: its writes and verdicts were never real. */
  previousWasDemo: boolean;
  /** The message kept with each write the old source never received. */
  undeliveredReason: string;
}

/** Empties the cache of the previous source's records; returns how many of the rep's writes were set aside. */
export async function forgetPreviousSource(db: LeadLensDb, change: SourceSwitch): Promise<number> {
  const tables = [db.leads, db.touches, db.handoffs, db.quarantine, db.outbox, db.feedback, db.meta];
  return db.transaction('rw', tables, async () => {
    await Promise.all([db.leads.clear(), db.touches.clear(), db.handoffs.clear(), db.quarantine.clear()]);
    await db.meta.where('key').startsWith('cursor:').delete();
    await db.meta.delete(FIRST_SCREEN_KEY);
    if (change.previousWasDemo) {
      await Promise.all([db.outbox.clear(), db.feedback.clear()]);
      return 0;
    }
    return db.outbox
      .where('state')
      .equals('queued')
      .modify({ state: 'dead', lastError: change.undeliveredReason, lastErrorCode: UNDELIVERED_CODE });
  });
}
