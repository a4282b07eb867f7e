// Marketo's activity log as LeadLens reads it: a date-based paging token to start from, then pages of
// activities, each naming the token of the next. The sync reads it for changes (sync.ts); the write-back
// reads it for the custom activity it may have added already (write-back.ts).
import type { MarketoCall } from './client';
import { SourceError } from '../source';

/** The token of the first page of activities at or after `since` (ISO-8601). */
export async function pagingToken(call: MarketoCall, since: string): Promise<string> {
  const body = await call('GET', `/rest/v1/activities/pagingtoken.json?${new URLSearchParams({ sinceDatetime: since })}`);
  if (!body.nextPageToken) throw new SourceError('Marketo gave no paging token for /rest/v1/activities/pagingtoken.json.', 'bad_response');
  return body.nextPageToken;
}

/** One page of activities from `token`, filtered by `query` (activityTypeIds, leadIds, batchSize). */
export async function activities(call: MarketoCall, token: string, query: Record<string, string>) {
  const body = await call('GET', `/rest/v1/activities.json?${new URLSearchParams({ nextPageToken: token, ...query })}`);
  if (!body.nextPageToken || body.moreResult === undefined) {
    throw new SourceError("Marketo's answer to /rest/v1/activities.json had no nextPageToken or moreResult.", 'bad_response');
  }
  return { result: body.result, nextPageToken: body.nextPageToken, moreResult: body.moreResult };
}
