// Word lists for the demo: made-up people and companies, half Japanese, half English.
import type { TouchType } from '../model';

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

export const CAMPAIGNS = [
  '2026 Q4 ウェビナー: 営業DX',
  '製造業向けホワイトペーパー',
  '展示会 Japan IT Week 秋',
  'Product launch nurture',
  'Pricing page retargeting',
  'Customer story: Northwind',
  'Year-end ROI calculator',
];

/** Touch titles by type: [English, Japanese]. */
export const TOUCH_TITLES: Record<TouchType, [string, string]> = {
  email_open: ['Opened "Your pipeline, rebuilt"', 'メール開封「営業パイプライン再構築のご案内」'],
  email_click: ['Clicked "See the demo" in newsletter', 'メール内リンククリック「デモを見る」'],
  form_fill: ['Requested a demo', 'お問い合わせフォーム送信'],
  page_view: ['Viewed pricing', '料金ページ閲覧'],
  webinar: ['Attended "Sales and marketing in one loop"', 'ウェビナー参加「営業とマーケの連携」'],
  download: ['Downloaded the ROI guide', '導入事例集ダウンロード'],
  event: ['Visited our booth', 'ブース来訪'],
  ad_click: ['Clicked a LinkedIn ad', '広告クリック'],
  chat: ['Chatted with the website bot', 'チャットで問い合わせ'],
};

export const TOUCH_PATHS: Record<TouchType, string> = {
  email_open: '/mail/pipeline',
  email_click: '/demo',
  form_fill: '/contact',
  page_view: '/pricing',
  webinar: '/webinars/sales-marketing-loop',
  download: '/resources/roi-guide',
  event: '/events/it-week',
  ad_click: '/lp/revops',
  chat: '/chat',
};

export const QUALIFYING_RULES = [
  'Score ≥ 60 and requested a demo',
  'Score ≥ 60 and attended a webinar',
  'スコア60以上かつ料金ページを3回閲覧',
  'Fit A or B and downloaded a guide',
];

export const OTHER_REPS = ['aiko.tanaka@leadlens.example', 'mark.jones@leadlens.example'];
