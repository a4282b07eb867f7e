import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { describe, expect, it } from 'vitest';
import {
  Email,
  Handoff,
  Lead,
  OutboxItem,
  parse,
  parseOrThrow,
  ParseError,
  Touch,
} from '../../../lib/domain/model';
import { BusinessCalendar, MarketoFields, Settings, SlaPolicy } from '../../../lib/domain/settings-schema';
import { makeHandoff, makeLead, makeOutboxItem, makeTouch } from '../../fixtures/factories';

const failure = (result: ReturnType<typeof parse>) => {
  if (result.ok) throw new Error('expected a parse failure');
  return result.error;
};

describe('Email', () => {
  it('trims and lower-cases the key', () => {
    expect(parseOrThrow(Email, 'email', '  Taro.Sato@Sakura.EXAMPLE.jp ')).toBe('taro.sato@sakura.example.jp');
  });

  it.each(['', 'not-an-email', 'a@b', '<script>@x.com'])('rejects %j', (input) => {
    expect(parse(Email, 'email', input).ok).toBe(false);
  });
});

describe('Lead', () => {
  it('accepts a complete lead and fills defaults', () => {
    const { company: _company, scoreFactors: _factors, ...minimal } = makeLead(1);
    const lead = parseOrThrow(Lead, 'Lead', minimal);
    expect(lead.company).toBe('');
    expect(lead.scoreFactors).toEqual([]);
  });

  it('names the field and the reason when a score is out of range', () => {
    const error = failure(parse(Lead, 'Lead', makeLead(1, { score: 140 })));
    expect(error).toBeInstanceOf(ParseError);
    expect(error.message).toMatch(/^Lead: score: /);
    expect(error.message).toMatch(/100/);
  });

  it('names every broken field, nested ones by path', () => {
    const bad = { ...makeLead(1), stage: 'hot', grade: 'E9', scoreFactors: [{ label: '', points: 'ten' }] };
    const message = failure(parse(Lead, 'Lead', bad)).message;
    expect(message).toMatch(/stage: /);
    expect(message).toMatch(/grade: grade must be a fit letter A-D/);
    expect(message).toMatch(/scoreFactors\.0\.label: /);
    expect(message).toMatch(/scoreFactors\.0\.points: /);
  });

  it('rejects input that is not an object at all, saying so at the root', () => {
    expect(failure(parse(Lead, 'Lead', 'hello')).message).toMatch(/^Lead: \(root\): /);
    expect(() => parseOrThrow(Lead, 'Lead', null)).toThrow(ParseError);
  });
});

describe('Touch and Handoff', () => {
  it('accepts valid ones', () => {
    expect(parse(Touch, 'Touch', makeTouch(1, 'a@b.example.com')).ok).toBe(true);
    expect(parse(Handoff, 'Handoff', makeHandoff(1)).ok).toBe(true);
  });

  it('rejects an unknown touch type, a non-URL and a negative time', () => {
    const message = failure(
      parse(Touch, 'Touch', makeTouch(1, 'a@b.example.com', { type: 'fax' as never, url: 'javascript:alert(1)', at: -5 })),
    ).message;
    expect(message).toMatch(/type: /);
    expect(message).toMatch(/url: must be an http or https URL/);
    expect(message).toMatch(/at: /);
  });

  it('rejects a handoff with an unknown status', () => {
    expect(failure(parse(Handoff, 'Handoff', { ...makeHandoff(1), status: 'lost' })).message).toMatch(/status: /);
  });
});

