import { describe, expect, it } from 'vitest';
import { contact, hubspot, iso, REP, T0 } from './helpers';
import type { FakeProperty } from '../../../fakes/hubspot-api';
import { Settings } from '../../../../lib/domain/settings-schema';

const SCORE: FakeProperty = { name: 'lead_score_engagement', label: 'Engagement score', type: 'number', fieldType: 'number' };
const MQL_DATE: FakeProperty = { name: 'mql_handoff_date', label: 'MQL handoff date', type: 'datetime', fieldType: 'date' };
const custom = { score: SCORE.name, mqlDate: MQL_DATE.name };

describe('HubSpot: the score and MQL date properties', () => {
  it('reads the score and the MQL date from the properties the settings name', async () => {
    const mqlAt = T0 - 3_600_000;
    const contacts = [contact(1, { hubspotscore: '5', lead_score_engagement: '87', mql_handoff_date: iso(mqlAt), hubspot_owner_id: '101', lifecyclestage: 'marketingqualifiedlead' })];
    const { source } = await hubspot({ contacts, properties: [SCORE, MQL_DATE] }, { properties: custom });
    const page = await source.changes(null, 10);
    expect(page.leads[0]).toMatchObject({ score: 87, scoreRaw: 87, qualifiedAt: mqlAt });
    expect(page.handoffs).toMatchObject([{ id: `hubspot:1:${mqlAt}`, assigneeEmail: REP, handedOffAt: mqlAt }]);
    const found = await source.lookup(['lead1@acme.example.com']);
    expect(found.leads[0]).toMatchObject({ score: 87, qualifiedAt: mqlAt });
  });

  it('keeps today’s properties when the settings name none', async () => {
    const mqlAt = T0 - 3_600_000;
    const { source, newSource } = await hubspot({ contacts: [contact(1, { hubspotscore: '55', hs_lifecyclestage_marketingqualifiedlead_date: iso(mqlAt), hubspot_owner_id: '101' })] });
    expect((await source.changes(null, 10)).leads[0]).toMatchObject({ score: 55, qualifiedAt: mqlAt });
    // As settings without them hand them on: named, but undefined.
    const unset = newSource({ properties: { score: undefined, mqlDate: undefined } });
    expect((await unset.changes(null, 10)).leads[0]).toMatchObject({ score: 55, qualifiedAt: mqlAt });
  });

  it('names a score that is not a number in the quarantine, under its own property name', async () => {
    const { source } = await hubspot({ contacts: [contact(1, { lead_score_engagement: 'hot', hubspot_owner_id: '101' })], properties: [SCORE, MQL_DATE] }, { properties: custom });
    const page = await source.changes(null, 10);
    expect(page.rejected.map((record) => record.reason)).toEqual(['HubSpot contact: properties.lead_score_engagement: must be a number']);
  });

  it('lists the contact properties a score or an MQL date can come from, by name, label and type', async () => {
    const hidden: FakeProperty = { name: 'hs_secret_number', label: 'Hidden', type: 'number', fieldType: 'number', hidden: true };
    const dateOnly: FakeProperty = { name: 'mql_day', label: 'MQL day', type: 'date', fieldType: 'date' };
    const { source } = await hubspot({ properties: [SCORE, MQL_DATE, hidden, dateOnly] });
    const listed = await source.listProperties();
    expect(listed.numbers).toEqual([
      { name: 'lead_score_engagement', label: 'Engagement score', type: 'number' },
      { name: 'hubspotscore', label: 'HubSpot Score', type: 'number' },
      // A number property in HubSpot too (the fake has it since accounts, issue 18); the rep sees it by its label.
      { name: 'associatedcompanyid', label: 'Primary Associated Company ID', type: 'number' },
      { name: 'hs_object_id', label: 'Record ID', type: 'number' },
    ]);
    expect(listed.dates.map((property) => property.name)).toContain('mql_handoff_date');
    expect(listed.dates.find((property) => property.name === 'mql_day')).toEqual({ name: 'mql_day', label: 'MQL day', type: 'date' });
    expect(listed.dates.every((property) => property.type === 'date' || property.type === 'datetime')).toBe(true);
  });
});

