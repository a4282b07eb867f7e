import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { AGREEMENT_FIELDS, readPolicy, type Policy } from '../../../lib/domain/policy-schema';
import { effectiveSettings, fieldStates, keepLockedFields, NO_POLICY, policyToken, sameJson, type PolicyLayers } from '../../../lib/domain/policy';
import type { Settings, SlaPolicy } from '../../../lib/domain/settings-schema';
import example from '../../e2e/policy-example.json';

const TWO_HOURS: SlaPolicy = {
  rules: [{ id: 'all', name: 'Every handoff: 2 business hours', match: {}, firstContactHours: 2, followUpHours: [8] }],
  dueSoonMinutes: 60,
};
const SIX_HOURS: SlaPolicy = { rules: [{ id: 'all', name: 'Six hours', match: {}, firstContactHours: 6, followUpHours: [] }], dueSoonMinutes: 120 };
const own: Settings = { ...DEFAULT_SETTINGS, repEmail: 'hanako.yamada@example.co.jp', sites: ['pipedrive'] };
const layers = (managed: Policy = {}, marketing: Policy = {}): PolicyLayers => ({ managed, marketing });

describe('reading a policy', () => {
  it('reads the README example whole, Chrome spellings included: {} is a day off, "none" no public holidays', () => {
    const { policy, problems } = readPolicy(example, 'organisation');
    expect(problems).toEqual([]);
    expect(Object.keys(policy).sort()).toEqual(['calendar', 'feedbackReasons', 'grading', 'language', 'sites', 'slaPolicy', 'source']);
    expect(policy.calendar!.week).toEqual([...Array(5).fill({ start: '09:00', end: '18:00' }), null, null]);
    expect(policy.slaPolicy!.rules.map((rule) => rule.firstContactHours)).toEqual([1, 2]);
    expect(readPolicy({ calendar: { ...example.calendar, holidayCountry: 'none' } }, 'organisation').policy.calendar!.holidayCountry).toBeNull();
  });

  it('parses each field on its own: a bad one is named and left out, the others apply', () => {
    const { policy, problems } = readPolicy(
      { slaPolicy: { rules: [{ id: 'x', name: 'x', firstContactHours: -1 }] }, calendar: { ...example.calendar, timeZone: 'Nowhere/Land' }, language: 'ja', colour: 'blue' },
      'organisation',
    );
    expect(policy).toEqual({ language: 'ja' });
    expect(problems).toEqual([
      expect.stringMatching(/^Your organisation's policy, slaPolicy: rules\.0\.firstContactHours: .*slaPolicy stays as it was\.$/),
      expect.stringMatching(/^Your organisation's policy, calendar: timeZone: not an IANA time zone/),
      `Your organisation's policy sets "colour", which LeadLens does not know: it is ignored.`,
    ]);
  });

  it("takes only the team's agreement from the marketing system: not the connection, the sites or the language", () => {
    const { policy, problems } = readPolicy(example, 'marketing');
    expect(Object.keys(policy).sort()).toEqual([...AGREEMENT_FIELDS].sort());
    expect(problems).toEqual(['source', 'sites', 'language'].map((field) => `The marketing system's policy sets "${field}", which only your organisation's IT may set: it is ignored.`));
  });

  it('takes a token for the Lead Context API only, and a connection with the base URL it needs', () => {
    expect(readPolicy({ source: { kind: 'http', baseUrl: 'https://mw.example.com', token: 't0k3n' } }, 'organisation').policy.source).toEqual({
      kind: 'http',
      baseUrl: 'https://mw.example.com',
      token: 't0k3n',
    });
    expect(readPolicy({ source: { kind: 'hubspot', token: 'pat-na1-…' } }, 'organisation').problems).toEqual([expect.stringMatching(/source: token: only a Lead Context API token/)]);
    expect(readPolicy({ source: { kind: 'http' } }, 'organisation').problems).toEqual([expect.stringMatching(/source: baseUrl: a Lead Context API connection needs its baseUrl/)]);
  });

  it('says so when a policy is not an object, and reads null fields as not set', () => {
    expect(readPolicy('slaPolicy', 'marketing')).toEqual({ policy: {}, problems: ["The marketing system's policy is not a JSON object: none of it applies."] });
    expect(readPolicy({ slaPolicy: null }, 'marketing')).toEqual({ policy: {}, problems: [] });
    expect(readPolicy(undefined, 'organisation')).toEqual({ policy: {}, problems: [] });
  });
});

describe('the effective settings', () => {
  it("are the rep's own overlaid by the marketing system's policy overlaid by the organisation's", () => {
    expect(effectiveSettings(own, NO_POLICY)).toEqual(own);
    expect(effectiveSettings(own, layers({}, { slaPolicy: SIX_HOURS })).slaPolicy).toEqual(SIX_HOURS);
    expect(effectiveSettings(own, layers({ slaPolicy: TWO_HOURS }, { slaPolicy: SIX_HOURS })).slaPolicy).toEqual(TWO_HOURS);
    expect(effectiveSettings(own, layers({ slaPolicy: TWO_HOURS }, { slaPolicy: SIX_HOURS })).repEmail).toBe(own.repEmail);
  });

  it("add the policy's sites to the rep's, and take its language only where the rep left the browser's", () => {
    const managed: Policy = { sites: ['salesforce', 'pipedrive'], language: 'ja' };
    expect(effectiveSettings(own, layers(managed))).toMatchObject({ sites: ['pipedrive', 'salesforce'], language: 'ja' });
    expect(effectiveSettings({ ...own, language: 'en' }, layers(managed)).language).toBe('en');
  });

  it("take the policy's connection, never a token, and keep the rep's other source fields", () => {
    const mine: Settings = { ...own, source: { kind: 'marketo', baseUrl: 'https://1-ab.mktorest.com', clientId: 'mine', demoSeed: 1, recentActivityDays: 10 } };
    const source = effectiveSettings(mine, layers({ source: { kind: 'http', baseUrl: 'https://mw.example.com', token: 'secret' } })).source;
    expect(source).toEqual({ kind: 'http', baseUrl: 'https://mw.example.com', clientId: 'mine', demoSeed: 1, recentActivityDays: 10 });
  });
});

describe('each field with its origin', () => {
  it('says which fields a policy set and locks them; sites and language are merged, not locked', () => {
    const states = fieldStates(own, layers({ slaPolicy: TWO_HOURS, sites: ['salesforce'], language: 'ja' }, { slaPolicy: SIX_HOURS, grading: example.grading as Settings['grading'] }));
    expect(states.slaPolicy).toEqual({ value: TWO_HOURS, origin: 'organisation', locked: true });
    expect(states.grading).toMatchObject({ origin: 'marketing', locked: true });
    expect(states.calendar).toEqual({ value: own.calendar, origin: 'rep', locked: false });
    expect(states.sites).toEqual({ value: ['pipedrive', 'salesforce'], origin: 'organisation', locked: false, lockedItems: ['salesforce'] });
    expect(states.language).toEqual({ value: 'ja', origin: 'organisation', locked: false });
    expect(states.repEmail).toEqual({ value: own.repEmail, origin: 'rep', locked: false });
    expect(Object.keys(states).sort()).toEqual(Object.keys(own).sort());
  });

  it("names the Marketo client ID as locked too when the organisation's connection sets it, and only then", () => {
    const connection = { kind: 'marketo' as const, baseUrl: 'https://1-ab.mktorest.com' };
    expect(fieldStates(own, layers({ source: { ...connection, clientId: 'org-id' } })).source).toMatchObject({ origin: 'organisation', locked: true, lockedItems: ['clientId'] });
    expect(fieldStates(own, layers({ source: connection })).source.lockedItems).toBeUndefined();
  });
});

describe("saving the rep's settings under a policy", () => {
  const managed = layers({ slaPolicy: TWO_HOURS, sites: ['salesforce'], source: { kind: 'http', baseUrl: 'https://mw.example.com' } });
  const shown = effectiveSettings(own, managed);

  it("stores the rep's own values under fields left as shown: a policy's value never becomes the rep's", () => {
    expect(keepLockedFields(shown, own, managed)).toEqual({ settings: own, ignored: [] });
  });

  it('ignores a change to a locked field and names it, and keeps the changes the rep may make', () => {
    const edited: Settings = { ...shown, slaPolicy: SIX_HOURS, repEmail: 'taro@example.co.jp', calendar: { ...shown.calendar, holidayCountry: null } };
    const { settings, ignored } = keepLockedFields(edited, own, managed);
    expect(ignored).toEqual(['slaPolicy']);
    expect(settings.slaPolicy).toEqual(own.slaPolicy);
    expect(settings).toMatchObject({ repEmail: 'taro@example.co.jp', calendar: { holidayCountry: null } });
    expect(effectiveSettings(settings, managed).slaPolicy).toEqual(TWO_HOURS);
  });

  it("keeps the policy's sites on, while the rep turns others on and off", () => {
    const { settings, ignored } = keepLockedFields({ ...shown, sites: ['hubspot'] }, own, managed);
    expect(ignored).toEqual(['sites']);
    expect(settings.sites).toEqual(['hubspot']);
    expect(effectiveSettings(settings, managed).sites).toEqual(['hubspot', 'salesforce']);
  });

  it("locks the policy's connection but not the rest of the source", () => {
    const moved = keepLockedFields({ ...shown, source: { ...shown.source, baseUrl: 'https://elsewhere.example.com' } }, own, managed);
    expect(moved.ignored).toEqual(['source']);
    expect(moved.settings.source).toEqual(own.source);
    const tuned = keepLockedFields({ ...shown, source: { ...shown.source, recentActivityDays: 60 } }, own, managed);
    expect(tuned).toEqual({ settings: { ...own, source: { ...own.source, recentActivityDays: 60 } }, ignored: [] });
  });
});

describe("the organisation's token", () => {
  const managed = layers({ source: { kind: 'http', baseUrl: 'https://mw.example.com/leadlens/', token: 'team-token' } });
  it('goes to the connection the policy names and to no other', () => {
    expect(policyToken(managed, { kind: 'http', baseUrl: 'https://mw.example.com/leadlens' })).toBe('team-token');
    expect(policyToken(managed, { kind: 'http', baseUrl: 'https://evil.example.com/leadlens' })).toBeUndefined();
    expect(policyToken(managed, { kind: 'hubspot', baseUrl: 'https://mw.example.com/leadlens' })).toBeUndefined();
    expect(policyToken(NO_POLICY, { kind: 'http', baseUrl: 'https://mw.example.com/leadlens' })).toBeUndefined();
  });
});

describe('sameJson', () => {
  it('ignores key order and undefined members, and tells arrays from objects', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
