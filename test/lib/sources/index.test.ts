// sourceFor turns saved settings into a source; here, that the Marketo field names and the grading set in
// the options reach the adapters, against the contract fakes.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { gradeFor } from '../../../lib/domain/grade';
import { parseOrThrow } from '../../../lib/domain/model';
import { Settings } from '../../../lib/domain/settings-schema';
import { sourceFor } from '../../../lib/sources';
import { SourceError } from '../../../lib/sources/source';
import { startFakeHubSpotApi, type FakeHubSpotApi } from '../../fakes/hubspot-api';
import { startFakeMarketoApi, type FakeMarketoApi } from '../../fakes/marketo-api';
import { failure } from '../../fakes/source-failure';

const T0 = Date.UTC(2026, 10, 16, 0, 0); // Mon 2026-11-16 09:00 in Tokyo
const REP = 'rep@acme.example.com';
const MQL_AT = '2026-11-15T23:30:00Z';

let fake: FakeMarketoApi | FakeHubSpotApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** An instance whose admin named the MQL date field MQL_Date__c, with one MQL owned by the rep. */
async function instanceWithCrmMqlDate() {
  fake = await startFakeMarketoApi({
    leads: [
      {
        id: 7,
        email: 'hanako@sakura.example.jp',
        leadScore: 80,
        leadStatus: 'Open',
        updatedAt: '2026-11-15T23:00:00Z',
        MQL_Date__c: MQL_AT,
        leadOwnerEmailAddress: REP,
      },
    ],
    activities: [{ leadId: 7, activityTypeId: 2, activityDate: '2026-11-15T23:20:00Z', primaryAttributeValue: 'Demo request' }],
  });
  return fake;
}

function marketoSettings(marketo: FakeMarketoApi, marketoFields?: Record<string, string>, grading?: unknown): Settings {
  const source = { kind: 'marketo', baseUrl: marketo.baseUrl, clientId: marketo.clientId, marketoFields };
  return parseOrThrow(Settings, 'Settings', { ...DEFAULT_SETTINGS, repEmail: REP, source, ...(grading !== undefined && { grading }) });
}

describe('sourceFor: Marketo field names from the settings', () => {
  it('asks Marketo for the field named in the settings and makes a handoff from it', async () => {
    const marketo = await instanceWithCrmMqlDate();
    const source = sourceFor(marketoSettings(marketo, { mqlDate: 'MQL_Date__c' }), { now: () => T0, token: marketo.clientSecret });
    const page = await source.changes(null, 10);
    expect(marketo.fieldsAsked.at(-1)).toContain('MQL_Date__c');
    expect(marketo.fieldsAsked.at(-1)).not.toContain('mqlDate');
    expect(page.handoffs).toEqual([
      expect.objectContaining({ email: 'hanako@sakura.example.jp', assigneeEmail: REP, handedOffAt: Date.parse(MQL_AT), status: 'pending' }),
    ]);
  });

  it('keeps the default names when none are set, and so finds no MQL date in this instance', async () => {
    const marketo = await instanceWithCrmMqlDate();
    const source = sourceFor(marketoSettings(marketo), { now: () => T0, token: marketo.clientSecret });
    const page = await source.changes(null, 10);
    expect(marketo.fieldsAsked.at(-1)).toContain('mqlDate');
    expect(page.leads.map((lead) => lead.email)).toEqual(['hanako@sakura.example.jp']);
    expect(page.handoffs).toEqual([]);
  });

  it("refuses a name that is another role's default, before any write-back could overwrite it", async () => {
    const marketo = await instanceWithCrmMqlDate();
    const settings = marketoSettings(marketo, { action: 'leadLensVerdict' });
    const error = await failure(Promise.resolve().then(() => sourceFor(settings, { now: () => T0, token: marketo.clientSecret })));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe('Two Marketo field roles use the field leadLensVerdict: give each its own in LeadLens options (Field names).');
    expect(error).toMatchObject({ kind: 'not_configured' });
    expect(marketo.stats.requests).toBe(0);
  });

  it("says a connection without its token is not set up, not that the source refused it: nothing was sent", async () => {
    const hubspot = await startFakeHubSpotApi({ contacts: [] });
    fake = hubspot;
    const settings = parseOrThrow(Settings, 'Settings', { ...DEFAULT_SETTINGS, source: { ...DEFAULT_SETTINGS.source, kind: 'hubspot', baseUrl: hubspot.baseUrl } });
    const error = await failure(Promise.resolve().then(() => sourceFor(settings, { now: () => T0, token: undefined })));
    expect(error).toMatchObject({ name: 'SourceError', kind: 'not_configured', connectionRefused: true });
    expect(hubspot.stats.requests).toBe(0);
  });
});

