import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../lib/domain/default-settings';
import { fitPoints, grade, normaliseScore } from '../../../../lib/domain/grade';
import { Handoff, Lead, parse, STAGES, Touch, TOUCH_TYPES } from '../../../../lib/domain/model';
import type { BusinessCalendar, SlaPolicy } from '../../../../lib/domain/settings-schema';
import { createBusinessClock, dueTimes, matchRule, slaStatus } from '../../../../lib/time/sla';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../../lib/domain/default-settings';
import { createDemoSource, DEMO_REFRESH_MS, DEMO_SOURCE_ID, generateDemo } from '../../../../lib/sources/demo/source';

const rep = 'rep@acme.example.com';
const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis();
const tuesdayMorning = tokyo('2026-11-17T11:00');
const saturday = tokyo('2026-11-21T15:00');
const goldenWeek = tokyo('2026-05-04T10:00'); // みどりの日: 2 to 6 May are all days off
const DAY = 86_400_000;
const clock = createBusinessClock(DEFAULT_CALENDAR);
const japanese = /\p{Script=Han}|\p{Script=Katakana}|\p{Script=Hiragana}/u;

describe('generateDemo', () => {
  const demo = generateDemo({ seed: 7, now: tuesdayMorning, repEmail: rep });
  const leadByEmail = new Map(demo.leads.map((lead) => [lead.email, lead]));
  const touchesOf = (email: string) => demo.touches.filter((touch) => touch.email === email);

  it('is the same for the same seed and now, and differs for another seed', () => {
    expect(generateDemo({ seed: 7, now: tuesdayMorning, repEmail: rep })).toEqual(demo);
    const other = generateDemo({ seed: 8, now: tuesdayMorning, repEmail: rep });
    expect(other.leads.map((lead) => lead.email)).not.toEqual(demo.leads.map((lead) => lead.email));
  });

  it('keeps the same people at a later now, with every time before it', () => {
    const later = tuesdayMorning + 3 * DAY;
    const moved = generateDemo({ seed: 7, now: later, repEmail: rep });
    expect(moved.leads.map((lead) => lead.email)).toEqual(demo.leads.map((lead) => lead.email));
    expect(moved.touches.every((touch) => touch.at < later && touch.at > tuesdayMorning - 180 * DAY)).toBe(true);
  });

  it('holds at least 300 leads in every stage, about half with Japanese names and half with English', () => {
    expect(demo.leads.length).toBeGreaterThanOrEqual(300);
    expect(new Set(demo.leads.map((lead) => lead.stage))).toEqual(new Set(STAGES));
    const inJapanese = demo.leads.filter((lead) => japanese.test(lead.name)).length;
    const inEnglish = demo.leads.filter((lead) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(lead.name)).length;
    expect(inJapanese + inEnglish).toBe(demo.leads.length);
    expect(Math.abs(inJapanese - inEnglish)).toBeLessThanOrEqual(demo.leads.length / 10);
    expect(demo.leads.some((lead) => lead.company.startsWith('株式会社') && japanese.test(lead.title))).toBe(true);
  });

  it('gives every lead a unique, normalised email on a reserved domain (or a free-mail one ending .demo), and everything parses with the model', () => {
    const emails = demo.leads.map((lead) => lead.email);
    expect(new Set(emails).size).toBe(emails.length);
    const reserved = (email: string) => /\.example\.(jp|com)$/.test(email) || /\.demo@(gmail\.com|yahoo\.co\.jp|outlook\.jp|icloud\.com)$/.test(email);
    expect(emails.every((email) => email === email.trim().toLowerCase() && reserved(email))).toBe(true);
    for (const lead of demo.leads) expect(parse(Lead, 'Lead', lead)).toMatchObject({ ok: true, value: lead });
    for (const touch of demo.touches) expect(parse(Touch, 'Touch', touch)).toMatchObject({ ok: true, value: touch });
    for (const handoff of demo.handoffs) expect(parse(Handoff, 'Handoff', handoff)).toMatchObject({ ok: true, value: handoff });
  });

  it('has touches of every type, from Japanese and English campaigns, all in the last 180 days', () => {
    expect(new Set(demo.touches.map((touch) => touch.type))).toEqual(new Set(TOUCH_TYPES));
    for (const type of TOUCH_TYPES) {
      expect(demo.touches.some((touch) => touch.type === type && touch.campaign && touch.title)).toBe(true);
    }
    const campaigns = [...new Set(demo.touches.map((touch) => touch.campaign!))];
    expect(campaigns.some((campaign) => japanese.test(campaign))).toBe(true);
    expect(campaigns.some((campaign) => /^[\x20-\x7e]+$/.test(campaign))).toBe(true);
    expect(demo.touches.every((touch) => touch.url?.startsWith('https://'))).toBe(true);
    expect(demo.touches.every((touch) => touch.at < tuesdayMorning && touch.at > tuesdayMorning - 180 * DAY)).toBe(true);
    expect(new Set(demo.touches.map((touch) => touch.id)).size).toBe(demo.touches.length);
    expect(demo.touches.every((touch) => leadByEmail.has(touch.email))).toBe(true);
  });

  it('gives some leads 30 touches or more and some none', () => {
    const perLead = new Map<string, number>();
    demo.touches.forEach((touch) => perLead.set(touch.email, (perLead.get(touch.email) ?? 0) + 1));
    expect(Math.max(...perLead.values())).toBeGreaterThanOrEqual(30);
    expect(perLead.size).toBeLessThan(demo.leads.length);
  });

  it('scores each lead from its factors on a raw scale, and grades it with lib/grade', () => {
    for (const lead of demo.leads) {
      expect(lead.scoreRaw).toBe(lead.scoreFactors.reduce((sum, factor) => sum + factor.points, 0));
      expect(lead.score).toBe(normaliseScore(lead.scoreRaw, { min: 0, max: 250 }));
      const fit = fitPoints({ companySize: lead.companySize, industry: lead.industry, title: lead.title });
      expect({ fit: lead.fit, readiness: lead.readiness, grade: lead.grade }).toEqual(grade(fit.points, lead.score));
      expect(lead.industry && lead.companySize && lead.title).toBeTruthy();
    }
    expect(demo.leads.filter((lead) => lead.scoreFactors.length >= 3).length).toBeGreaterThan(150);
    expect(demo.leads.some((lead) => lead.scoreFactors.some((factor) => factor.points < 0))).toBe(true);
    expect(new Set(demo.leads.map((lead) => lead.grade)).size).toBeGreaterThanOrEqual(12);
    expect(demo.leads.every((lead) => lead.updatedAt <= tuesdayMorning)).toBe(true);
  });

  it('says in words which MQL rule each qualified lead met, and the rule holds', () => {
    const qualifiedStages = ['mql', 'sql', 'opportunity', 'customer', 'recycled'];
    for (const lead of demo.leads) {
      if (!qualifiedStages.includes(lead.stage)) {
        expect(lead.qualifiedBy ?? lead.qualifiedAt).toBeUndefined();
        continue;
      }
      expect(lead.qualifiedBy).toBeTruthy();
      expect(lead.qualifiedAt).toBeLessThan(tuesdayMorning);
      const touches = touchesOf(lead.email);
      expect(touches.some((touch) => touch.type === 'form_fill' && touch.at <= lead.qualifiedAt!)).toBe(true);
      if (/Score ≥ 70|スコア70以上/.test(lead.qualifiedBy!)) expect(lead.score).toBeGreaterThanOrEqual(70);
      if (/Fit A or B|フィットA・B/.test(lead.qualifiedBy!)) expect(['A', 'B']).toContain(lead.fit);
      if (/webinar|ウェビナー/.test(lead.qualifiedBy!)) expect(touches.some((touch) => touch.type === 'webinar')).toBe(true);
    }
    expect(demo.leads.some((lead) => lead.qualifiedBy && japanese.test(lead.qualifiedBy))).toBe(true);
  });

  it('keeps the people the saved pages in test/fixtures name, for the default settings', () => {
    const { leads, handoffs } = generateDemo({ seed: DEFAULT_SETTINGS.source.demoSeed, now: tuesdayMorning, repEmail: DEFAULT_SETTINGS.repEmail });
    const noah = leads.find((lead) => lead.email === 'noah.wright@orbitlabs.example.com');
    expect(noah).toMatchObject({ name: 'Noah Wright', company: 'Orbit Labs' });
    const noahsHandoff = handoffs.find((handoff) => handoff.email === noah!.email);
    expect(noahsHandoff).toMatchObject({ assigneeEmail: DEFAULT_SETTINGS.repEmail, status: expect.stringMatching(/^(pending|accepted)$/) });
    expect(leads.find((lead) => lead.email === 'kazuya.watanabe@aoba-foods.example.jp')).toMatchObject({ name: '渡辺 和也', company: '株式会社あおば食品' });
  });

  it('normalises the rep’s address', () => {
    const { handoffs } = generateDemo({ seed: 7, now: tuesdayMorning, repEmail: ' Rep@Acme.Example.com ' });
    expect(handoffs.filter((handoff) => handoff.assigneeEmail === rep).length).toBeGreaterThanOrEqual(24);
  });
});

