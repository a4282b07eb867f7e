// Test connection for Marketo: every field LeadLens reads or writes, under the names the settings
// give them, against the instance's lead schema (Describe Lead2), with what to create when one is
// missing or of the wrong type; and each permission the API user's role needs, met by a call that
// changes nothing, so a 603 names it. Without this a missing field fails every sync with 1006.
import { z } from 'zod';
import type { MarketoFieldRole } from '../../domain/settings-schema';
import { pagingToken } from './activities';
import { MarketoApiError, type MarketoCall } from './client';
import type { MarketoFieldNames } from './map';
import { connectionCheck, SourceError, type ConnectionCheck } from '../source';

const Describe = z.object({
  searchableFields: z.array(z.array(z.string())).default([]),
  fields: z.array(z.object({ name: z.string(), dataType: z.string(), length: z.number().optional(), updateable: z.boolean().default(true) })),
});
const ActivityType = z.object({ id: z.number() });

interface Role {
  what: string;
  /** Describe's dataType values that serve, the first the one to create. */
  types: string[];
  writes: boolean;
  hint?: string;
}

const ROLES: Record<MarketoFieldRole, Role> = {
  mqlDate: { what: 'the MQL date', types: ['datetime', 'date'], writes: false },
  ownerEmail: { what: "the owner's email address", types: ['email', 'string'], writes: false, hint: ' (with a CRM sync, Lead Owner Email Address is filled for you)' },
  verdict: { what: "the rep's verdict", types: ['string'], writes: true },
  action: { what: "the rep's handoff action", types: ['string'], writes: true },
  reason: { what: 'the reason code', types: ['string'], writes: true },
  note: { what: "the rep's note", types: ['text'], writes: true, hint: ' (a note can be 2,000 characters; a String field holds 255)' },
  actedAt: { what: 'when the rep acted', types: ['datetime'], writes: true },
  idempotencyKey: { what: "the write's idempotency key", types: ['string'], writes: true },
};

/** Marketo's names for its field types, as Field Management shows them. */
const TYPE_NAMES: Record<string, string> = { string: 'String', text: 'Text Area', datetime: 'Datetime', date: 'Date', email: 'Email', integer: 'Integer', float: 'Float', boolean: 'Boolean', currency: 'Currency', phone: 'Phone', url: 'URL', score: 'Score', reference: 'Reference', formula: 'Formula' };
const typeName = (dataType: string) => TYPE_NAMES[dataType] ?? dataType;
const withArticle = (name: string) => `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;

export interface CheckContext {
  call: MarketoCall;
  names: MarketoFieldNames;
  activityTypeId?: number;
}

export async function checkMarketo({ call, names, activityTypeId }: CheckContext): Promise<ConnectionCheck> {
  const problems: string[] = [];
  const notes: string[] = [];
  const denied = new Set<string>();
  /** A call that changes nothing: only a 603 matters, once per permission. */
  const permitted = async (run: () => Promise<unknown>) => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof MarketoApiError && error.code === '603') {
        if (!denied.has(error.permission ?? '')) problems.push(error.message);
        denied.add(error.permission ?? '');
      } else if (!(error instanceof MarketoApiError && error.kind === 'rejected')) throw error;
      return undefined;
    }
  };
  try {
    const described = await permitted(() => call('GET', '/rest/v1/leads/describe2.json'));
    const schema = described ? Describe.safeParse((described as { result: unknown[] }).result[0]) : undefined;
    if (schema?.success) fieldProblems(schema.data, names, problems, notes);
    await permitted(() => pagingToken(call, new Date().toISOString()));
    await permitted(() => call('POST', '/rest/v1/leads.json', { json: { action: 'updateOnly', lookupField: 'email', input: [] } }));
    if (activityTypeId !== undefined) await activityTypeProblems(call, activityTypeId, permitted, problems);
  } catch (error) {
    if (error instanceof SourceError) return connectionCheck([error.message]);
    throw error;
  }
  return connectionCheck(problems, notes);
}

function fieldProblems(schema: z.infer<typeof Describe>, names: MarketoFieldNames, problems: string[], notes: string[]) {
  const byName = new Map(schema.fields.map((field) => [field.name, field]));
  for (const [role, { what, types, writes, hint = '' }] of Object.entries(ROLES) as [MarketoFieldRole, Role][]) {
    const name = names[role];
    const field = byName.get(name);
    const wanted = typeName(types[0]!);
    if (!field) {
      problems.push(`Marketo has no lead field ${name} (${what}). Create it as ${withArticle(wanted)} field in Admin > Field Management${hint}, or give the name of yours in LeadLens options (Field names).`);
    } else if (!types.includes(field.dataType)) {
      const has = withArticle(typeName(field.dataType));
      problems.push(role === 'note' && field.dataType === 'string'
        ? `The field ${name} (${what}) is a String field, which holds 255 characters; a note can be 2,000: make it a Text Area field, or name a Text Area field in LeadLens options (Field names).`
        : `The field ${name} (${what}) is ${has} field; LeadLens needs ${withArticle(wanted)} field: name one in LeadLens options (Field names).`);
    } else if (writes && !field.updateable) {
      problems.push(`The field ${name} (${what}) cannot be updated through the API, and LeadLens writes ${what} to it: name a field it can update in LeadLens options (Field names).`);
    }
  }
  const owner = names.ownerEmail;
  if (byName.has(owner) && !schema.searchableFields.some((key) => key.length === 1 && key[0] === owner)) {
    notes.push(`The owner field ${owner} is not searchable in Marketo, so LeadLens cannot ask for the rep's leads by owner: they arrive as their activity does, within the recent-activity window.`);
  }
}

async function activityTypeProblems(call: MarketoCall, id: number, permitted: (run: () => Promise<unknown>) => Promise<unknown>, problems: string[]) {
  const types = (await permitted(() => call('GET', '/rest/v1/activities/types.json'))) as { result: unknown[] } | undefined;
  if (types && !types.result.some((raw) => ActivityType.safeParse(raw).data?.id === id)) {
    problems.push(`Marketo has no activity type ${id} (LeadLens's custom activity type). Check its ID in Admin > Marketo Custom Activities, or clear it in LeadLens options.`);
  }
  await permitted(() => call('POST', '/rest/v1/activities/external.json', { json: { input: [] } }));
}

// Written against Adobe's Marketo Engage developer documentation (experienceleague.adobe.com/en/docs/
// marketo-developer/marketo/rest/..., source in github.com/AdobeDocs/marketo-developer.en):
// - Leads, Describe: GET /rest/v1/leads/describe2.json (superseding describe.json) -> result[0]
//   { fields: [{ name, displayName, dataType, length, updateable, crmManaged }], searchableFields };
//   "Describe is the primary source of truth for whether fields are available for use".
// - Field Types: String holds up to 255 characters, Text Area up to 30,000 bytes; Datetime, Email.
// - Custom Services, Permission List, and each endpoint's Required Permissions: cited in errors.ts.
// - Activities: Get Activity Types (GET /rest/v1/activities/types.json), Add Custom Activities.
