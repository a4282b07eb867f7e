// The demo's people: one lead at a time, with a name and company from data.ts, its touch history, an
// engagement score built from those touches, a grade, and for a qualified stage the MQL that made it.
import { gradeFor, normaliseScore } from '../../domain/grade';
import { STAGES, TOUCH_TYPES, type Lead, type ScoreFactor, type Stage, type Touch, type TouchType } from '../../domain/model';
import type { Grading } from '../../domain/settings-schema';
import {
  campaignsFor,
  englishPerson,
  ENGLISH,
  FACTOR_LABELS,
  japanesePerson,
  JAPANESE,
  MQL_RULES,
  NEGATIVE_FACTORS,
  NEGATIVE_STAGES,
  QUALIFIED_DAYS_AGO,
  TOUCH_POINTS,
  TOUCH_RANGE,
  touchTitle,
  type DemoCompany,
  type Language,
  type Pick,
} from './data';
import { DAY, lag, type Streams } from './random';

const HISTORY_DAYS = 180;
/** The demo's raw score scale, as a marketing system would report it. */
const RAW_SCALE = { min: 0, max: 250 };

/** Where a lead works, when the caller chooses it (accounts.ts): the company, its language, the address's domain and local part's ending. */
export interface DemoPlace {
  company: DemoCompany;
  japanese: boolean;
  domain?: string;
  localSuffix?: string;
}

/** The n-th lead with its touches; a qualified one also with the demo request that qualified it. */
export function demoLead(n: number, streams: Streams, emails: Set<string>, grading: Grading | undefined, place?: DemoPlace) {
  const { now, random, detail } = streams;
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const japanese = place?.japanese ?? n % 2 === 0;
  const language: Language = japanese ? 1 : 0;
  const stage = STAGES[n % STAGES.length]!;
  const person = japanese ? japanesePerson(pick) : englishPerson(pick);
  const company = place?.company ?? pick(japanese ? JAPANESE.companies : ENGLISH.companies);
  const email = uniqueEmail(`${person.local}${place?.localSuffix ?? ''}@${place?.domain ?? company.domain}`, emails);
  const qualified = QUALIFIED_DAYS_AGO[stage] !== undefined;
  const touches = demoTouches({ n, email, stage, language, qualified }, streams, pick);

  const scoreFactors = engagementFactors(touches, language);
  if (NEGATIVE_STAGES.includes(stage) && detail() < 0.3) {
    const [english, japaneseLabel, points] = NEGATIVE_FACTORS[Math.floor(detail() * NEGATIVE_FACTORS.length)]!;
    scoreFactors.push({ label: japanese ? japaneseLabel : english, points });
  }
  const scoreRaw = scoreFactors.reduce((sum, factor) => sum + factor.points, 0);
  const score = normaliseScore(scoreRaw, RAW_SCALE);
  const graded = gradeFor({ companySize: company.size, industry: company.industry, title: person.title }, score, grading);
  const lead: Lead = {
    email,
    name: person.name,
    company: company.name,
    title: person.title,
    industry: company.industry,
    companySize: company.size,
    stage,
    score,
    scoreRaw,
    scoreFactors,
    ...graded,
    updatedAt: now, // settled once the handoffs are known
  };
  const demoRequest = touches.at(-1);
  if (!qualified || !demoRequest) return { lead, touches };
  const { qualifiedBy, qualifiedAt } = qualification(lead, touches, language, streams);
  Object.assign(lead, { qualifiedBy, qualifiedAt });
  demoRequest.at = qualifiedAt - lag(detail);
  return { lead, touches, demoRequest };
}

/** The MQL rule that qualified the lead, among those its score, fit and touches meet, and when. */
function qualification(lead: Lead, touches: Touch[], language: Language, { now, random, detail }: Streams) {
  const [fewestDays, mostDays] = QUALIFIED_DAYS_AGO[lead.stage]!;
  // Of these stages only recycled draws on `detail`: `random` has always given the others two numbers here.
  const draw = lead.stage === 'recycled' ? detail : random;
  const types = new Set(touches.map((touch) => touch.type));
  const rules = MQL_RULES.filter((rule) => rule.holds({ score: lead.score, fit: lead.fit }, types));
  const qualifiedBy = rules[Math.floor(draw() * rules.length)]!.words[language];
  return { qualifiedBy, qualifiedAt: now - Math.round((fewestDays + draw() * (mostDays - fewestDays)) * DAY) };
}

interface TouchesFor {
  n: number;
  email: string;
  stage: Stage;
  language: Language;
  /** A qualified lead's last touch is the demo request that qualified it. */
  qualified: boolean;
}

function demoTouches({ n, email, stage, language, qualified }: TouchesFor, { seed, now, random }: Streams, pick: Pick) {
  const [fewest, most] = TOUCH_RANGE[stage];
  const count = fewest + Math.floor(random() * (most - fewest + 1));
  return Array.from({ length: count }, (_, k): Touch => {
    // The first leads carry one touch of every type, so the demo shows them all.
    const drawn = n < TOUCH_TYPES.length && k === 0 ? TOUCH_TYPES[n]! : pick(TOUCH_TYPES);
    const type = qualified && k === count - 1 ? 'form_fill' : drawn;
    const at = now - 1 - Math.floor(random() * (HISTORY_DAYS * DAY - 1));
    const campaign = pick(campaignsFor(type, language === 1 ? 'ja' : 'en'));
    return {
      id: `demo-${seed}-t${n}-${k}`,
      email,
      type,
      at,
      title: touchTitle(type, campaign, language),
      campaign: campaign.name,
      url: `https://www.leadlens.example${campaign.path}?utm_campaign=${campaign.slug}`,
    };
  });
}

function engagementFactors(touches: Touch[], language: Language): ScoreFactor[] {
  const counts = new Map<TouchType, number>();
  touches.forEach((touch) => counts.set(touch.type, (counts.get(touch.type) ?? 0) + 1));
  return [...counts].map(([type, count]) => ({
    label: `${FACTOR_LABELS[type][language]} × ${count}`,
    points: count * TOUCH_POINTS[type],
  }));
}

function uniqueEmail(candidate: string, taken: Set<string>): string {
  let email = candidate;
  for (let n = 2; taken.has(email); n++) email = candidate.replace('@', `${n}@`);
  taken.add(email);
  return email;
}
