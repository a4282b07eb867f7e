// A rep's write to HubSpot: a note on the contact (feedback and rejections) and a lead status.
// HubSpot takes no idempotency key, so the key goes into the note, and before a note is made the
// contact's own notes are read for it: by the contact's associations and the notes' ids, which read
// the records themselves, not the search index, which shows a new note only seconds later.
import { z } from 'zod';
import type { OutboxItem } from '../../domain/model';
import type { HubSpotCall } from './client';
import { contactIdOfHandoff } from './map';
import { SourceError } from '../source';

/** Documented maxima: 100 inputs per batch read, 500 associations per page. */
const MAX_BATCH_READ = 100;
const MAX_ASSOCIATIONS = 500;

const BatchBody = z.object({ status: z.string(), results: z.array(z.unknown()) });
const NotesBody = z.object({ results: z.array(z.object({ properties: z.object({ hs_note_body: z.string().nullish() }) })) });
const Associations = z.object({
  results: z.array(z.object({ id: z.union([z.number(), z.string()]).transform(String) })),
  paging: z.object({ next: z.object({ after: z.string().min(1) }).optional() }).optional(),
});
const Written = z.object({ id: z.string() });

export async function deliverItem(call: HubSpotCall, item: OutboxItem, readProperties: string[]): Promise<'delivered'> {
  const { payload } = item;
  const contactId = await contactIdFor(call, payload, readProperties);
  const note = payload.note ? [`Note: ${payload.note}`] : [];
  let leadStatus: string | undefined;
  if (payload.kind === 'feedback') {
    await noteOnce(call, contactId, item, [`LeadLens feedback: ${payload.verdict.replace(/_/g, ' ')} (reason: ${payload.reasonCode})`, ...note]);
    // A good lead says nothing about how far sales got, so it leaves the lead status alone.
    leadStatus = { good_lead: undefined, not_a_fit: 'UNQUALIFIED', wrong_contact: 'UNQUALIFIED', bad_timing: 'BAD_TIMING' }[payload.verdict];
  } else if (payload.action === 'reject') {
    await noteOnce(call, contactId, item, [`LeadLens: handoff rejected (reason: ${payload.reasonCode ?? 'none given'})`, ...note]);
    leadStatus = payload.reasonCode === 'bad_timing' ? 'BAD_TIMING' : 'UNQUALIFIED';
  } else {
    leadStatus = payload.action === 'accept' ? 'IN_PROGRESS' : 'ATTEMPTED_TO_CONTACT';
  }
  // Setting a property to a value is idempotent: sending it again changes nothing.
  if (leadStatus) await call('PATCH', `/crm/v3/objects/contacts/${contactId}`, Written, { properties: { hs_lead_status: leadStatus } });
  return 'delivered';
}

/** The contact of a batch read by email: the records themselves, as consistent as the notes. */
export const batchReadContacts = (call: HubSpotCall, emails: string[], properties: string[]) =>
  call('POST', '/crm/v3/objects/contacts/batch/read', BatchBody, { idProperty: 'email', inputs: emails.map((id) => ({ id })), properties });

async function contactIdFor(call: HubSpotCall, payload: OutboxItem['payload'], properties: string[]): Promise<string> {
  if (payload.handoffId) {
    const contactId = contactIdOfHandoff(payload.handoffId);
    if (!contactId) throw new SourceError(`Handoff ${payload.handoffId} did not come from HubSpot.`, 'rejected');
    return contactId;
  }
  const email = payload.kind === 'feedback' ? payload.email : '';
  const id = (await batchReadContacts(call, [email], properties)).results.map((raw) => String((raw as { id?: unknown }).id ?? '')).find(Boolean);
  if (!id) throw new SourceError(`HubSpot has no contact with the address ${email}.`, 'rejected');
  return id;
}

/**
 * Makes the note unless one with this write's key is on the contact already. What is left: a first
 * attempt HubSpot has not finished when the retry looks (the retry comes a backoff later, at least a
 * second, while HubSpot holds a request at most the client's 15 s time-out before answering), and a
 * note someone deleted, which is made again.
 */
async function noteOnce(call: HubSpotCall, contactId: string, item: OutboxItem, lines: string[]) {
  const mark = `LeadLens key: ${item.idempotencyKey}`;
  if (await contactHasNote(call, contactId, escapeHtml(mark))) return;
  const body = [...lines, `Clicked: ${new Date(item.createdAt).toISOString()}`, mark].map(escapeHtml).join('<br>');
  const to = { id: contactId };
  const types = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }]; // note to contact
  const properties = { hs_timestamp: new Date(item.createdAt).toISOString(), hs_note_body: body };
  await call('POST', '/crm/v3/objects/notes', Written, { properties, associations: [{ to, types }] });
}

/** Whether a note on the contact carries `mark`; the newest-listed notes are read first. */
async function contactHasNote(call: HubSpotCall, contactId: string, mark: string): Promise<boolean> {
  const ids = (await contactNoteIds(call, contactId)).reverse();
  // The whole key, whatever markup HubSpot keeps around it: "key-3" is not found in "key-30".
  const pattern = new RegExp(`${mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
  for (let from = 0; from < ids.length; from += MAX_BATCH_READ) {
    const inputs = ids.slice(from, from + MAX_BATCH_READ).map((id) => ({ id }));
    const found = await call('POST', '/crm/v3/objects/notes/batch/read', NotesBody, { inputs, properties: ['hs_note_body'] });
    if (found.results.some((note) => pattern.test(note.properties.hs_note_body ?? ''))) return true;
  }
  return false;
}

async function contactNoteIds(call: HubSpotCall, contactId: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(MAX_ASSOCIATIONS), ...(after ? { after } : {}) });
    const page = await call('GET', `/crm/v3/objects/contacts/${contactId}/associations/notes?${query}`, Associations);
    ids.push(...page.results.map((association) => association.id));
    after = page.paging?.next?.after;
  } while (after);
  return ids;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Written against HubSpot's developer documentation:
// - Notes: POST /crm/v3/objects/notes (hs_timestamp required, hs_note_body, associations with
//   HUBSPOT_DEFINED type 202 note to contact), POST /crm/v3/objects/notes/batch/read (100 inputs):
//   https://developers.hubspot.com/docs/api-reference/crm-notes-v3/guide
// - Associations of a record by type, GET /crm/v3/objects/{objectType}/{objectId}/associations/{toObjectType}
//   (results of { id, type }, limit, `after`): https://developers.hubspot.com/docs/api/crm/associations
//   (v3; HubSpot ends support for v4 on 2027-03-30 and for v1-v3 in September 2027: changelog "Legacy
//   APIs and Apps: What's Going Unsupported and When")
// - CRM search reads an index that shows new records after a delay; reads by id and association do not
//   go through it: https://developers.hubspot.com/docs/api/crm/search ("Limitations")
// - Contacts: batch read by idProperty=email (100 inputs, 207 for the missing), PATCH properties:
//   https://developers.hubspot.com/docs/api/crm/contacts
