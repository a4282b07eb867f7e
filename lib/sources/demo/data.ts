// What the demo holds: made-up people, companies, campaigns and MQL rules, half Japanese, half English,
// and the shape of its book. The people lists are read in order from the seed, so changing them
// changes who is in every demo, and the saved pages in test/fixtures name people of seed 1.
import type { Fit, HandoffStatus, Stage, TouchType } from '../../domain/model';

export interface DemoCompany {
  name: string;
  domain: string;
  industry: string;
  size: number;
}

export const JAPANESE = {
  family: [
    ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'],
    ['渡辺', 'watanabe'], ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'],
    ['吉田', 'yoshida'], ['山田', 'yamada'], ['佐々木', 'sasaki'], ['松本', 'matsumoto'], ['井上', 'inoue'],
  ],
  given: [
    ['健', 'ken'], ['翔太', 'shota'], ['美咲', 'misaki'], ['陽子', 'yoko'], ['大輔', 'daisuke'], ['直樹', 'naoki'],
    ['彩', 'aya'], ['拓也', 'takuya'], ['恵', 'megumi'], ['由美', 'yumi'], ['和也', 'kazuya'], ['真理子', 'mariko'],
  ],
  titles: ['営業部長', '情報システム部 課長', '代表取締役社長', 'マーケティング部 主任', '経営企画部 部長', '購買担当', '執行役員 CTO', 'DX推進室 マネージャー'],
  companies: [
    { name: '株式会社サクラ精機', domain: 'sakura-seiki.example.jp', industry: 'Manufacturing', size: 1800 },
    { name: '富士ロジスティクス株式会社', domain: 'fuji-logi.example.jp', industry: 'Logistics', size: 650 },
    { name: '株式会社みなとソフト', domain: 'minato-soft.example.jp', industry: 'Software', size: 120 },
    { name: '北斗銀行', domain: 'hokuto-bank.example.jp', industry: 'Financial services', size: 4200 },
    { name: '株式会社あおば食品', domain: 'aoba-foods.example.jp', industry: 'Food', size: 300 },
    { name: '東海メディカル株式会社', domain: 'tokai-medical.example.jp', industry: 'Healthcare', size: 900 },
    { name: '株式会社かもめ建設', domain: 'kamome-kensetsu.example.jp', industry: 'Construction', size: 75 },
    { name: '浪速エレクトロニクス株式会社', domain: 'naniwa-elec.example.jp', industry: 'Manufacturing', size: 2600 },
    { name: '株式会社つばさ商事', domain: 'tsubasa-shoji.example.jp', industry: 'Retail', size: 40 },
    { name: 'ひかりクラウド株式会社', domain: 'hikari-cloud.example.jp', industry: 'Software', size: 380 },
  ] satisfies DemoCompany[],
};

export const ENGLISH = {
  family: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Wilson', 'Moore', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Green'],
  given: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Grace', 'Daniel'],
  titles: ['VP Sales', 'IT Manager', 'CEO', 'Marketing Specialist', 'Director of Operations', 'Procurement Analyst', 'Head of RevOps', 'Engineering Lead'],
  companies: [
    { name: 'Northwind Robotics', domain: 'northwind-robotics.example.com', industry: 'Manufacturing', size: 1500 },
    { name: 'Bluefin Analytics', domain: 'bluefin-analytics.example.com', industry: 'Software', size: 240 },
    { name: 'Harbor Freight Lines', domain: 'harborfreight.example.com', industry: 'Logistics', size: 820 },
    { name: 'Crescent Capital', domain: 'crescent-capital.example.com', industry: 'Financial services', size: 3100 },
    { name: 'Maple Health', domain: 'maplehealth.example.com', industry: 'Healthcare', size: 560 },
    { name: 'Juniper Retail Group', domain: 'juniper-retail.example.com', industry: 'Retail', size: 95 },
    { name: 'Orbit Labs', domain: 'orbitlabs.example.com', industry: 'Software', size: 35 },
    { name: 'Granite Construction Co', domain: 'granite-co.example.com', industry: 'Construction', size: 410 },
    { name: 'Summit Energy', domain: 'summit-energy.example.com', industry: 'Energy', size: 2200 },
    { name: 'Lighthouse Media', domain: 'lighthouse-media.example.com', industry: 'Media', size: 150 },
  ] satisfies DemoCompany[],
};

export type Pick = <T>(list: readonly T[]) => T;

