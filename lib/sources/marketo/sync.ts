// The delta sync: pages of lead activities read on from the paging token kept in the cursor, the leads
// they name (leads.ts), and the touches among them (map.ts).
import { z } from 'zod';
import type { Touch } from '../../domain/model';
import { activities, pagingToken } from './activities';
import { MarketoApiError } from './client';
import { fetchLeads, MAX_BATCH, type LeadReader } from './leads';
import { parseActivities, SYNC_ACTIVITY_TYPES, TOUCH_ACTIVITIES, toTouch, type WireActivity } from './map';
import type { ChangesPage, RejectedRecord } from '../source';

const DAY = 86_400_000;

export interface SyncContext extends LeadReader {
  now: () => number;
  /** How far back the first sync reads activities. */
  lookbackDays: number;
}

interface Cursor {
  /** The next paging token, and the latest activity date seen: a refused token restarts there. */
  token: string;
  since: string;
}
const CursorBody = z.object({ v: z.literal(1), token: z.string().min(1), since: z.string().min(1) });

/** The changes after `cursorText`: one page of activities, with the leads they name. */
export async function readChanges(context: SyncContext, cursorText: string | null, limit: number): Promise<ChangesPage> {
  const page = await activitiesPage(context, readCursor(cursorText), limit);
  const rejected: RejectedRecord[] = [];
  const activityList = parseActivities(page.result, rejected);
  const leadIds = [...new Set(activityList.map((activity) => activity.leadId))];
  const { leads, handoffs, emailById } = await fetchLeads(context, 'id', leadIds, rejected);
  const touches = touchesOf(activityList, emailById, rejected);
  const latest = Math.max(Date.parse(page.since), ...activityList.map((activity) => activity.activityDate));
  return {
    leads,
    touches,
    handoffs,
    deleted: [], // Get Deleted Leads names lead ids only, and a deleted lead's email can no longer be read
    rejected,
    nextCursor: JSON.stringify({ v: 1, token: page.nextPageToken, since: new Date(latest).toISOString() }),
    hasMore: page.moreResult,
  };
}

/** The page after the cursor, or from the lookback on the first sync; a refused token restarts by date. */
async function activitiesPage({ call, now, lookbackDays }: SyncContext, cursor: Cursor | null, limit: number) {
  const query = { activityTypeIds: SYNC_ACTIVITY_TYPES.join(','), batchSize: String(Math.max(1, Math.min(limit, MAX_BATCH))) };
  const since = cursor?.since ?? new Date(now() - lookbackDays * DAY).toISOString();
  try {
    return { since, ...(await activities(call, cursor?.token ?? (await pagingToken(call, since)), query)) };
  } catch (error) {
    // Marketo does not document how long a paging token lives, nor the code for a stale one.
    // Restart a second before the latest activity seen: one at the same second may not have been read.
    if (!cursor || !(error instanceof MarketoApiError) || !error.refusesPagingToken) throw error;
    const overlap = new Date(Date.parse(since) - 1000).toISOString();
    return { since, ...(await activities(call, await pagingToken(call, overlap), query)) };
  }
}

/** The touch activities, each for its lead's address; one whose lead was not read goes to rejected. */
function touchesOf(activityList: WireActivity[], emailById: Map<number, string>, rejected: RejectedRecord[]): Touch[] {
  const touches: Touch[] = [];
  for (const activity of activityList) {
    const type = TOUCH_ACTIVITIES[activity.activityTypeId];
    const email = emailById.get(activity.leadId);
    if (type && email) touches.push(toTouch(activity, type, email));
    else if (type) rejected.push({ kind: 'touch', reason: `Touch: leadId: lead ${activity.leadId} was not found or was rejected`, raw: activity });
  }
  return touches;
}

function readCursor(text: string | null): Cursor | null {
  if (text === null) return null;
  try {
    const parsed = CursorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not ours (another version's cursor): start afresh rather than fail every sync
  }
}
