// The portals the team-scale simulation syncs: one HubSpot portal and one Marketo instance shared by a
// sales team of 200 owners, generated from a seed, with each rep's handoffs known in advance so the
// simulation can tell when a rep's browser has all of its own.
import { mulberry32 } from '../../lib/sources/demo/source';
import type { FakeContact } from '../fakes/hubspot-api';

export const OWNERS = 200;
const DAY = 86_400_000;
export const repEmail = (n: number) => `rep${n}@acme.example.com`;

export interface PortalSize {
  /** HubSpot contacts and Marketo leads. */
  records: number;
  /** Marketo activities in the 30 days before the start. */
  activities: number;
}

/** A handoff's source id, by rep: what each rep's browser must end up with. */
export type Handoffs = Map<string, Set<string>>;

/**
 * Contacts owned round-robin by the 200 owners; one in 20 an MQL (a few of them not owned yet);
 * one in 10 with a marketing email opened in the last 30 days; changes spread over 180 days.
 */
export function hubspotPortal(start: number, { records }: PortalSize) {
  const random = mulberry32(42);
  const owners = Array.from({ length: OWNERS }, (_, n) => ({ id: String(1000 + n), email: repEmail(n) }));
  const handoffs: Handoffs = new Map(owners.map((owner) => [owner.email, new Set<string>()]));
  const contacts: FakeContact[] = [];
  for (let n = 1; n <= records; n++) {
    const owner = n % OWNERS;
    const mql = n % 20 === 0;
    const unowned = mql && n % 400 === 0;
    const modified = start - Math.floor(random() * 180 * DAY);
    const mqlAt = modified - Math.floor(random() * 5 * DAY);
    const opened = random() < 0.1 ? start - Math.floor(random() * 30 * DAY) : start - (40 + Math.floor(random() * 300)) * DAY;
    contacts.push({
      id: String(n),
      properties: {
        email: `lead${n}@customer.example.com`,
        firstname: 'Lead',
        lastname: String(n),
        company: `Customer ${n % 997}`,
        jobtitle: 'Manager',
        lifecyclestage: mql ? 'marketingqualifiedlead' : ['lead', 'subscriber', 'customer'][n % 3]!,
        hubspotscore: String(Math.floor(random() * 100)),
        hubspot_owner_id: unowned ? null : owners[owner]!.id,
        hs_lifecyclestage_marketingqualifiedlead_date: mql ? new Date(mqlAt).toISOString() : null,
        hs_email_last_open_date: new Date(opened).toISOString(),
        lastmodifieddate: new Date(modified).toISOString(),
      },
    });
    if (mql && !unowned) handoffs.get(repEmail(owner))!.add(`hubspot:${n}:${mqlAt}`);
  }
  return { owners, contacts, handoffs };
}

/** Leads owned round-robin, one in 20 an MQL; activities (visits, forms, emails, data changes) over 30 days. */
export function marketoInstance(start: number, { records, activities: count }: PortalSize) {
  const random = mulberry32(43);
  const handoffs: Handoffs = new Map(Array.from({ length: OWNERS }, (_, n) => [repEmail(n), new Set<string>()]));
  const leads = Array.from({ length: records }, (_, index) => {
    const id = index + 1;
    const mqlAt = id % 20 === 0 ? start - Math.floor(random() * 20 * DAY) : undefined;
    const owner = repEmail(id % OWNERS);
    if (mqlAt !== undefined) handoffs.get(owner)!.add(`marketo:${id}:${Math.floor(mqlAt / 1000) * 1000}`);
    return {
      id,
      email: `lead${id}@customer.example.com`,
      firstName: 'Lead',
      lastName: String(id),
      company: `Customer ${id % 997}`,
      title: 'Manager',
      leadScore: Math.floor(random() * 100),
      leadStatus: 'Open',
      updatedAt: new Date(start - DAY).toISOString(),
      leadOwnerEmailAddress: owner,
      ...(mqlAt !== undefined && { mqlDate: new Date(Math.floor(mqlAt / 1000) * 1000).toISOString().replace('.000Z', 'Z') }),
    };
  });
  const types = [1, 1, 2, 10, 10, 11, 13];
  const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const activities = Array.from({ length: count }, () => ({
    leadId: 1 + Math.floor(random() * records),
    activityTypeId: types[Math.floor(random() * types.length)]!,
    activityDate: at(start - Math.floor(random() * 30 * DAY)),
    primaryAttributeValue: 'www.acme.example.com/pricing',
  }));
  // Setting the MQL date is a Change Data Value activity, which the activity log shows.
  const qualified = leads.filter((lead) => lead.mqlDate).map((lead) => ({ leadId: lead.id, activityTypeId: 13, activityDate: lead.mqlDate!, primaryAttributeValue: 'MQL Date' }));
  return { leads, activities: [...activities, ...qualified], handoffs };
}