describe("sourceFor: the settings' grading", () => {
  // A retail marketing manager at a 300-person company, with a score of 60: 30 + 20 fit points, readiness 2.
  const RETAIL_TARGETED = { targetIndustries: ['Retail', '小売'] };

  it("grades Marketo leads on the settings' target industries, and the handoff gets the SLA rule of that grade", async () => {
    const marketo = await startFakeMarketoApi({
      leads: [
        { id: 7, email: 'hanako@sakura.example.jp', title: 'Marketing Manager', industry: 'retail', numberOfEmployees: 300, leadScore: 60, leadStatus: 'Open', updatedAt: '2026-11-15T23:00:00Z', mqlDate: MQL_AT, leadOwnerEmailAddress: REP },
      ],
      activities: [{ leadId: 7, activityTypeId: 2, activityDate: '2026-11-15T23:20:00Z', primaryAttributeValue: 'Demo request' }],
    });
    fake = marketo;
    const pageWith = (grading?: unknown) => sourceFor(marketoSettings(marketo, undefined, grading), { now: () => T0, token: marketo.clientSecret }).changes(null, 10);

    const builtIn = await pageWith();
    expect(builtIn.leads[0]).toMatchObject({ fit: 'B', readiness: 2, grade: 'B2' });
    expect(builtIn.handoffs[0]!.rule).toBe('Marketing qualified');

    const targeted = await pageWith(RETAIL_TARGETED);
    expect(targeted.leads[0]).toMatchObject({ fit: 'A', readiness: 2, grade: 'A2' });
    expect(targeted.handoffs[0]!.rule).toBe('Hot lead: grade A1, A2 or B1');

    const demanding = await pageWith({ ...RETAIL_TARGETED, readiness: [90, 70, 50] });
    expect(demanding.leads[0]).toMatchObject({ fit: 'A', readiness: 3, grade: 'A3' });
  });

  it("grades HubSpot contacts on the settings' grading", async () => {
    const hubspot = await startFakeHubSpotApi({
      owners: [{ id: '101', email: REP }],
      contacts: [
        {
          id: '1',
          properties: { email: 'ken@shop.example.jp', jobtitle: '販売促進マネージャー', industry: '小売', numemployees: '250-500', hubspotscore: '60', hubspot_owner_id: '101', lastmodifieddate: '2026-11-15T23:00:00Z' },
        },
      ],
    });
    fake = hubspot;
    const leadWith = async (grading?: unknown) => {
      const settings = parseOrThrow(Settings, 'Settings', { ...DEFAULT_SETTINGS, repEmail: REP, source: { kind: 'hubspot', baseUrl: hubspot.baseUrl }, ...(grading !== undefined && { grading }) });
      return (await sourceFor(settings, { now: () => T0, token: hubspot.token }).changes(null, 10)).leads[0];
    };
    expect(await leadWith()).toMatchObject({ industry: '小売', fit: 'B', grade: 'B2' });
    expect(await leadWith(RETAIL_TARGETED)).toMatchObject({ fit: 'A', grade: 'A2' });
  });

  it("grades the demo's leads on the settings' grading", async () => {
    const grading = { fit: [90, 80, 70], readiness: [95, 90, 85], targetIndustries: ['Logistics'] };
    const settings = parseOrThrow(Settings, 'Settings', { ...DEFAULT_SETTINGS, grading });
    const page = await sourceFor(settings, { now: () => T0 }).changes(null, 1000);
    expect(page.leads.length).toBeGreaterThan(100);
    for (const lead of page.leads) {
      expect({ fit: lead.fit, readiness: lead.readiness, grade: lead.grade }).toEqual(gradeFor(lead, lead.score, settings.grading));
    }
    // Stricter than the built-in grading: fewer A leads.
    const builtIn = await sourceFor(DEFAULT_SETTINGS, { now: () => T0 }).changes(null, 1000);
    const aLeads = (leads: typeof page.leads) => leads.filter((lead) => lead.fit === 'A').length;
    expect(aLeads(page.leads)).toBeLessThan(aLeads(builtIn.leads));
  });
});
