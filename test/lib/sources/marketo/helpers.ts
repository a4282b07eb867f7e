// What the Marketo source tests share: leads and activities in Marketo's wire form, and a fake with a
// source on it.
import { afterEach } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../../lib/domain/default-settings';
import { createMarketoSource, type MarketoSourceOptions } from '../../../../lib/sources/marketo/source';
import { startFakeMarketoApi, type FakeMarketoApi, type FakeMarketoOptions } from '../../../fakes/marketo-api';

export const T0 = Date.UTC(2026, 10, 16, 0, 0); // Mon 2026-11-16 09:00 in Tokyo
export const REP = 'rep@acme.example.com';
export const iso = (ms: number) => new Date(ms).toISOString();

export const wireLead = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  email: `Lead${id}@Acme.example.com`,
  firstName: 'Lead',
  lastName: String(id),
  company: 'Acme',
  title: 'Director of IT',
  industry: 'Manufacturing',
  numberOfEmployees: 500,
  leadScore: 60,
  leadStatus: 'Open',
  updatedAt: '2026-11-15T23:00:00Z',
  ...overrides,
});

export const activity = (leadId: number, activityTypeId: number, minutesBeforeT0: number, extra: Record<string, unknown> = {}) => ({
  leadId,
  activityTypeId,
  activityDate: iso(T0 - minutesBeforeT0 * 60_000),
  primaryAttributeValue: `www.acme.example.com/page-${minutesBeforeT0}`,
  ...extra,
});

const fakes: FakeMarketoApi[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

/** A fake instance (closed after the test) and a source on it for the rep; waits take no time unless a test says. */
export async function marketo(fakeOptions: FakeMarketoOptions = {}, sourceOptions: Partial<MarketoSourceOptions> = {}) {
  const fake = await startFakeMarketoApi(fakeOptions);
  fakes.push(fake);
  const clock = { now: T0 };
  const source = (more: Partial<MarketoSourceOptions> = {}) =>
    createMarketoSource({
      baseUrl: fake.baseUrl,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      repEmail: REP,
      calendar: DEFAULT_CALENDAR,
      policy: DEFAULT_SLA_POLICY,
      now: () => clock.now,
      timeoutMs: 2000,
      pauses: { sleep: async () => undefined, random: () => 0 },
      ...sourceOptions,
      ...more,
    });
  return { fake, clock, source: source(), newSource: source };
}