export function japanesePerson(pick: Pick) {
  const [family, familyRomaji] = pick(JAPANESE.family);
  const [given, givenRomaji] = pick(JAPANESE.given);
  return { name: `${family} ${given}`, local: `${givenRomaji}.${familyRomaji}`, title: pick(JAPANESE.titles) };
}

export function englishPerson(pick: Pick) {
  const family = pick(ENGLISH.family);
  const given = pick(ENGLISH.given);
  return { name: `${given} ${family}`, local: `${given}.${family}`.toLowerCase(), title: pick(ENGLISH.titles) };
}

/** Index into the [English, Japanese] pairs below. */
export type Language = 0 | 1;

/** Touches per lead by stage: the further along, the more engaged. */
export const TOUCH_RANGE: Record<Stage, [number, number]> = {
  subscriber: [0, 5], lead: [2, 12], mql: [12, 30], sql: [14, 36], opportunity: [15, 40],
  customer: [5, 30], recycled: [3, 15], disqualified: [0, 6],
};
/** Raw score points per touch: raising a hand counts most. */
export const TOUCH_POINTS: Record<TouchType, number> = {
  email_open: 2, email_click: 4, form_fill: 20, page_view: 3, webinar: 15, download: 10, event: 15, ad_click: 2, chat: 8,
};
/** Stages that met an MQL rule once, and how many days ago they did. */
export const QUALIFIED_DAYS_AGO: Partial<Record<Stage, [number, number]>> = {
  mql: [1, 14], sql: [7, 45], opportunity: [20, 90], customer: [60, 170], recycled: [30, 150],
};
/** Stages whose leads may carry a signal that takes points away. */
export const NEGATIVE_STAGES: readonly Stage[] = ['subscriber', 'recycled', 'disqualified'];

/**
 * Who gets handoffs, taking the leads of each stage in order: [stage, how many, status, assignee].
 * Pending ones are MQLs, accepted and contacted ones SQLs, rejected ones recycled. The first SQL of
 * seed 1 is Noah Wright of the saved pages, whose card shows an open handoff.
 */
export const HANDOFF_PLAN: [Stage, number, HandoffStatus, 'rep' | 'others'][] = [
  ['mql', 27, 'pending', 'rep'], ['mql', 8, 'pending', 'others'],
  ['sql', 6, 'accepted', 'rep'], ['sql', 2, 'accepted', 'others'],
  ['sql', 8, 'contacted', 'rep'], ['sql', 4, 'contacted', 'others'],
  ['recycled', 5, 'rejected', 'rep'], ['recycled', 2, 'rejected', 'others'],
];

export interface DemoCampaign {
  name: string;
  /** A Japanese campaign reaches Japanese leads, an English one English leads; 'all' reaches both. */
  audience: 'ja' | 'en' | 'all';
  /** What its touches are about: the email, webinar, asset, event or page. */
  subject: string;
  slug: string;
  path: string;
  types: TouchType[];
}

export const CAMPAIGNS: DemoCampaign[] = [
  {
    name: '2026 Q4 ウェビナー: 営業DX', audience: 'ja', subject: '営業DX入門：マーケと営業をつなぐ',
    slug: '2026q4-webinar-sales-dx', path: '/ja/webinars/sales-dx', types: ['email_open', 'email_click', 'webinar', 'form_fill'],
  },
  {
    name: '製造業向けホワイトペーパー', audience: 'ja', subject: '製造業の営業DX白書 2026',
    slug: 'manufacturing-whitepaper', path: '/ja/resources/manufacturing', types: ['ad_click', 'page_view', 'download', 'email_open'],
  },
  {
    name: '展示会 Japan IT Week 秋', audience: 'ja', subject: 'Japan IT Week 秋',
    slug: 'japan-it-week-autumn', path: '/ja/events/japan-it-week', types: ['event', 'email_open', 'email_click', 'chat'],
  },
  {
    name: '料金ページ リターゲティング', audience: 'ja', subject: '料金プラン',
    slug: 'ja-pricing-retargeting', path: '/ja/pricing', types: ['ad_click', 'page_view', 'form_fill', 'chat'],
  },
  {
    name: 'Webinar: Sales and marketing in one loop', audience: 'en', subject: 'Sales and marketing in one loop',
    slug: 'webinar-one-loop', path: '/webinars/one-loop', types: ['email_open', 'email_click', 'webinar', 'form_fill'],
  },
  {
    name: 'Product launch nurture', audience: 'en', subject: 'LeadLens 2.0: the launch guide',
    slug: 'launch-nurture', path: '/launch', types: ['email_open', 'email_click', 'page_view', 'download', 'form_fill'],
  },
  {
    name: 'RevOps Summit 2026 booth', audience: 'en', subject: 'RevOps Summit 2026',
    slug: 'revops-summit-2026', path: '/events/revops-summit', types: ['event', 'email_open', 'chat'],
  },
  {
    name: 'Pricing page retargeting', audience: 'en', subject: 'Plans and pricing',
    slug: 'pricing-retargeting', path: '/pricing', types: ['ad_click', 'page_view', 'form_fill', 'chat'],
  },
  {
    name: 'Customer story: Northwind', audience: 'all', subject: 'How Northwind doubled its pipeline',
    slug: 'story-northwind', path: '/customers/northwind', types: ['email_click', 'page_view', 'download'],
  },
  {
    name: 'Year-end ROI calculator', audience: 'all', subject: 'ROI calculator',
    slug: 'roi-calculator', path: '/roi', types: ['ad_click', 'page_view', 'form_fill'],
  },
];