describe('HubSpot: Test connection', () => {
  it('passes with the scopes and properties in place, and says when the score is the legacy one', async () => {
    const { source } = await hubspot({ properties: [SCORE, MQL_DATE] }, { properties: custom });
    expect(await source.check()).toEqual({ ok: true, message: 'Connected.', problems: [], notes: [] });
    const { source: legacy } = await hubspot();
    const check = await legacy.check();
    expect(check.ok).toBe(true);
    expect(check.notes).toEqual([expect.stringMatching(/hubspotscore.*stopped updating.*August 2025.*score property/i)]);
  });

  it('names a property the portal does not have, and one of the wrong type', async () => {
    const notANumber: FakeProperty = { ...SCORE, type: 'string', fieldType: 'text' };
    const { source } = await hubspot({ properties: [notANumber] }, { properties: custom });
    const check = await source.check();
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.stringMatching(/^The score property lead_score_engagement is a string property in HubSpot; choose a number property/),
      expect.stringMatching(/^HubSpot has no contact property mql_handoff_date \(the MQL date\)/),
    ]);
  });

  it('names each scope the token lacks', async () => {
    const token = 'pat-na1-narrow';
    const { source } = await hubspot({ token, scopes: { [token]: ['crm.objects.contacts.read'] } });
    const check = await source.check();
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/crm\.objects\.contacts\.write/);
    expect(check.message).toMatch(/crm\.objects\.owners\.read/);
    expect(check.problems.join(' ')).not.toMatch(/crm\.objects\.contacts\.read\b/);
  });

  it('names the missing scope from HubSpot’s 403 when the token’s scopes cannot be read', async () => {
    const { fake, source } = await hubspot();
    fake.force('missingScopes', 'GET /crm/v3/owners');
    const check = await source.check();
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([expect.stringMatching(/crm\.objects\.contacts\.read/)]);
  });

  it('says the token is wrong before anything else', async () => {
    const { newSource } = await hubspot();
    const check = await newSource({ token: 'pat-na1-wrong' }).check();
    expect(check).toMatchObject({ ok: false, problems: [expect.stringMatching(/refused the access token.*401/)] });
  });
});

describe('HubSpot: what the portal refuses, as the fake models it', () => {
  it('answers 400 to a search filter on a property it does not have, and leaves unknown properties out of a read', async () => {
    const { fake } = await hubspot({ contacts: [contact(1)] });
    const post = (path: string, body: unknown) =>
      fetch(`${fake.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const filtered = await post('/crm/v3/objects/contacts/search', { filterGroups: [{ filters: [{ propertyName: 'no_such_score', operator: 'GTE', value: '1' }] }] });
    expect(filtered.status).toBe(400);
    expect(await filtered.json()).toMatchObject({ category: 'VALIDATION_ERROR' });
    const read = await post('/crm/v3/objects/contacts/batch/read', { idProperty: 'email', inputs: [{ id: 'lead1@acme.example.com' }], properties: ['email', 'no_such_score'] });
    expect(((await read.json()) as { results: { properties: object }[] }).results[0]!.properties).toEqual({ email: 'lead1@acme.example.com' });
  });

  it('refuses a write to a property it does not have, naming it', async () => {
    const { fake } = await hubspot({ contacts: [contact(1)] });
    const response = await fetch(`${fake.baseUrl}/crm/v3/objects/contacts/1`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { leadlens_verdict: 'good' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ category: 'VALIDATION_ERROR', errors: [{ code: 'PROPERTY_DOESNT_EXIST' }] });
  });
});

describe('HubSpot: the settings for the properties and the sync window', () => {
  const source = Settings.shape.source;

  it('takes internal property names and a window in days, all optional', () => {
    expect(source.parse({ kind: 'hubspot' })).toEqual({ kind: 'hubspot', demoSeed: 1 });
    const chosen = source.parse({ kind: 'hubspot', hubspotScoreProperty: ' lead_score_engagement ', hubspotMqlDateProperty: 'mql_handoff_date', recentActivityDays: 14 });
    expect(chosen).toMatchObject({ hubspotScoreProperty: 'lead_score_engagement', hubspotMqlDateProperty: 'mql_handoff_date', recentActivityDays: 14 });
  });

  it('refuses what cannot be a HubSpot internal name, and a window outside a day to a year', () => {
    for (const bad of [{ hubspotScoreProperty: 'Engagement score' }, { hubspotMqlDateProperty: 'mql-date' }, { recentActivityDays: 0 }, { recentActivityDays: 400 }]) {
      expect(source.safeParse({ kind: 'hubspot', ...bad }).success).toBe(false);
    }
  });
});
