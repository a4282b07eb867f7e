// When the rep connects another marketing system, what the old one brought leaves the cache: its
// leads, touches and handoffs would otherwise stay in the queue beside the new source's (the demo's
// 320 leads, most often). The rep's own clicks are never dropped silently: writes still waiting for
// a real source are kept and shown as undelivered, with why; the demo's, which reach no one, go.
import type { LeadLensDb } from '../cache/db';
import { FIRST_SCREEN_KEY } from '../cache/first-screen';

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
      .modify({ state: 'dead', lastError: change.undeliveredReason });
  });
}
