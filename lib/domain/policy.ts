// The settings LeadLens works with: the rep's own, overlaid by the marketing system's policy (the
// team's agreement), overlaid by the organisation's (IT's managed policy, which wins). What a policy
// sets is locked: the rep's own value stays stored underneath, unused, and comes back when the
// policy lets go of the field. Two fields are merged rather than locked: the sites a policy turns on
// are added to the rep's (and those stay on), and the language is a default for reps who left theirs
// on the browser's.
import type { Settings } from './settings-schema';
import { AGREEMENT_FIELDS, type Policy, type PolicyField, type SourcePolicy } from './policy-schema';

export interface PolicyLayers {
  /** The marketing system's policy, while LeadLens is connected to the system that gave it. */
  marketing: Policy;
  /** The organisation's managed policy. */
  managed: Policy;
}

export const NO_POLICY: PolicyLayers = { marketing: {}, managed: {} };

/** Where a field's value comes from. */
export type Origin = 'rep' | 'marketing' | 'organisation';

export interface FieldState<K extends keyof Settings = keyof Settings> {
  /** The value LeadLens uses. */
  value: Settings[K];
  origin: Origin;
  /** The rep cannot change it: a save leaves it as the policy has it. */
  locked: boolean;
  /**
   * Sites: those a policy turned on, which the rep cannot turn off. Source: the parts of a locked
   * connection beyond its kind and address that the organisation also set (`clientId`).
   */
  lockedItems?: string[];
}

export type FieldStates = { [K in keyof Settings]: FieldState<K> };

/** The connection a marketing policy came with: it applies only while LeadLens is connected there. */
export function connectionKey({ kind, baseUrl }: Pick<Settings['source'], 'kind' | 'baseUrl'>): string {
  return `${kind} ${(baseUrl ?? '').replace(/\/+$/, '')}`;
}

export function effectiveSettings(own: Settings, layers: PolicyLayers): Settings {
  return overlay(overlay(own, layers.marketing), layers.managed);
}

function overlay(settings: Settings, policy: Policy): Settings {
  const next = { ...settings };
  if (policy.source) next.source = withConnection(settings.source, policy.source);
  if (policy.calendar) next.calendar = policy.calendar;
  if (policy.slaPolicy) next.slaPolicy = policy.slaPolicy;
  if (policy.grading) next.grading = policy.grading;
  if (policy.feedbackReasons) next.feedbackReasons = policy.feedbackReasons;
  if (policy.sites) next.sites = [...settings.sites, ...policy.sites.filter((site) => !settings.sites.includes(site))];
  if (policy.language && settings.language === 'auto') next.language = policy.language;
  return next;
}

/** The policy's connection over the rep's: the fields it names, and no base URL or client ID of another system. */
function withConnection(source: Settings['source'], policy: SourcePolicy): Settings['source'] {
  const { token: _token, ...connection } = policy; // a token is a credential, never a setting
  return { ...source, ...connection, baseUrl: connection.baseUrl, clientId: connection.clientId ?? source.clientId };
}

/** Each field of the effective settings, with where it comes from and whether the rep may change it. */
export function fieldStates(own: Settings, layers: PolicyLayers): FieldStates {
  const effective = effectiveSettings(own, layers);
  const states = {} as Record<keyof Settings, FieldState>;
  for (const field of Object.keys(effective) as (keyof Settings)[]) {
    states[field] = { value: effective[field], ...originOf(field, own, layers) };
  }
  return states as FieldStates;
}

function originOf(field: keyof Settings, own: Settings, { marketing, managed }: PolicyLayers): Omit<FieldState, 'value'> {
  const isAgreement = (AGREEMENT_FIELDS as readonly string[]).includes(field);
  if (field === 'sites') {
    const lockedItems = [...new Set([...(marketing.sites ?? []), ...(managed.sites ?? [])])];
    return lockedItems.length > 0 ? { origin: managed.sites?.length ? 'organisation' : 'marketing', locked: false, lockedItems } : { origin: 'rep', locked: false };
  }
  if (field === 'language') return managed.language && own.language === 'auto' ? { origin: 'organisation', locked: false } : { origin: 'rep', locked: false };
  if (field === 'source' && managed.source?.clientId !== undefined) return { origin: 'organisation', locked: true, lockedItems: ['clientId'] };
  if (managed[field as PolicyField] !== undefined) return { origin: 'organisation', locked: true };
  if (isAgreement && marketing[field as PolicyField] !== undefined) return { origin: 'marketing', locked: true };
  return { origin: 'rep', locked: false };
}

export interface KeptSettings {
  /** What to store as the rep's own settings. */
  settings: Settings;
  /** The locked fields the incoming settings tried to change: left as the policy has them. */
  ignored: (keyof Settings)[];
}

/**
 * The rep's own settings after a save of `incoming` (the effective settings as the options page
 * edited them). A field left as it is shown keeps the rep's own value underneath, so a policy's
 * value never becomes the rep's; a change to a locked field is ignored and named.
 */
export function keepLockedFields(incoming: Settings, own: Settings, layers: PolicyLayers): KeptSettings {
  const states = fieldStates(own, layers);
  const next = { ...incoming };
  const ignored: (keyof Settings)[] = [];
  const keepOwn = <K extends keyof Settings>(field: K) => {
    next[field] = own[field];
  };
  for (const field of Object.keys(states) as (keyof Settings)[]) {
    const state = states[field];
    if (sameJson(incoming[field], state.value)) keepOwn(field);
    else if (field === 'source' && state.locked) {
      // The policy's connection is locked; the rest of the source (Marketo's field names, say) is the rep's.
      const clientIdLocked = state.lockedItems?.includes('clientId') ?? false;
      const lockedPart = ({ kind, baseUrl, clientId }: Settings['source']) => ({ kind, baseUrl, ...(clientIdLocked ? { clientId } : {}) });
      next.source = { ...incoming.source, ...lockedPart(own.source) };
      if (!sameJson(lockedPart(incoming.source), lockedPart(states.source.value))) ignored.push(field);
    } else if (field === 'sites' && state.lockedItems) {
      const locked = state.lockedItems;
      next.sites = [...incoming.sites.filter((site) => !locked.includes(site)), ...own.sites.filter((site) => locked.includes(site))];
      if (locked.some((site) => !incoming.sites.includes(site))) ignored.push(field);
    } else if (state.locked) {
      keepOwn(field);
      ignored.push(field);
    }
  }
  return { settings: next, ignored };
}

/** The Lead Context API token the organisation's policy gives, for exactly the connection it names. */
export function policyToken(layers: PolicyLayers, connection: Pick<Settings['source'], 'kind' | 'baseUrl'>): string | undefined {
  const source = layers.managed.source;
  if (!source?.token || connection.kind !== 'http' || connectionKey(source) !== connectionKey(connection)) return undefined;
  return source.token;
}

/** Equality of JSON-like values, whatever the order of their keys; undefined members count as absent. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  const defined = (value: object) => Object.entries(value).filter(([, member]) => member !== undefined);
  const left = defined(a);
  const right = new Map(defined(b));
  return left.length === right.size && left.every(([key, member]) => right.has(key) && sameJson(member, right.get(key)));
}
