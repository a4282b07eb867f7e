// The demo shows accounts at every size: the book's companies of a dozen people or more, small
// companies of two to six (Japanese 株式会社 and English Inc. and Co., Ltd. names, one on a
// subdomain), free-mail leads with no account, and handoffs from one company in one week.
import { describe, expect, it } from 'vitest';
import { accountOf } from '../../../../lib/domain/account';
import { generateDemo } from '../../../../lib/sources/demo/generate';
import { FREE_MAIL_PEOPLE, SMALL_ACCOUNTS } from '../../../../lib/sources/demo/accounts';

const NOW = Date.UTC(2026, 10, 17, 2, 0);
const REP = 'rep@leadlens.example';
const WEEK = 7 * 86_400_000;
const demo = generateDemo({ seed: 1, now: NOW, repEmail: REP });
const leadOf = new Map(demo.leads.map((lead) => [lead.email, lead]));
const peopleByAccount = new Map<string, string[]>();
for (const lead of demo.leads) {
  const key = accountOf(lead)?.key;
  if (key) peopleByAccount.set(key, [...(peopleByAccount.get(key) ?? []), lead.email]);
}

describe('the demo’s accounts', () => {
  it('has small companies of 2 to 6 people each on one account, a subdomain included', () => {
    for (const { company, people } of SMALL_ACCOUNTS) {
      expect(peopleByAccount.get(`domain:${company.domain}`), company.name).toHaveLength(people);
    }
    expect(SMALL_ACCOUNTS.map(({ people }) => people).every((people) => people >= 2 && people <= 6)).toBe(true);
    expect(peopleByAccount.get('domain:cobalt-systems.example.com')!.some((email) => email.endsWith('@eu.cobalt-systems.example.com'))).toBe(true);
    const names = SMALL_ACCOUNTS.map(({ company }) => company.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^株式会社/), expect.stringMatching(/Inc\.$/), expect.stringMatching(/Co\., Ltd\.$/)]));
  });

  it('has free-mail leads, some naming a company, with no account (positive control: their companies have one)', () => {
    const freeMail = demo.leads.filter((lead) => /@(gmail\.com|yahoo\.co\.jp|outlook\.jp|icloud\.com)$/.test(lead.email));
    expect(freeMail).toHaveLength(FREE_MAIL_PEOPLE.length);
    expect(freeMail.map(accountOf)).toEqual(freeMail.map(() => undefined));
    expect(freeMail.some((lead) => lead.company === '株式会社ミドリ化学')).toBe(true);
    expect(peopleByAccount.has('domain:midori-chem.example.jp')).toBe(true);
  });

  it("gives the rep several open handoffs from one account in the same week", () => {
    const open = demo.handoffs.filter((handoff) => handoff.assigneeEmail === REP && (handoff.status === 'pending' || handoff.status === 'accepted'));
    const sameWeek = new Map<string, number>();
    for (const handoff of open) {
      const key = `${accountOf(leadOf.get(handoff.email)!)!.key} ${Math.floor((NOW - handoff.handedOffAt) / WEEK)}`;
      sameWeek.set(key, (sameWeek.get(key) ?? 0) + 1);
    }
    expect([...sameWeek.values()].filter((count) => count >= 3).length).toBeGreaterThanOrEqual(2);
  });
});
