// Reads from Marketo's lead database: Get Leads by Filter Type, by id for the sync, by email for
// lookups and by the owner field for the rep's own leads, every page of it, in batches, mapped to
// leads and the rep's handoffs (map.ts).
import { parse, type Handoff, type Lead } from '../../domain/model';
import type { Grading } from '../../domain/settings-schema';
import type { MarketoCall } from './client';
import { toHandoff, toLead, type HandoffContext, type MarketoFieldNames, type wireLeadSchema } from './map';
import type { RejectedRecord } from '../source';
import type { CrmFields } from './records';

/** Records per lead database call, and filter values per Get Leads by Filter Type. */
export const MAX_BATCH = 300;
/** A longer query goes as POST with _method=GET: Marketo answers 414 above 8 KB. */
const MAX_QUERY = 7_000;

/** What reading leads needs: the instance's field names and lead schema, the grading, the rep's SLA. */
export interface LeadReader {
  call: MarketoCall;
  names: MarketoFieldNames;
  wireLead: ReturnType<typeof wireLeadSchema>;
  grading?: Grading;
  handoffs: HandoffContext;
  /** The CRM sync's id fields this instance has (Describe, read once); none asked for when left out. */
  crmFields?: () => Promise<CrmFields>;
}

/** Leads in batches of MAX_BATCH, one per address (the latest when Marketo holds duplicates). */
export async function fetchLeads(reader: LeadReader, filterType: string, values: (string | number)[], rejected: RejectedRecord[]) {
  const { names, grading, handoffs } = reader;
  const byEmail = new Map<string, { lead: Lead; handoff: Handoff | null }>();
  const emailById = new Map<number, string>();
  for (let from = 0; from < values.length; from += MAX_BATCH) {
    for (const raw of await leadRecords(reader, filterType, values.slice(from, from + MAX_BATCH))) {
      const parsed = parse(reader.wireLead.schema, 'Lead', raw);
      if (!parsed.ok) {
        rejected.push({ kind: 'lead', reason: parsed.error.message, raw });
        continue;
      }
      const wire = parsed.value;
      emailById.set(wire.id, wire.email);
      const lead = toLead(wire, names, grading);
      const known = byEmail.get(lead.email);
      if (!known || known.lead.updatedAt <= lead.updatedAt) byEmail.set(lead.email, { lead, handoff: toHandoff(lead, wire, names, handoffs) });
    }
  }
  const leads = [...byEmail.values()];
  return { leads: leads.map((entry) => entry.lead), handoffs: leads.flatMap((entry) => (entry.handoff ? [entry.handoff] : [])), emailById };
}

/** Get Leads by Filter Type, every page of it; a query over 8 KB goes as POST with _method=GET. */
async function leadRecords({ call, wireLead, crmFields }: LeadReader, filterType: string, values: (string | number)[]): Promise<unknown[]> {
  const fields = [...wireLead.fields, ...((await crmFields?.())?.readable ?? [])].join(',');
  const records: unknown[] = [];
  let pageToken: string | undefined;
  do {
    const query = new URLSearchParams({ filterType, filterValues: values.join(','), fields, batchSize: String(MAX_BATCH) });
    if (pageToken) query.set('nextPageToken', pageToken);
    const long = String(query).length > MAX_QUERY;
    const body = long ? await call('POST', '/rest/v1/leads.json?_method=GET', { form: query }) : await call('GET', `/rest/v1/leads.json?${query}`);
    records.push(...body.result);
    pageToken = body.moreResult ? body.nextPageToken : undefined;
  } while (pageToken);
  return records;
}
