// The delta sync. First the rep's own leads, by the owner field (Get Leads by Filter Type), so that
// the rep's handoffs arrive in the first page; then pages of lead activities from a date-based paging
// token kept in the cursor, with the leads they name (leads.ts) and the touches among them (map.ts).
// Marketo's activity log has no owner filter: past the rep's own leads, the recent-activity window
// (lookbackDays) bounds what is read.
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
  /** How far back the first sync reads activities: the recent-activity window. */
  lookbackDays: number;
  /** Whether the first sync reads the rep's own leads before the activities. */
  ownFirst: boolean;
}

const OwnCursor = z.object({ v: z.literal(2), phase: z.literal('own') });
/** The next paging token (none yet: one is made from `since`), and the latest activity date seen. */
const ActivityCursor = z.object({ v: z.literal(2), phase: z.literal('activities'), token: z.string().min(1).optional(), since: z.string().min(1) });
const OldCursor = z.object({ v: z.literal(1), token: z.string().min(1), since: z.string().min(1) });
type Cursor = z.infer<typeof OwnCursor> | z.infer<typeof ActivityCursor>;

/** The changes after `cursorText`: the rep's own leads first, then one page of activities with the leads they name. */
export async function readChanges(context: SyncContext, cursorText: string | null, limit: number): Promise<ChangesPage> {
  const cursor = readCursor(cursorText);
  const rejected: RejectedRecord[] = [];
  const start: Cursor = { v: 2, phase: 'activities', since: new Date(context.now() - context.lookbackDays * DAY).toISOString() };
  if (cursor.phase === 'own' && context.ownFirst) {
    // Nothing of the rep's own (or no way to ask): on to the activities in this same call.
    const own = await ownLeads(context, rejected);
    if (own && own.leads.length > 0) return { ...own, touches: [], deleted: [], rejected, nextCursor: JSON.stringify(start), hasMore: true };
  }
  const page = await activitiesPage(context, cursor.phase === 'own' ? start : cursor, limit);
  const activityList = parseActivities(page.result, rejected);
  const leadIds = [...new Set(activityList.map((activity) => activity.leadId))];
  const { leads, handoffs, emailById } = await fetchLeads(context, 'id', leadIds, rejected);
  const touches = touchesOf(activityList, emailById, rejected);
  const latest = Math.max(Date.parse(page.since), ...activityList.map((activity) => activity.activityDate));
  const next: Cursor = { v: 2, phase: 'activities', token: page.nextPageToken, since: new Date(latest).toISOString() };
  return {
    leads,
    touches,
    handoffs,
    deleted: [], // Get Deleted Leads names lead ids only, and a deleted lead's email can no longer be read
    rejected,
    nextCursor: JSON.stringify(next),
    hasMore: page.moreResult,
  };
}

/**
 * The leads whose owner field holds the rep's address, or null when Marketo will not filter on it
 * (1011: not searchable; 1003: over 1,000 matches; 1006: no such field): then the activity log brings them.
 */
async function ownLeads(context: SyncContext, rejected: RejectedRecord[]) {
  try {
    return await fetchLeads(context, context.names.ownerEmail, [context.handoffs.repEmail], rejected);
  } catch (error) {
    if (error instanceof MarketoApiError && error.kind === 'rejected') return null;
    throw error;
  }
}

/** The page at the cursor's token, or made from its date. A stored token Marketo refuses is made again from the date, once. */
async function activitiesPage({ call }: SyncContext, cursor: z.infer<typeof ActivityCursor>, limit: number) {
  const query = { activityTypeIds: SYNC_ACTIVITY_TYPES.join(','), batchSize: String(Math.max(1, Math.min(limit, MAX_BATCH))) };
  const { since, token } = cursor;
  if (!token) return { since, ...(await activities(call, await pagingToken(call, since), query)) };
  try {
    return { since, ...(await activities(call, token, query)) };
  } catch (error) {
    // Adobe documents neither how long a paging token lives nor how Marketo answers a stale one. The
    // call's other parameters are fixed and valid, so a refusal of it (whatever code: 1xxx, 611...) is
    // taken to be the token's: start again a second before the latest activity seen, as one at the same
    // second may not have been read. Access, rate and network failures are not the token's.
    if (!(error instanceof MarketoApiError) || (error.kind !== 'rejected' && error.kind !== 'unavailable')) throw error;
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

function readCursor(text: string | null): Cursor {
  const start: Cursor = { v: 2, phase: 'own' };
  if (text === null) return start;
  try {
    const json: unknown = JSON.parse(text);
    const current = z.union([OwnCursor, ActivityCursor]).safeParse(json);
    if (current.success) return current.data;
    const old = OldCursor.safeParse(json);
    return old.success ? { v: 2, phase: 'activities', token: old.data.token, since: old.data.since } : start;
  } catch {
    return start; // not ours (another version's cursor): start afresh rather than fail every sync
  }
}

// Written against Adobe's Marketo Engage developer documentation (experienceleague.adobe.com/en/docs/
// marketo-developer/marketo/rest/..., source in github.com/AdobeDocs/marketo-developer.en):
// - Paging Tokens: date-based tokens from GET /rest/v1/activities/pagingtoken.json?sinceDatetime=; no
//   lifetime and no error code for a stale token is documented (Error Codes lists none).
// - Activities: GET /rest/v1/activities.json?nextPageToken=&activityTypeIds= (at most 10 ids, 300 per
//   page, always a nextPageToken, moreResult; leadIds at most 30, listId a static list: no owner filter).
// - Leads: Get Leads by Filter Type on a custom string or email field (searchable per Describe Lead2),
//   1003 "Too many results match the filter" above 1,000 matches; 1011 for a field it cannot filter on.
