// What the connection form checks before the background or the browser is asked anything; the form
// around it is exercised in test/components/OptionsPage.test.tsx.
import { describe, expect, it } from 'vitest';
import { checkConnection, type ConnectionInputs } from '../../../components/options/use-connection-form';

const typed = (change: Partial<ConnectionInputs>): ConnectionInputs => ({
  kind: 'http',
  baseUrl: '',
  clientId: '',
  marketoFields: {},
  activityTypeId: '',
  hubspotScoreProperty: '',
  hubspotMqlDateProperty: '',
  recentActivityDays: '',
  token: '',
  ...change,
});

describe('checkConnection', () => {
  it('needs no site for the demo, whatever else was typed', () => {
    expect(checkConnection(typed({ kind: 'demo', baseUrl: 'not a url', token: 'x' }))).toEqual({ ok: true, connection: { kind: 'demo' }, origin: null });
  });

  it("names the address when it is no URL, and falls back to the source's default when none is typed", () => {
    expect(checkConnection(typed({ baseUrl: 'leads example com' }))).toEqual({ ok: false, problem: 'Not saved: API base URL: leads example com' });
    expect(checkConnection(typed({ baseUrl: '' }))).toMatchObject({ ok: false });
    expect(checkConnection(typed({ kind: 'hubspot', token: 'pat' }))).toEqual({
      ok: true,
      origin: 'https://api.hubapi.com',
      connection: { kind: 'hubspot', baseUrl: undefined, clientId: undefined, marketoFields: undefined, activityTypeId: undefined, token: 'pat' },
    });
  });

  it('trims what Marketo is sent, and sends a client ID for Marketo alone', () => {
    const marketo = { baseUrl: ' https://123-ABC-456.mktorest.com/rest ', clientId: ' id-1 ', activityTypeId: ' 100001 ', marketoFields: { note: ' Sales_Note__c ' } };
    expect(checkConnection(typed({ kind: 'marketo', ...marketo }))).toMatchObject({
      ok: true,
      origin: 'https://123-abc-456.mktorest.com',
      connection: { baseUrl: 'https://123-ABC-456.mktorest.com/rest', clientId: 'id-1', activityTypeId: 100001, marketoFields: { note: 'Sales_Note__c' } },
    });
    expect(checkConnection(typed({ kind: 'http', ...marketo }))).toMatchObject({ ok: true, connection: { clientId: undefined, activityTypeId: undefined, marketoFields: undefined } });
  });
});
