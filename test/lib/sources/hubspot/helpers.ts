// What the HubSpot source tests share: contacts in HubSpot's wire form, and a fake with a source on it.
import { afterEach } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../../lib/domain/default-settings';
import { createHubSpotSource, type HubSpotSourceOptions } from '../../../../lib/sources/hubspot/source';
import { startFakeHubSpotApi, type FakeContact, type FakeHubSpotApi, type FakeHubSpotOptions } from '../../../fakes/hubspot-api';

export const T0 = Date.UTC(2026, 10, 16, 0, 0); // Mon 2026-11-16 09:00 in Tokyo
export const MINUTE = 60_000;
export const DAY = 86_400_000;
export const REP = 'rep@acme.example.com';
export const OWNERS = [
  { id: '101', email: 'Rep@Acme.example.com' },
  { id: '102', email: 'other@acme.example.com' },
];
export const iso = (ms: number) => new Date(ms).toISOString();

export function contact(n: number, properties: Record<string, string | null> = {}): FakeContact {
  return {
    id: String(n),
    properties: {
      email: `lead${n}@acme.example.com`,
      firstname: 'Lead',
      lastname: String(n),
      company: 'Acme',
      jobtitle: 'Manager',
      lifecyclestage: 'lead',
      hubspotscore: '40',
      hubspot_owner_id: '102',
      lastmodifieddate: iso(T0 + n * MINUTE),
      ...properties,
    },
  };
}

const fakes: FakeHubSpotApi[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

/** A fake portal (closed after the test) and a source on it for the rep. */
export async function hubspot(fakeOptions: FakeHubSpotOptions = {}, sourceOptions: Partial<HubSpotSourceOptions> = {}) {
  const fake = await startFakeHubSpotApi({ owners: OWNERS, ...fakeOptions });
  fakes.push(fake);
  const source = (more: Partial<HubSpotSourceOptions> = {}) =>
    createHubSpotSource({ token: fake.token, baseUrl: fake.baseUrl, repEmail: REP, calendar: DEFAULT_CALENDAR, policy: DEFAULT_SLA_POLICY, timeoutMs: 2000, now: () => T0 + DAY, ...sourceOptions, ...more });
  return { fake, source: source(), newSource: source };
}
