// What one rep's browser keeps of a HubSpot portal, and the cursor that walks it. A team shares one
// portal and its limits, so no browser copies the whole portal: it keeps the rep's own contacts (and
// with them the rep's handoffs, read first so they show first), the contacts in the stages the SLA
// rules cover that nobody owns yet, and those with marketing activity in the recent window. Anything
// else on screen comes from the on-demand lookup.
import { z } from 'zod';
import { Instant, type Stage } from '../../domain/model';
import type { SlaPolicy } from '../../domain/settings-schema';
import type { HubSpotCall } from './client';
import { lifecycleValuesOf, toInstant } from './map';

/** Documented maxima: 200 records per search page. */
export const MAX_SEARCH_PAGE = 200;
export const DEFAULT_RECENT_DAYS = 30;
const DAY = 86_400_000;

/** Marketing activity that makes a contact recent: a form, an email opened, a visit. One filter group each. */
const RECENT_ACTIVITY = ['recent_conversion_date', 'hs_email_last_open_date', 'hs_analytics_last_visit_timestamp'];

export interface SyncScope {
  /** The rep's HubSpot owner id; undefined when the rep owns nothing in HubSpot. */
  ownerId?: string;
  /** lifecyclestage values of the stages the SLA rules name. */
  stages: string[];
  /** Activity at or after this instant makes a contact recent. */
  recentSince: number;
}

export function syncScope(ownerId: string | undefined, policy: SlaPolicy, now: number, recentDays = DEFAULT_RECENT_DAYS): SyncScope {
  const named = [...new Set(policy.rules.flatMap((rule) => rule.match.stages ?? []))] as Stage[];
  // Rules that name no stage match every handoff, and handoffs start as MQLs.
  const stages = lifecycleValuesOf(named.length > 0 ? named : ['mql']);
  return { ownerId, stages, recentSince: now - recentDays * DAY };
}

type Filter = { propertyName: string; operator: string; value?: string; values?: string[] };

/**
 * Filter groups (OR'd; filters in a group AND'd), each on changes since `since`: five at most, as HubSpot
 * allows. The stage group leaves out other reps' contacts: theirs are not this rep's to keep. The whole
 * portal is one group: every change since `since`.
 */
export function filterGroups(scope: SyncScope | 'portal', phase: Phase, since: number): { filters: Filter[] }[] {
  const changed: Filter = { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(since) };
  if (scope === 'portal') return [{ filters: [changed] }];
  const own = scope.ownerId ? [[{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: scope.ownerId }]] : [];
  if (phase === 'own') return own.map((filters) => ({ filters: [changed, ...filters] }));
  const unowned = [{ propertyName: 'lifecyclestage', operator: 'IN', values: scope.stages }, { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' }];
  const recent = RECENT_ACTIVITY.map((propertyName) => [{ propertyName, operator: 'GTE', value: String(scope.recentSince) }]);
  return [...own, unowned, ...recent].map((filters) => ({ filters: [changed, ...filters] }));
}

/** 'own': the rep's contacts, first of all; 'scope': the whole scope, from the start again. */
export type Phase = 'own' | 'scope';
const Cursor = z.object({ v: z.literal(2), phase: z.enum(['own', 'scope']), since: Instant, seen: z.array(z.string()) });
const OldCursor = z.object({ since: Instant, seen: z.array(z.string()) });
export type Cursor = z.infer<typeof Cursor>;

/** The cursor to go on from; one saved before scopes goes on in the whole scope. */
export function readCursor(text: string | null, ownerId: string | undefined): Cursor {
  const start: Cursor = { v: 2, phase: ownerId ? 'own' : 'scope', since: 0, seen: [] };
  if (text === null) return start;
  try {
    const json: unknown = JSON.parse(text);
    const current = Cursor.safeParse(json);
    if (current.success) return current.data.phase === 'own' && !ownerId ? start : current.data;
    const old = OldCursor.safeParse(json);
    return old.success ? { v: 2, phase: 'scope', ...old.data } : start;
  } catch {
    return start; // a cursor not of ours: syncing again from the start loses nothing
  }
}

const Paging = z.object({ next: z.object({ after: z.string().min(1) }).optional() }).optional();
const SearchBody = z.object({ total: z.number(), results: z.array(z.unknown()), paging: Paging });

export interface ScopedSearch {
  groups: { filters: Filter[] }[];
  properties: string[];
}

/** Up to `size` raw contacts of the search modified at or after `since`, oldest first, leaving out those in `seen`. */
export async function unseenSince(call: HubSpotCall, search: ScopedSearch, cursor: Cursor, size: number): Promise<{ taken: unknown[]; hasMore: boolean }> {
  const skip = new Set(cursor.seen);
  // Every page is a new search from `since`, so the 10,000-result cap is never reached; `after` only
  // steps past contacts already delivered at exactly `since`, within this one call. A contact the search
  // index takes longer to show than the sync interval, with an older lastmodifieddate, waits for its next change.
  let taken: unknown[] = [];
  let hasMore = false;
  for (let after: string | undefined; ; ) {
    const page = await call('POST', '/crm/v3/objects/contacts/search', SearchBody, {
      filterGroups: search.groups,
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: search.properties,
      limit: Math.min(MAX_SEARCH_PAGE, size + skip.size),
      ...(after && { after }),
    });
    const unseen = page.results.filter((raw) => !skip.has(idOf(raw)));
    taken = unseen.slice(0, size);
    after = page.paging?.next?.after;
    hasMore = unseen.length > size || after !== undefined;
    if (taken.length > 0 || !after) break;
  }
  return { taken, hasMore };
}

/** The cursor past `taken`: the latest lastmodifieddate reached, and the contacts seen at exactly that instant. */
export function cursorAfter(cursor: Cursor, taken: unknown[]): Cursor {
  let { since: position, seen: atPosition } = cursor;
  atPosition = [...atPosition];
  for (const raw of taken) {
    const at = Math.max(position, modifiedAt(raw) ?? position);
    if (at > position) [position, atPosition] = [at, []];
    atPosition.push(idOf(raw));
  }
  return { ...cursor, since: position, seen: atPosition };
}

export const idOf = (raw: unknown): string => String((raw as { id?: unknown } | null)?.id ?? '');
const modifiedAt = (raw: unknown) => {
  const text = (raw as { properties?: { lastmodifieddate?: unknown } } | null)?.properties?.lastmodifieddate;
  return typeof text === 'string' ? toInstant(text) : undefined;
};

// Written against HubSpot's developer documentation:
// - CRM search (filterGroups OR'd, filters AND'd; EQ, IN, GTE, NOT_HAS_PROPERTY; at most 5 groups, 10
//   filters a group, 25 in all since 2024-08-26; one sort; limit <= 200; `after` paging; the 10,000-result
//   cap; index lag): https://developers.hubspot.com/docs/api/crm/search and changelog "Breaking Change:
//   Expanded Filtering Capabilities and Error Messaging in HubSpot's Search API"
// - Default contact properties (hubspot_owner_id, lifecyclestage, recent_conversion_date,
//   hs_email_last_open_date, hs_analytics_last_visit_timestamp, lastmodifieddate):
//   https://knowledge.hubspot.com/properties/hubspots-default-contact-properties
