// The activity log behind the Marketo fake (marketo-api.ts): date-based paging tokens, Get Lead
// Activities, Add Custom Activities and Get Activity Types. A paging token the fake no longer honours
// (after expirePagingTokens) gets the answer the test chooses: Adobe documents none for a stale token.
import { failed, ok } from './marketo-api-leads';

type Body = Record<string, unknown>;

/** Standard activity types LeadLens reads, as Get Activity Types lists them. */
const STANDARD_TYPES = [
  [1, 'Visit Webpage'], [2, 'Fill Out Form'], [3, 'Click Link'], [10, 'Open Email'], [11, 'Click Email'],
  [12, 'New Lead'], [13, 'Change Data Value'], [22, 'Change Score'],
] as const;

export interface ActivityLogOptions {
  activities: Body[];
  /** Custom activity types an admin created, by id. */
  customTypes: { id: number; name: string }[];
  /** Whether a lead with this id exists (a custom activity for another is skipped, 1004). */
  hasLead: (id: number) => boolean;
  /** What Marketo answers to a paging token it no longer honours: undocumented, so the test says. */
  stalePagingToken: [string, string];
}

export function createActivityLog({ activities: given, customTypes, hasLead, stalePagingToken }: ActivityLogOptions) {
  const activities: Body[] = [];
  const customActivities: Body[] = [];
  let generation = 1;

  function addActivities(list: Body[]): Body[] {
    const added = list.map((activity, n) => {
      const id = activities.length + n + 1000;
      return { id, marketoGUID: String(id), attributes: [], ...activity };
    });
    activities.push(...added);
    activities.sort((a, b) => Date.parse(String(a.activityDate)) - Date.parse(String(b.activityDate)));
    return added;
  }
  addActivities(given);

  const token = (position: number) => Buffer.from(`${generation}:${position}`).toString('base64url');
  function positionOf(text: string): number | null {
    const [tokenGeneration, position] = Buffer.from(text, 'base64url').toString().split(':').map(Number);
    return tokenGeneration === generation && Number.isInteger(position) ? position! : null;
  }

  function pagingToken(query: URLSearchParams): Body {
    const since = Date.parse(query.get('sinceDatetime') ?? '');
    if (Number.isNaN(since)) return failed('1001', "Invalid value for 'sinceDatetime'");
    const position = activities.findIndex((activity) => Date.parse(String(activity.activityDate)) > since);
    return ok({ nextPageToken: token(position === -1 ? activities.length : position) });
  }

  function getActivities(query: URLSearchParams): Body {
    const position = positionOf(query.get('nextPageToken') ?? '');
    if (position === null) return failed(...stalePagingToken);
    const types = (query.get('activityTypeIds') ?? '').split(',').filter(Boolean).map(Number);
    if (types.length === 0 || types.length > 10) return failed('1003', 'activityTypeIds must hold 1 to 10 ids');
    const leadIds = query.get('leadIds')?.split(',').map(Number);
    if (leadIds && leadIds.length > 30) return failed('1003', 'leadIds must hold at most 30 ids');
    const batchSize = Math.min(Number(query.get('batchSize') ?? 300), 300);
    const result: Body[] = [];
    let next = position;
    for (; next < activities.length && result.length < batchSize; next++) {
      const activity = activities[next]!;
      if (types.includes(Number(activity.activityTypeId)) && (!leadIds || leadIds.includes(Number(activity.leadId)))) result.push(activity);
    }
    return ok({ result, nextPageToken: token(next), moreResult: next < activities.length });
  }

  function addCustomActivities(body: Body): Body {
    const result = (body.input as Body[]).map((input) => {
      if (!hasLead(Number(input.leadId))) return { status: 'skipped', errors: [{ code: '1004', message: 'Lead not found' }] };
      const [added] = addActivities([input]);
      customActivities.push(added!);
      return { id: added!.id, marketoGUID: added!.marketoGUID, status: 'added' };
    });
    return ok({ result });
  }

  const activityTypes = (): Body => ok({ result: [...STANDARD_TYPES.map(([id, name]) => ({ id, name })), ...customTypes] });

  return {
    activities,
    customActivities,
    addActivities,
    pagingToken,
    getActivities,
    addCustomActivities,
    activityTypes,
    /** Every paging token issued so far is refused from now on, as a stale one would be. */
    expirePagingTokens() {
      generation++;
    },
  };
}

// Built from Adobe's Marketo Engage REST docs: Paging Tokens (date-based, from sinceDatetime),
// Activities (activityTypeIds up to 10, leadIds up to 30, 300 a page, always a nextPageToken,
// moreResult), Add Custom Activities (result "added", or "skipped" with 1004), Get Activity Types.
// Adobe's Error Codes page names no answer for a paging token Marketo no longer honours.