describe('OutboxItem', () => {
  it('accepts feedback and handoff actions', () => {
    expect(parse(OutboxItem, 'OutboxItem', makeOutboxItem(1)).ok).toBe(true);
    const action = makeOutboxItem(2, { payload: { kind: 'handoff_action', handoffId: 'h1', action: 'reject', reasonCode: 'no_budget' } });
    expect(parse(OutboxItem, 'OutboxItem', action).ok).toBe(true);
  });

  it('rejects an unknown verdict and an overlong note', () => {
    const payload = { kind: 'feedback', email: 'a@b.example.com', verdict: 'meh', reasonCode: 'x', note: 'x'.repeat(2001) };
    const message = failure(parse(OutboxItem, 'OutboxItem', { ...makeOutboxItem(1), payload })).message;
    expect(message).toMatch(/payload\.verdict: /);
    expect(message).toMatch(/payload\.note: /);
  });
});

describe('BusinessCalendar, SlaPolicy and Settings', () => {
  const calendar = {
    timeZone: 'Asia/Tokyo',
    week: [...Array(5).fill({ start: '09:00', end: '18:00' }), null, null],
    holidayCountry: 'JP',
  };

  it('accepts a Tokyo calendar', () => {
    expect(parseOrThrow(BusinessCalendar, 'Calendar', calendar).closedDates).toEqual([]);
  });

  it('names a bad time zone, bad hours and a bad country', () => {
    const bad = {
      ...calendar,
      timeZone: 'Mars/Olympus',
      week: [{ start: '18:00', end: '09:00' }, { start: '9am', end: '17:00' }, null, null, null, null, null],
      holidayCountry: 'Japan',
    };
    const message = failure(parse(BusinessCalendar, 'Calendar', bad)).message;
    expect(message).toMatch(/timeZone: not an IANA time zone/);
    expect(message).toMatch(/week\.0: working hours must end after they start/);
    expect(message).toMatch(/week\.1\.start: time must be HH:MM/);
    expect(message).toMatch(/holidayCountry: holiday country must be one of JP, US/);
  });

  it('requires at least one SLA rule', () => {
    expect(failure(parse(SlaPolicy, 'SlaPolicy', { rules: [] })).message).toMatch(/rules: /);
  });

  it('fills the reasons and reminders that settings stored by an older version lack, as a new install has them', () => {
    const { feedbackReasons: _reasons, reminders: _reminders, ...older } = DEFAULT_SETTINGS;
    const parsed = parseOrThrow(Settings, 'Settings', older);
    expect(parsed.feedbackReasons).toEqual(DEFAULT_SETTINGS.feedbackReasons);
    expect(parsed.reminders).toEqual(DEFAULT_SETTINGS.reminders);
    // Each parse gets reasons of its own: editing one set of settings cannot change another's.
    expect(parseOrThrow(Settings, 'Settings', older).feedbackReasons).not.toBe(parsed.feedbackReasons);
  });

  it('rejects settings with a bad rep email and an unknown source', () => {
    const message = failure(
      parse(Settings, 'Settings', { repEmail: 'me', source: { kind: 'excel' }, calendar, slaPolicy: { rules: [] } }),
    ).message;
    expect(message).toMatch(/repEmail: /);
    expect(message).toMatch(/source\.kind: /);
  });
});