describe('generateDemo handoffs', () => {
  it.each([
    ['a Tuesday morning', tuesdayMorning],
    ['a Saturday', saturday],
    ['a Golden Week holiday', goldenWeek],
  ])('on %s, give the rep 24+ pending handoffs, at least 5 each overdue, due soon and on track', (_, now) => {
    const { handoffs } = generateDemo({ seed: 1, now, repEmail: rep });
    const pending = handoffs.filter((handoff) => handoff.assigneeEmail === rep && handoff.status === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(24);
    expectFiveOfEachOpenState(pending, clock, DEFAULT_SLA_POLICY, now);
    const open = handoffs.filter((handoff) => handoff.assigneeEmail === rep && !handoff.respondedAt);
    expect(open.length).toBeGreaterThan(pending.length);
    expect(open.every((handoff) => handoff.status === 'pending' || handoff.status === 'accepted')).toBe(true);
  });

  it('follows a calendar and policy it is given', () => {
    const newYork: BusinessCalendar = {
      timeZone: 'America/New_York',
      week: [...Array(5).fill({ start: '08:30', end: '17:00' }), null, null] as BusinessCalendar['week'],
      holidayCountry: 'US',
      closedDates: [],
      yearlyClosures: [],
    };
    const policy: SlaPolicy = { rules: [{ id: 'all', name: 'Everyone', match: {}, firstContactHours: 6, followUpHours: [12] }], dueSoonMinutes: 60 };
    const now = DateTime.fromISO('2026-11-26T10:00', { zone: 'America/New_York' }).toMillis(); // Thanksgiving
    const nyClock = createBusinessClock(newYork);
    const { handoffs } = generateDemo({ seed: 3, now, repEmail: rep, calendar: newYork, policy });
    const pending = handoffs.filter((handoff) => handoff.assigneeEmail === rep && handoff.status === 'pending');
    expectFiveOfEachOpenState(pending, nyClock, policy, now);
    for (const handoff of handoffs) expect(handoff).toMatchObject(dueTimes(nyClock, policy.rules[0]!, handoff.handedOffAt));
  });

  it('are consistent with the SLA engine, the leads and the clock', () => {
    const now = tuesdayMorning;
    const { leads, handoffs } = generateDemo({ seed: 5, now, repEmail: rep });
    const leadByEmail = new Map(leads.map((lead) => [lead.email, lead]));
    expect(new Set(handoffs.map((handoff) => handoff.id)).size).toBe(handoffs.length);
    expect(new Set(handoffs.map((handoff) => handoff.email)).size).toBe(handoffs.length);
    expect(new Set(handoffs.map((handoff) => handoff.status))).toEqual(new Set(['pending', 'accepted', 'contacted', 'rejected']));
    expect(handoffs.some((handoff) => handoff.assigneeEmail !== rep)).toBe(true);
    for (const handoff of handoffs) {
      const lead = leadByEmail.get(handoff.email)!;
      expect(lead).toBeDefined();
      expect(handoff).toMatchObject({ source: DEMO_SOURCE_ID, rule: lead.qualifiedBy });
      const rule = matchRule(DEFAULT_SLA_POLICY, { stage: 'mql', score: lead.score, grade: lead.grade, source: DEMO_SOURCE_ID });
      expect(handoff).toMatchObject(dueTimes(clock, rule, handoff.handedOffAt));
      expect(lead.qualifiedAt).toBeLessThan(handoff.handedOffAt);
      expect(lead.ownerEmail).toBe(handoff.assigneeEmail);
      expect(handoff.handedOffAt).toBeLessThanOrEqual(now);
      expect(handoff.updatedAt).toBeLessThanOrEqual(now);
      for (const at of [handoff.acceptedAt, handoff.respondedAt]) if (at !== undefined) expect(at).toBeGreaterThanOrEqual(handoff.handedOffAt);
      expect(handoff.respondedAt !== undefined).toBe(handoff.status === 'contacted' || handoff.status === 'rejected');
      expect(handoff.acceptedAt !== undefined).toBe(handoff.status === 'contacted' || handoff.status === 'accepted');
      const stage = { pending: 'mql', accepted: 'sql', contacted: 'sql', rejected: 'recycled' }[handoff.status];
      expect(lead.stage).toBe(stage);
    }
    const closed = handoffs.filter((handoff) => handoff.respondedAt !== undefined);
    expect(new Set(closed.map((handoff) => slaStatus(handoff, clock, DEFAULT_SLA_POLICY, now).state))).toEqual(new Set(['met', 'missed']));
  });
});

describe('createDemoSource', () => {
  it('pages through the whole demo, then has nothing new until the layout is old', async () => {
    let now = tuesdayMorning;
    const source = createDemoSource({ seed: 3, repEmail: rep, now: () => now });
    const expected = generateDemo({ seed: 3, now, repEmail: rep });
    const seen = { leads: 0, touches: 0, handoffs: 0 };
    let cursor: string | null = null;
    for (let pages = 0; ; pages++) {
      const page = await source.changes(cursor, 1000);
      seen.leads += page.leads.length;
      seen.touches += page.touches.length;
      seen.handoffs += page.handoffs.length;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
      expect(pages).toBeLessThan(100);
    }
    expect(seen).toEqual({ leads: expected.leads.length, touches: expected.touches.length, handoffs: expected.handoffs.length });

    now += DEMO_REFRESH_MS - 1;
    const quiet = await source.changes(cursor, 1000);
    expect(quiet.leads.length + quiet.touches.length + quiet.handoffs.length).toBe(0);
    expect(quiet.hasMore).toBe(false);

    now += 2;
    const relaid = await source.changes(quiet.nextCursor, 1000);
    expect(relaid.leads.length).toBeGreaterThan(0);
    expect(relaid.nextCursor).toContain(String(now));
  });
});

function expectFiveOfEachOpenState(handoffs: Handoff[], businessClock: typeof clock, policy: SlaPolicy, now: number) {
  const states = handoffs.map((handoff) => slaStatus(handoff, businessClock, policy, now).state);
  for (const state of ['overdue', 'due_soon', 'on_track']) {
    expect(states.filter((candidate) => candidate === state).length, state).toBeGreaterThanOrEqual(5);
  }
}