/** Touch titles by type, [English, Japanese], around the campaign's subject. */
const TOUCH_TITLES: Record<TouchType, [string, string]> = {
  email_open: ['Opened "{}"', 'メール開封「{}」'],
  email_click: ['Clicked a link in "{}"', 'メールのリンクをクリック「{}」'],
  form_fill: ['Requested a demo from "{}"', '「{}」からデモを依頼'],
  page_view: ['Viewed "{}"', '「{}」を閲覧'],
  webinar: ['Attended the webinar "{}"', 'ウェビナー「{}」に参加'],
  download: ['Downloaded "{}"', '「{}」をダウンロード'],
  event: ['Visited our booth at {}', '{} のブースに来場'],
  ad_click: ['Clicked an ad for "{}"', '広告「{}」をクリック'],
  chat: ['Chatted with sales about "{}"', '「{}」についてチャットで相談'],
};

export function touchTitle(type: TouchType, campaign: DemoCampaign, language: Language): string {
  return TOUCH_TITLES[type][language].replace('{}', campaign.subject);
}

/** The campaigns that produce this type of touch for a lead of this language. */
export function campaignsFor(type: TouchType, audience: 'ja' | 'en'): DemoCampaign[] {
  return CAMPAIGN_INDEX.get(`${audience}:${type}`)!;
}

const CAMPAIGN_INDEX = new Map(
  (['ja', 'en'] as const).flatMap((audience) =>
    Object.keys(TOUCH_TITLES).map((type) => [
      `${audience}:${type}`,
      CAMPAIGNS.filter((campaign) => [audience, 'all'].includes(campaign.audience) && campaign.types.includes(type as TouchType)),
    ]),
  ),
);

/** Score factor labels by touch type, [English, Japanese]. */
export const FACTOR_LABELS: Record<TouchType, [string, string]> = {
  email_open: ['Email opens', 'メール開封'],
  email_click: ['Email clicks', 'メール内クリック'],
  form_fill: ['Form fills', 'フォーム送信'],
  page_view: ['Page views', 'ページ閲覧'],
  webinar: ['Webinars attended', 'ウェビナー参加'],
  download: ['Downloads', '資料ダウンロード'],
  event: ['Event visits', 'イベント来場'],
  ad_click: ['Ad clicks', '広告クリック'],
  chat: ['Chats', 'チャット'],
};

/** Signals that take points away: [English, Japanese, points]. */
export const NEGATIVE_FACTORS: [string, string, number][] = [
  ['Unsubscribed from the newsletter', 'メルマガ配信停止', -20],
  ['Visited the careers page', '採用ページを閲覧', -10],
];

/**
 * The MQL rules, in marketing's words. Every qualified demo lead has requested a demo, so the last
 * rule always holds; the others hold when the lead's facts say so.
 */
export const MQL_RULES: { words: [string, string]; holds: (lead: { score: number; fit: Fit }, types: ReadonlySet<TouchType>) => boolean }[] = [
  { words: ['Score ≥ 70 and requested a demo', 'スコア70以上かつデモ依頼'], holds: (lead) => lead.score >= 70 },
  { words: ['Attended a webinar and requested a demo', 'ウェビナー参加かつデモ依頼'], holds: (_, types) => types.has('webinar') },
  { words: ['Fit A or B and requested a demo', 'フィットA・Bかつデモ依頼'], holds: (lead) => lead.fit === 'A' || lead.fit === 'B' },
  { words: ['Requested a demo', 'デモ依頼'], holds: () => true },
];

export const OTHER_REPS = ['aiko.tanaka@leadlens.example', 'mark.jones@leadlens.example'];
