import { describe, expect, it } from 'vitest';
import { LEADLENS_FIELDS, STANDARD_FIELDS, type FakeField } from '../../../fakes/marketo-api';
import { marketo } from './helpers';

/** The instance's schema with LeadLens's fields changed: a name mapped to null is left out. */
function schema(changes: Record<string, Partial<FakeField> | null>): FakeField[] {
  const custom = LEADLENS_FIELDS.flatMap((field) => (changes[field.name] === null ? [] : [{ ...field, ...changes[field.name] }]));
  return [...STANDARD_FIELDS, ...custom];
}

describe('Marketo: Test connection checks each field against the lead schema', () => {
  it('passes when every configured field exists with a fitting type and the role has the permissions', async () => {
    const { source } = await marketo();
    expect(await source.check()).toEqual({ ok: true, message: 'Connected.', problems: [], notes: [] });
  });

  it('names each missing field with the type to create', async () => {
    const { source } = await marketo({ fields: schema({ mqlDate: null, leadLensNote: null, leadLensKey: null }) });
    const check = await source.check();
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.stringMatching(/^Marketo has no lead field mqlDate \(the MQL date\)\. Create it as a Datetime field .*or give the name of yours in LeadLens options \(Field names\)\.$/),
      expect.stringMatching(/^Marketo has no lead field leadLensNote \(the rep's note\)\. Create it as a Text Area field/),
      expect.stringMatching(/^Marketo has no lead field leadLensKey \(the write's idempotency key\)\. Create it as a String field/),
    ]);
  });

  it('refuses a note field that is a String, a date that is not a date, and a write field Marketo will not let LeadLens update', async () => {
    const { source } = await marketo({ fields: schema({ leadLensNote: { dataType: 'string', length: 255 }, leadLensActedAt: { dataType: 'string' }, leadLensVerdict: { updateable: false } }) });
    const check = await source.check();
    expect(check.problems).toEqual([
      expect.stringMatching(/^The field leadLensVerdict \(the rep's verdict\) cannot be updated through the API/),
      expect.stringMatching(/^The field leadLensNote \(the rep's note\) is a String field, which holds 255 characters; a note can be 2,000: make it a Text Area field/),
      expect.stringMatching(/^The field leadLensActedAt \(when the rep acted\) is a String field; LeadLens needs a Datetime field/),
    ]);
  });

  it('checks the names set in the options, not the defaults', async () => {
    const { source } = await marketo({ fields: [...schema({ mqlDate: null }), { name: 'MQL_Date__c', dataType: 'datetime', updateable: false }] }, { fields: { mqlDate: 'MQL_Date__c' } });
    expect(await source.check()).toMatchObject({ ok: true });
  });

  it('says when the owner field cannot be searched, so the rep’s leads come only with their activity', async () => {
    const { source } = await marketo({ fields: schema({ leadOwnerEmailAddress: { searchable: false } }) });
    const check = await source.check();
    expect(check.ok).toBe(true);
    expect(check.notes).toEqual([expect.stringMatching(/leadOwnerEmailAddress.*not searchable/)]);
  });

  it('names the permission the API role lacks, for each thing LeadLens does', async () => {
    const { source } = await marketo({ permissions: ['Read-Only Lead'] }, { activityTypeId: 100_001 });
    const check = await source.check();
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.stringMatching(/Read-Only Activity/),
      expect.stringMatching(/Read-Write Lead/),
      expect.stringMatching(/Read-Write Activity/),
    ]);
  });

  it('says when the custom activity type in the settings does not exist', async () => {
    const { source } = await marketo({ customActivityTypes: [{ id: 100_002, name: 'Other' }] }, { activityTypeId: 100_001 });
    expect((await source.check()).problems).toEqual([expect.stringMatching(/no activity type 100001/)]);
  });

  it('says the client ID or secret is wrong before anything else', async () => {
    const { newSource } = await marketo();
    const check = await newSource({ clientSecret: 'wrong' }).check();
    expect(check).toMatchObject({ ok: false, problems: [expect.stringMatching(/Check the Marketo client ID and secret/)] });
  });
});
