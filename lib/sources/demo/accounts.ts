// The demo's small accounts and free-mail leads, so that the card's account section, the popup's
// grouping and the report by account show on demo data at every size: companies of two to six
// people (one of them writing from a subdomain), and people at free-mail providers, some naming a
// company, whom LeadLens leaves without an account. Made after the book (data.ts's companies of a
// dozen or more people each), from a stream of their own, so the book's people stay as they were.
import type { Grading } from '../../domain/settings-schema';
import type { Lead, Touch } from '../../domain/model';
import type { DemoCompany } from './data';
import { demoLead, type DemoPlace } from './leads';
import { streamsFor } from './random';

interface SmallAccount {
  company: DemoCompany;
  people: number;
  japanese: boolean;
  /** Where every other person writes from: one account all the same. */
  subdomain?: string;
}

export const SMALL_ACCOUNTS: SmallAccount[] = [
  { company: { name: '株式会社ミドリ化学', domain: 'midori-chem.example.jp', industry: 'Manufacturing', size: 240 }, people: 3, japanese: true },
  { company: { name: '有限会社やまびこ工房', domain: 'yamabiko-kobo.example.jp', industry: 'Construction', size: 18 }, people: 2, japanese: true },
  { company: { name: 'しおさい物流合同会社', domain: 'shiosai-logi.example.jp', industry: 'Logistics', size: 90 }, people: 4, japanese: true, subdomain: 'osaka' },
  { company: { name: 'Cobalt Systems Inc.', domain: 'cobalt-systems.example.com', industry: 'Software', size: 600 }, people: 5, japanese: false, subdomain: 'eu' },
  { company: { name: 'Pacific Trading Co., Ltd.', domain: 'pacific-trading.example.com', industry: 'Retail', size: 1200 }, people: 6, japanese: false },
];

/** People at free-mail providers: ".demo" ends each address, so no real mailbox is named. */
export const FREE_MAIL_PEOPLE: DemoPlace[] = [
  { company: { name: '株式会社ミドリ化学', domain: '', industry: 'Manufacturing', size: 240 }, japanese: true, domain: 'gmail.com', localSuffix: '.demo' },
  { company: { name: '', domain: '', industry: 'Retail', size: 1 }, japanese: true, domain: 'yahoo.co.jp', localSuffix: '.demo' },
  { company: { name: 'フリーランス', domain: '', industry: 'Media', size: 1 }, japanese: true, domain: 'outlook.jp', localSuffix: '.demo' },
  { company: { name: 'Cobalt Systems Inc.', domain: '', industry: 'Software', size: 600 }, japanese: false, domain: 'icloud.com', localSuffix: '.demo' },
  { company: { name: '', domain: '', industry: 'Software', size: 1 }, japanese: false, domain: 'gmail.com', localSuffix: '.demo' },
];

/** How many leads this file adds to the book. */
export const ACCOUNT_LEAD_COUNT = SMALL_ACCOUNTS.reduce((sum, account) => sum + account.people, 0) + FREE_MAIL_PEOPLE.length;

/** The small accounts' people and the free-mail leads, numbered on from `firstN`, with their touches. */
export function demoAccountLeads(seed: number, now: number, firstN: number, emails: Set<string>, grading: Grading | undefined) {
  const streams = streamsFor(seed ^ 0x0acc0417, now);
  const places: DemoPlace[] = [
    ...SMALL_ACCOUNTS.flatMap(({ company, people, japanese, subdomain }) =>
      Array.from({ length: people }, (_, k): DemoPlace => ({ company, japanese, domain: subdomain && k % 2 === 1 ? `${subdomain}.${company.domain}` : company.domain })),
    ),
    ...FREE_MAIL_PEOPLE,
  ];
  const leads: Lead[] = [];
  const touches: Touch[] = [];
  places.forEach((place, k) => {
    const made = demoLead(firstN + k, streams, emails, grading, place);
    leads.push(made.lead);
    touches.push(...made.touches);
  });
  return { leads, touches };
}
