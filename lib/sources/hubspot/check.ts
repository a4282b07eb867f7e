// Test connection for HubSpot, and the contact properties the options page offers: whether the
// token is good, which of the scopes LeadLens needs the token lacks (from a private app token's own scope
// list, and from any 403 MISSING_SCOPES a probe meets), and whether the chosen score and MQL date
// properties exist with a type LeadLens can read.
import { z } from 'zod';
import { HubSpotApiError, SCOPES, type HubSpotCall } from './client';
import { LEGACY_SCORE, type HubSpotProperties } from './map';
import { connectionCheck, SourceError, type ConnectionCheck } from '../source';

/** A contact property offered for a role: its internal name, its label, its type. */
export interface PropertyChoice {
  name: string;
  label: string;
  type: string;
}

const PropertiesBody = z.object({
  results: z.array(z.object({ name: z.string(), label: z.string().default(''), type: z.string(), hidden: z.boolean().default(false) })),
});
const TokenInfo = z.object({ scopes: z.array(z.string()) });
const Any = z.unknown();

const SCORE_TYPES = ['number'];
const DATE_TYPES = ['date', 'datetime'];

/** The number properties (for the score) and the date and datetime properties (for the MQL date), by label. */
export async function listContactProperties(call: HubSpotCall): Promise<{ numbers: PropertyChoice[]; dates: PropertyChoice[] }> {
  const { results } = await call('GET', '/crm/v3/properties/contacts', PropertiesBody);
  const shown = results.filter((property) => !property.hidden).map(({ name, label, type }) => ({ name, label, type }));
  const byLabel = (a: PropertyChoice, b: PropertyChoice) => a.label.localeCompare(b.label);
  return { numbers: shown.filter((property) => SCORE_TYPES.includes(property.type)).sort(byLabel), dates: shown.filter((property) => DATE_TYPES.includes(property.type)).sort(byLabel) };
}

export interface CheckContext {
  call: HubSpotCall;
  token: string;
  properties: HubSpotProperties;
}

export async function checkHubSpot({ call, token, properties }: CheckContext): Promise<ConnectionCheck> {
  const problems: string[] = [];
  const notes: string[] = [];
  const named = new Set<string>();
  const lacking = (scopes: string[]) => {
    const fresh = scopes.filter((scope) => !named.has(scope));
    fresh.forEach((scope) => named.add(scope));
    if (fresh.length > 0) problems.push(scopeProblem(fresh));
  };
  try {
    const info = await call('POST', '/oauth/v2/private-apps/get/access-token-info', TokenInfo, { tokenKey: token });
    lacking(SCOPES.filter((scope) => !info.scopes.includes(scope)));
  } catch {
    // Not a legacy private app's token (a service key, say): the probes below meet any missing read scope.
    notes.push('HubSpot did not list this token’s scopes, so LeadLens could not check crm.objects.contacts.write, which only a write would prove.');
  }
  let refused: string | undefined;
  const probe = async <T>(run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof HubSpotApiError && error.scopes.length > 0) lacking(error.scopes);
      else if (error instanceof SourceError && error.kind === 'auth') refused ??= error.message;
      else problems.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
  await probe(() => call('GET', '/crm/v3/owners?limit=1', Any));
  if (refused) return connectionCheck([refused]); // a token HubSpot refuses: nothing else can be known
  await probe(() => call('POST', '/crm/v3/objects/contacts/search', Any, { limit: 1, properties: ['email'] }));
  const listed = await probe(() => call('GET', '/crm/v3/properties/contacts', PropertiesBody));
  if (listed) problems.push(...propertyProblems(listed.results, properties));
  if (properties.score === LEGACY_SCORE) {
    notes.push(`The score comes from ${LEGACY_SCORE}, HubSpot's legacy score, which stopped updating at the end of August 2025: in LeadLens options, choose the score property your lead scoring tool writes to (Score property).`);
  }
  return connectionCheck(problems, notes);
}

function scopeProblem(scopes: string[]): string {
  const list = scopes.length === 1 ? `the scope ${scopes[0]}` : `the scopes ${scopes.slice(0, -1).join(', ')} and ${scopes.at(-1)}`;
  return `The HubSpot token lacks ${list}. In HubSpot, add ${scopes.length === 1 ? 'it' : 'them'} to the scopes of its service key (Development > Keys > Service keys) or legacy private app (Development > Legacy apps), then save the token in LeadLens options.`;
}

function propertyProblems(results: z.infer<typeof PropertiesBody>['results'], chosen: HubSpotProperties): string[] {
  const byName = new Map(results.map((property) => [property.name, property]));
  const roles = [
    { name: chosen.score, role: 'the score', kind: 'a number', types: SCORE_TYPES, setting: 'Score property' },
    { name: chosen.mqlDate, role: 'the MQL date', kind: 'a date or date-time', types: DATE_TYPES, setting: 'MQL date property' },
  ];
  return roles.flatMap(({ name, role, kind, types, setting }) => {
    const property = byName.get(name);
    if (!property) return [`HubSpot has no contact property ${name} (${role}). Choose one in LeadLens options (${setting}), or create it in HubSpot as ${kind} property.`];
    if (!types.includes(property.type)) {
      const article = /^[aeiou]/.test(property.type) ? 'an' : 'a';
      return [`The ${role.replace(/^the /, '')} property ${name} is ${article} ${property.type} property in HubSpot; choose ${kind} property in LeadLens options (${setting}).`];
    }
    return [];
  });
}

// Written against HubSpot's developer documentation:
// - Private app token info, POST /oauth/v2/private-apps/get/access-token-info { tokenKey } -> scopes:
//   https://developers.hubspot.com/docs/api/private-apps
// - Properties, GET /crm/v3/properties/contacts (name, label, type: string, number, date, datetime,
//   enumeration, bool; hidden): https://developers.hubspot.com/docs/api/crm/properties
// - Lead scoring: the HubSpot Score property stopped updating on 2025-08-31; the lead scoring tool writes
//   each score to a contact property: https://knowledge.hubspot.com/scoring/understand-the-lead-scoring-tool
// - 403 MISSING_SCOPES and its errors[].context: cited in client.ts.
