// sourceFor turns saved settings into a source; here, that the Marketo field names set in the options
// reach the adapter, against the Marketo contract fake.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/default-settings';
import { parseOrThrow, Settings } from '../../../lib/model';
import { sourceFor } from '../../../lib/sources';
import { SourceError } from '../../../lib/sources/source';
import { startFakeMarketoApi, type FakeMarketoApi } from '../../fakes/marketo-api';
import { failure } from '../../fakes/source-failure';

const T0 = Date.UTC(2026, 10, 16, 0, 0); // Mon 2026-11-16 09:00 in Tokyo
const REP = 'rep@acme.example.com';
const MQL_AT = '2026-11-15T23:30:00Z';

let fake: FakeMarketoApi | undefined;
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

function marketoSettings(marketo: FakeMarketoApi, marketoFields?: Record<string, string>): Settings {
  const source = { kind: 'marketo', baseUrl: marketo.baseUrl, clientId: marketo.clientId, marketoFields };
  return parseOrThrow(Settings, 'Settings', { ...DEFAULT_SETTINGS, repEmail: REP, source });
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
    expect(marketo.stats.requests).toBe(0);
  });
});
