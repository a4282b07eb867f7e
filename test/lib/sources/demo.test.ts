import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { Handoff, Lead, parse, STAGES, Touch, TOUCH_TYPES } from '../../../lib/model';
import { createBusinessClock, DEFAULT_CALENDAR, DEFAULT_SLA_POLICY, slaStatus } from '../../../lib/sla';
import { createDemoSource, DEMO_REFRESH_MS, generateDemo } from '../../../lib/sources/demo';

const rep = 'rep@acme.example.com';
const tuesdayMorning = DateTime.fromISO('2026-11-17T11:00', { zone: 'Asia/Tokyo' }).toMillis();
const saturday = DateTime.fromISO('2026-11-21T15:00', { zone: 'Asia/Tokyo' }).toMillis();
const clock = createBusinessClock(DEFAULT_CALENDAR);

describe('generateDemo', () => {
  const demo = generateDemo({ seed: 7, now: tuesdayMorning, repEmail: rep });

  it('is the same for the same seed and now, and differs for another seed', () => {
    expect(generateDemo({ seed: 7, now: tuesdayMorning, repEmail: rep })).toEqual(demo);
    const other = generateDemo({ seed: 8, now: tuesdayMorning, repEmail: rep });
    expect(other.leads.map((lead) => lead.email)).not.toEqual(demo.leads.map((lead) => lead.email));
  });

  it('holds at least 300 leads in every stage, with Japanese and English names', () => {
    expect(demo.leads.length).toBeGreaterThanOrEqual(300);
    expect(new Set(demo.leads.map((lead) => lead.stage))).toEqual(new Set(STAGES));
    expect(demo.leads.filter((lead) => /\p{Script=Han}/u.test(lead.name)).length).toBeGreaterThan(100);
    expect(demo.leads.filter((lead) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(lead.name)).length).toBeGreaterThan(100);
    expect(demo.leads.some((lead) => lead.company.startsWith('株式会社'))).toBe(true);
  });

  it('gives every lead a unique, normalised email, and every object parses with the model', () => {
    const emails = demo.leads.map((lead) => lead.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const lead of demo.leads) expect(parse(Lead, 'Lead', lead)).toMatchObject({ ok: true, value: lead });
    for (const touch of demo.touches) expect(parse(Touch, 'Touch', touch).ok).toBe(true);
    for (const handoff of demo.handoffs) expect(parse(Handoff, 'Handoff', handoff).ok).toBe(true);
  });

  it('has touches of every type with campaigns, all in the past, some leads with many and some with none', () => {
    expect(new Set(demo.touches.map((touch) => touch.type))).toEqual(new Set(TOUCH_TYPES));
    expect(demo.touches.every((touch) => touch.campaign && touch.at < tuesdayMorning)).toBe(true);
    expect(new Set(demo.touches.map((touch) => touch.id)).size).toBe(demo.touches.length);
    const perLead = new Map<string, number>();
    demo.touches.forEach((touch) => perLead.set(touch.email, (perLead.get(touch.email) ?? 0) + 1));
    expect(Math.max(...perLead.values())).toBeGreaterThanOrEqual(30);
    expect(perLead.size).toBeLessThan(demo.leads.length);
    const known = new Set(demo.leads.map((lead) => lead.email));
    expect(demo.touches.every((touch) => known.has(touch.email))).toBe(true);
  });

  it('explains each engaged lead’s score and says why qualified leads qualified', () => {
    const mqls = demo.leads.filter((lead) => lead.stage === 'mql');
    expect(mqls.every((lead) => lead.scoreFactors.length > 0 && lead.qualifiedBy)).toBe(true);
    expect(demo.leads.some((lead) => lead.grade === 'A1')).toBe(true);
  });

  it.each([
    ['a Tuesday morning', tuesdayMorning],
    ['a Saturday', saturday],
  ])('on %s, gives the rep 20+ pending handoffs, at least 5 each overdue, due soon and on track', (_, now) => {
    const { handoffs, leads } = generateDemo({ seed: 1, now, repEmail: rep });
    const pending = handoffs.filter((handoff) => handoff.assigneeEmail === rep && !handoff.respondedAt);
    expect(pending.length).toBeGreaterThanOrEqual(20);
    const states = pending.map((handoff) => slaStatus(handoff, clock, DEFAULT_SLA_POLICY, now).state);
    for (const state of ['overdue', 'due_soon', 'on_track']) {
      expect(states.filter((s) => s === state).length).toBeGreaterThanOrEqual(5);
    }
    expect(pending.every((handoff) => handoff.handedOffAt <= now)).toBe(true);
    const known = new Set(leads.map((lead) => lead.email));
    expect(handoffs.every((handoff) => known.has(handoff.email))).toBe(true);
    expect(handoffs.some((handoff) => handoff.assigneeEmail !== rep)).toBe(true);
    expect(new Set(handoffs.map((handoff) => handoff.status))).toEqual(new Set(['pending', 'accepted', 'contacted', 'rejected']));
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
