// Marketo Engage as a source: the rep's own leads, then a delta sync by a date-based paging token over
// lead activities (sync.ts), lookup in the REST lead database (leads.ts), delivery of the rep's writes
// as lead field updates and custom activities (write-back.ts), and Test connection (check.ts). The REST
// client (access token, envelope, time-outs) is in client.ts, its errors in errors.ts; what the records
// mean (schemas, field names, activity types, mapping) is in map.ts.
import type { OutboxItem } from '../../domain/model';
import type { BusinessCalendar, Grading, SlaPolicy } from '../../domain/settings-schema';
import { createBusinessClock } from '../../time/sla';
import { BRIEF_WAITS, SYNC_WAITS, type WaitPolicy } from '../rate-waits';
import { checkMarketo } from './check';
import { createMarketoClient, type MarketoClientOptions } from './client';
import { fetchLeads } from './leads';
import { DEFAULT_FIELD_NAMES, wireLeadSchema, type MarketoFieldNames } from './map';
import { crmFieldsOnce, recordFilters } from './records';
import type { CrmRecordRef } from '../../domain/crm-record';
import type { Lead } from '../../domain/model';
import { readChanges, type SyncContext } from './sync';
import { deliverWrite, type WriteBackContext } from './write-back';
import type { ConnectionCheck, LeadSource, LookupResult, RejectedRecord } from '../source';

export { ACTIVITY_ATTRIBUTES, DEFAULT_FIELD_NAMES, SYNC_ACTIVITY_TYPES, type MarketoFieldNames } from './map';
export { MarketoApiError, MARKETO_TIMEOUTS, msUntilQuotaReset, RATE_WINDOW_MS, type MarketoEndpoint } from './client';

export interface MarketoSourceOptions extends MarketoClientOptions {
  repEmail: string;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  /** The settings' grading; the built-in one when left out. */
  grading?: Grading;
  fields?: Partial<MarketoFieldNames>;
  /** A custom activity type an admin created: feedback is also recorded as one of these activities. */
  activityTypeId?: number;
  /** How far back the first sync reads activities: the recent-activity window, 30 days when left out. */
  lookbackDays?: number;
  /** 'rep' (the default): the rep's own leads first; 'portal': the activity log alone, as before. */
  scope?: 'rep' | 'portal';
  /** How much of a sync run may go on waiting out rate limits; SYNC_WAITS unless given. */
  waits?: WaitPolicy;
}

export interface MarketoSource extends LeadSource {
  lookup(emails: string[]): Promise<LookupResult>;
  lookupRecords(records: CrmRecordRef[]): Promise<LookupResult>;
  deliver(item: OutboxItem): Promise<'delivered'>;
  check(): Promise<ConnectionCheck>;
}

export function createMarketoSource(options: MarketoSourceOptions): MarketoSource {
  const { base, call, waiting } = createMarketoClient(options);
  const names: MarketoFieldNames = { ...DEFAULT_FIELD_NAMES, ...options.fields };
  const handoffs = { repEmail: options.repEmail.trim().toLowerCase(), policy: options.policy, clock: createBusinessClock(options.calendar) };
  const crmFields = crmFieldsOnce(() => waiting(BRIEF_WAITS));
  const context: SyncContext & WriteBackContext = {
    call,
    names,
    wireLead: wireLeadSchema(names),
    grading: options.grading,
    handoffs,
    now: options.now,
    lookbackDays: options.lookbackDays ?? 30,
    ownFirst: options.scope !== 'portal',
    activityTypeId: options.activityTypeId,
    crmFields,
  };
  return {
    id: `marketo:${new URL(base).origin}`,
    // A run waits out 606 and 615 windows; writes wait for nothing (the outbox reschedules them).
    changes: (cursor, limit) => readChanges({ ...context, call: waiting(options.waits ?? SYNC_WAITS) }, cursor, limit),
    async lookup(emails) {
      const unique = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
      const rejected: RejectedRecord[] = [];
      const { leads } = await fetchLeads({ ...context, call: waiting(BRIEF_WAITS) }, 'email', unique, rejected);
      return { leads, rejected };
    },
    async lookupRecords(refs) {
      const reader = { ...context, call: waiting(BRIEF_WAITS) };
      const rejected: RejectedRecord[] = [];
      const byEmail = new Map<string, Lead>(); // a lead found by two of its records is one lead
      for (const { filterType, values } of recordFilters(refs, (await crmFields()).searchable)) {
        for (const lead of (await fetchLeads(reader, filterType, values, rejected)).leads) byEmail.set(lead.email, lead);
      }
      return { leads: [...byEmail.values()], rejected };
    },
    deliver: (item) => deliverWrite(context, item),
    check: () => checkMarketo({ call: waiting(BRIEF_WAITS), names, activityTypeId: options.activityTypeId }),
  };
}

// Written against Adobe's Marketo Engage developer documentation (experienceleague.adobe.com/en/docs/
// marketo-developer/marketo/rest/..., source in github.com/AdobeDocs/marketo-developer.en):
// - Authentication: GET {Identity URL}/oauth/token?grant_type=client_credentials&client_id=&client_secret=
//   -> access_token, token_type, expires_in (remaining life, 3600 s when new), scope; send it as
//   "Authorization: Bearer" (the access_token query parameter is being removed).
// - Error Codes: 6xx/7xx response-level errors come with HTTP 200 and success: false; 601 token
//   invalid, 602 expired, 603 access denied, 604 time-out, 606 rate (100 calls / 20 s), 607 daily quota
//   (resets 12:00AM CST), 608 unavailable, 611 system error, 615 concurrency (10); record-level status
//   "skipped" with reasons (1004 lead not found, 1006 field not found); identity 401 on bad client
//   credentials; 414 above 8 KB of URI (retry as POST with _method=GET).
// - Paging Tokens: date-based tokens from GET /rest/v1/activities/pagingtoken.json?sinceDatetime=
//   (how long one lives, and the answer to a stale one, are not documented: sync.ts).
// - Activities: GET /rest/v1/activities.json?nextPageToken=&activityTypeIds= (at most 10 ids, 300 per
//   page, always a nextPageToken, moreResult); Get Lead Changes; Get Deleted Leads; custom activities by
//   POST /rest/v1/activities/external.json (write-once, leadId, activityDate, activityTypeId,
//   primaryAttributeValue, attributes; result "added" or "skipped" with errors).
// - Leads: GET /rest/v1/leads.json?filterType=&filterValues= (300 values, 300 per page, moreResult and
//   nextPageToken) and POST /rest/v1/leads.json { action: 'updateOnly', lookupField, input }.
// - Standard Fields and activity types: cited in map.ts, which reads them.
// - Marketo Integration Best Practices: API limits (daily quota, 100 calls / 20 s, 10 concurrent,
//   300-record batches).