describe('Settings: Marketo field names', () => {
  const marketo = (marketoFields: unknown) => ({
    ...DEFAULT_SETTINGS,
    source: { kind: 'marketo', baseUrl: 'https://123-ABC-456.mktorest.com', clientId: 'id-1', marketoFields },
  });

  it('keeps camelCase and CRM-synced names, trimmed', () => {
    const parsed = parseOrThrow(Settings, 'Settings', marketo({ mqlDate: ' MQL_Date__c ', ownerEmail: 'Lead_Owner_Email__c', verdict: 'salesVerdict2' }));
    expect(parsed.source.marketoFields).toEqual({ mqlDate: 'MQL_Date__c', ownerEmail: 'Lead_Owner_Email__c', verdict: 'salesVerdict2' });
  });

  it('drops blank names, so those roles keep their defaults, and keeps no object when all are blank', () => {
    expect(parseOrThrow(Settings, 'Settings', marketo({ mqlDate: 'MQL_Date__c', note: '', reason: '   ' })).source.marketoFields).toEqual({ mqlDate: 'MQL_Date__c' });
    expect(parseOrThrow(Settings, 'Settings', marketo({ mqlDate: '', note: ' ' })).source.marketoFields).toBeUndefined();
  });

  it('uses the defaults when no names were set', () => {
    const parsed = parseOrThrow(Settings, 'Settings', { ...DEFAULT_SETTINGS, source: { kind: 'marketo', clientId: 'id-1' } });
    expect(parsed.source.marketoFields).toBeUndefined();
  });

  it.each([
    ['a display name with spaces', 'MQL Date'],
    ['a leading digit', '1stTouch'],
    ['a leading underscore', '_mqlDate'],
    ['punctuation', 'mql-date'],
    ['a name over 255 characters', `a${'b'.repeat(255)}`],
  ])('refuses %s, naming the role', (_what, name) => {
    const message = failure(parse(Settings, 'Settings', marketo({ actedAt: name }))).message;
    expect(message).toMatch(/source\.marketoFields\.actedAt: must be a Marketo REST API field name: letters, digits and underscores, starting with a letter/);
  });

  it('accepts a name of exactly 255 characters', () => {
    expect(parse(MarketoFields, 'MarketoFields', { note: `a${'b'.repeat(254)}` }).ok).toBe(true);
  });

  it('refuses one name for two roles, since their values would overwrite each other', () => {
    const message = failure(parse(Settings, 'Settings', marketo({ verdict: 'leadLensOutcome', action: ' leadLensOutcome' }))).message;
    expect(message).toMatch(/source\.marketoFields\.action: leadLensOutcome is already the field for verdict: each role needs a field of its own/);
  });
});

describe('Settings: lead grading', () => {
  const withGrading = (grading: unknown) => ({ ...DEFAULT_SETTINGS, grading });
  const gradingMessage = (grading: unknown) => failure(parse(Settings, 'Settings', withGrading(grading))).message;

  it("grades as before for settings stored without a grading, and each parse gets lists of its own", () => {
    const { grading: _grading, ...older } = DEFAULT_SETTINGS;
    const parsed = parseOrThrow(Settings, 'Settings', older);
    expect(parsed.grading).toEqual({
      fit: [75, 50, 25],
      readiness: [80, 60, 40],
      targetIndustries: ['Manufacturing', 'Software', 'Financial services', 'Logistics', '製造業', 'ソフトウェア', '金融', '物流'],
    });
    parsed.grading.targetIndustries.push('Retail');
    expect(parseOrThrow(Settings, 'Settings', older).grading.targetIndustries).not.toContain('Retail');
  });

  it('fills a part of the grading left out', () => {
    const parsed = parseOrThrow(Settings, 'Settings', withGrading({ readiness: [90, 70, 50] }));
    expect(parsed.grading).toMatchObject({ fit: [75, 50, 25], readiness: [90, 70, 50] });
    expect(parsed.grading.targetIndustries).toContain('Software');
  });

  it('accepts equal minimums, which leave a letter empty', () => {
    expect(parseOrThrow(Settings, 'Settings', withGrading({ fit: [60, 60, 0], readiness: [100, 50, 50] })).grading.fit).toEqual([60, 60, 0]);
  });

  it('refuses minimums that are not highest first, naming the field', () => {
    expect(gradingMessage({ fit: [25, 50, 75] })).toMatch(/grading\.fit: the three minimums must go from highest to lowest/);
    expect(gradingMessage({ readiness: [80, 40, 60] })).toMatch(/grading\.readiness: the three minimums must go from highest to lowest/);
  });

  it('refuses minimums outside 0-100, missing or not numbers', () => {
    expect(gradingMessage({ fit: [101, 50, 25] })).toMatch(/grading\.fit\.0: must be 100 or less/);
    expect(gradingMessage({ readiness: [80, 60, -1] })).toMatch(/grading\.readiness\.2: must be 0 or more/);
    expect(gradingMessage({ fit: [75, Number.NaN, 25] })).toMatch(/grading\.fit\.1: must be a number from 0 to 100/);
    expect(gradingMessage({ fit: [75, 50] })).toMatch(/grading\.fit: /);
  });

  it('trims industry names and drops a repeat that differs only in case, keeping the first', () => {
    const parsed = parseOrThrow(Settings, 'Settings', withGrading({ targetIndustries: [' Retail ', 'Healthcare', 'RETAIL', '小売'] }));
    expect(parsed.grading.targetIndustries).toEqual(['Retail', 'Healthcare', '小売']);
    expect(parseOrThrow(Settings, 'Settings', withGrading({ targetIndustries: [] })).grading.targetIndustries).toEqual([]);
  });

  it('refuses an empty or overlong industry name, and more than 50 of them', () => {
    expect(gradingMessage({ targetIndustries: ['Retail', '  '] })).toMatch(/grading\.targetIndustries\.1: an industry name cannot be empty/);
    expect(gradingMessage({ targetIndustries: ['x'.repeat(81)] })).toMatch(/grading\.targetIndustries\.0: an industry name may have at most 80 characters/);
    expect(parseOrThrow(Settings, 'Settings', withGrading({ targetIndustries: ['x'.repeat(80)] })).grading.targetIndustries).toHaveLength(1);
    const many = Array.from({ length: 51 }, (_, n) => `Industry ${n}`);
    expect(gradingMessage({ targetIndustries: many })).toMatch(/grading\.targetIndustries: at most 50 target industries/);
    expect(parseOrThrow(Settings, 'Settings', withGrading({ targetIndustries: many.slice(0, 50) })).grading.targetIndustries).toHaveLength(50);
  });
});

