// A lead's record in a CRM, as the CRM's own URL names it: the most stable identity a record page
// offers (DESIGN.md). Plain TypeScript: content scripts use the key without zod.

export const CRMS = ['salesforce', 'hubspot', 'dynamics', 'pipedrive'] as const;
export type Crm = (typeof CRMS)[number];

export interface CrmRecordRef {
  crm: Crm;
  /** The CRM's own object name: Lead or Contact (Salesforce), contact (HubSpot), lead or contact (Dynamics), person or deal (Pipedrive). */
  objectType: string;
  id: string;
}

/**
 * One key per record, the same from whatever spelling the source or the URL uses: Salesforce's
 * 18-character id is its case-sensitive 15-character id plus a checksum, so both give the 15;
 * Dynamics ids are GUIDs, written with or without braces and in either case.
 */
export function crmRecordKey(ref: CrmRecordRef): string | null {
  const id = normaliseId(ref.crm, ref.id.trim());
  return id ? `${ref.crm}:${ref.objectType.trim().toLowerCase()}:${id}` : null;
}

/** Salesforce's 18-character id: the 15 plus a checksum of which letters are upper case, 5 at a time. */
export function salesforce18(id: string): string {
  const id15 = id.slice(0, 15);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i] ?? '')) bits |= 1 << i;
    suffix += alphabet[bits];
  }
  return id15 + suffix;
}

function normaliseId(crm: Crm, id: string): string | null {
  switch (crm) {
    case 'salesforce':
      return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id) ? id.slice(0, 15) : null;
    case 'dynamics': {
      const guid = id.replace(/^(?:\{|%7B)|(?:\}|%7D)$/gi, '').toLowerCase();
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guid) ? guid : null;
    }
    case 'hubspot':
    case 'pipedrive':
      return /^[1-9][0-9]{0,19}$/.test(id) ? id : null;
  }
}

// Salesforce's 15- and 18-character ids: https://help.salesforce.com/s/articleView?id=000385008
