// The demo's people as records in the CRMs a rep works in: a Salesforce Lead (a Contact once the lead
// is sales-qualified or further), and for about a third a HubSpot contact, so that a record page finds
// its person in the demo too. Drawn from a stream of their own, after everything else is made: the
// rest of the demo stays as it was for each seed (test/lib/sources/demo/crm-records.test.ts hashes it).
import type { Lead, Stage } from '../../domain/model';
import { mulberry32 } from './random';

/** Stages at which Salesforce holds the person as a Contact: the Lead was converted. */
const CONTACT_STAGES: readonly Stage[] = ['sql', 'opportunity', 'customer'];
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Gives the leads their CRM records, in place; the same seed gives the same ids. */
export function addCrmRecords(leads: Lead[], seed: number): void {
  const draw = mulberry32(seed ^ 0x27d4eb2f);
  leads.forEach((lead, n) => {
    // Two draws for every lead, whatever they decide, so that each lead's records depend on its place only.
    const inSalesforce = draw() < 0.85 && lead.stage !== 'subscriber';
    const inHubSpot = draw() < 0.35;
    const records: NonNullable<Lead['crmRecords']> = [];
    if (inSalesforce) {
      const contact = CONTACT_STAGES.includes(lead.stage);
      records.push({ crm: 'salesforce', objectType: contact ? 'Contact' : 'Lead', id: salesforceId(contact ? '003' : '00Q', seed, n) });
    }
    if (inHubSpot) records.push({ crm: 'hubspot', objectType: 'contact', id: String(100_000 + (Math.abs(seed) % 10_000) * 1_000 + n) });
    if (records.length > 0) lead.crmRecords = records;
  });
}

/** An 18-character id as Salesforce's URLs show it: key prefix, pod, the seed and the lead's place, checksum. */
export function salesforceId(keyPrefix: string, seed: number, n: number): string {
  const id15 = `${keyPrefix}5g0000${base62(Math.abs(seed) % 62 ** 2, 2)}${base62(n, 4)}`;
  return id15 + salesforceChecksum(id15);
}

/** The three characters Salesforce appends: for each five, which of them are capitals. */
export function salesforceChecksum(id15: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let start = 0; start < 15; start += 5) {
    let bits = 0;
    for (let k = 0; k < 5; k++) if (/[A-Z]/.test(id15[start + k]!)) bits |= 1 << k;
    suffix += alphabet[bits];
  }
  return suffix;
}

function base62(value: number, width: number): string {
  let text = '';
  for (let rest = value; text.length < width; rest = Math.floor(rest / 62)) text = BASE62[rest % 62] + text;
  return text;
}

// Salesforce ids as its SOAP API Developer Guide describes them ("Field Types", ID): 15 case-sensitive
// characters starting with the object's key prefix (00Q Lead, 003 Contact), or 18 with a checksum of
// where the capitals are. HubSpot contact ids are the numeric hs_object_id.