describe('text from a marketing system', () => {
  const OVERRIDES = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  it('drops bidirectional controls from every text field of a lead, a touch and a handoff', () => {
    const spoof = (text: string) => `${text}\u202Egnp.exe\u202C\u2066x\u2069`;
    const lead = parseOrThrow(Lead, 'lead', {
      ...makeLead(1),
      name: spoof('Eve'),
      company: spoof('Orbit'),
      title: spoof('CTO'),
      industry: spoof('Software'),
      qualifiedBy: spoof('MQL'),
      scoreFactors: [{ label: spoof('Webinar'), points: 5 }],
    });
    const touch = parseOrThrow(Touch, 'touch', { ...makeTouch(1, lead.email), title: spoof('Demo'), campaign: spoof('Spring') });
    const handoff = parseOrThrow(Handoff, 'handoff', { ...makeHandoff(1), rule: spoof('Score'), source: spoof('Web') });
    const texts = [lead.name, lead.company, lead.title, lead.industry, lead.qualifiedBy, lead.scoreFactors[0]!.label];
    texts.push(touch.title, touch.campaign, handoff.rule, handoff.source);
    for (const text of texts) for (const control of OVERRIDES) expect(text).not.toContain(control);
    expect(lead.name).toBe('Evegnp.exex');
  });

  it('keeps right-to-left names and Japanese as sent', () => {
    const lead = parseOrThrow(Lead, 'lead', { ...makeLead(1), name: 'מרים כהן', company: '株式会社サクラ' });
    expect([lead.name, lead.company]).toEqual(['מרים כהן', '株式会社サクラ']);
  });
});

describe("a lead's CRM records", () => {
  it('keeps the records a source names, and refuses an id the CRM does not use, naming the field', () => {
    const crmRecords = [
      { crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdEFGH' },
      { crm: 'hubspot', objectType: 'contact', id: '51' },
    ];
    expect(parseOrThrow(Lead, 'lead', { ...makeLead(1), crmRecords }).crmRecords).toEqual(crmRecords);
    const bad = failure(parse(Lead, 'lead', { ...makeLead(1), crmRecords: [{ crm: 'dynamics', objectType: 'contact', id: '42' }] }));
    expect(bad.message).toContain('crmRecords.0.id');
  });
});
