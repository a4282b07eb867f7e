// Which message names each domain value: the words themselves live in public/_locales.
import { t, uiLocale, type MessageKey } from '../../lib/ui/i18n';
import type { FitFactor, FitRole } from '../../lib/cache/lead-context';
import { DEFAULT_FIT_PROFILE } from '../../lib/domain/grade';
import type { HandoffAction, Stage, TouchType, Verdict } from '../../lib/domain/model';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import type { BuiltInReasonCode } from '../../lib/domain/vocabulary';

export const TOUCH_LABELS: Record<TouchType, MessageKey> = {
  email_open: 'touchEmailOpen',
  email_click: 'touchEmailClick',
  form_fill: 'touchFormFill',
  page_view: 'touchPageView',
  webinar: 'touchWebinar',
  download: 'touchDownload',
  event: 'touchEvent',
  ad_click: 'touchAdClick',
  chat: 'touchChat',
};

export const STAGE_LABELS: Record<Stage, MessageKey> = {
  subscriber: 'stageSubscriber',
  lead: 'stageLead',
  mql: 'stageMql',
  sql: 'stageSql',
  opportunity: 'stageOpportunity',
  customer: 'stageCustomer',
  recycled: 'stageRecycled',
  disqualified: 'stageDisqualified',
};

export const VERDICT_LABELS: Record<Verdict, MessageKey> = {
  good_lead: 'verdictGoodLead',
  not_a_fit: 'verdictNotAFit',
  bad_timing: 'verdictBadTiming',
  wrong_contact: 'verdictWrongContact',
};

export const ACTION_LABELS: Record<HandoffAction, MessageKey> = {
  accept: 'actionAccept',
  contacted: 'actionContacted',
  reject: 'actionReject',
};

const REASON_LABELS: Record<BuiltInReasonCode, MessageKey> = {
  too_small: 'reasonTooSmall',
  wrong_industry: 'reasonWrongIndustry',
  no_budget: 'reasonNoBudget',
  not_now: 'reasonNotNow',
  has_vendor: 'reasonHasVendor',
  left_company: 'reasonLeftCompany',
  not_decision_maker: 'reasonNotDecisionMaker',
};

/**
 * The reason in the rep's words: as marketing-ops wrote it, else LeadLens's own wording. A verdict
 * given without a reason is recorded with the verdict as its reason code, and named as the verdict.
 */
export function reasonLabel(reason: Pick<FeedbackReason, 'code' | 'label'>): string {
  if (reason.label) return reason.label;
  const key = (REASON_LABELS[reason.code as BuiltInReasonCode] ?? VERDICT_LABELS[reason.code as Verdict]) as MessageKey | undefined;
  return key ? t(key) : reason.code;
}

/** A verdict with its reason in the rep's words; a reason with no words of its own is left out, never shown as its code. */
export function verdictText(verdict: Verdict, reasonCode: string | undefined, reasons: FeedbackReason[]): string {
  const said = t(VERDICT_LABELS[verdict]);
  if (!reasonCode || reasonCode === verdict) return said;
  const configured = reasons.find((reason) => reason.code === reasonCode && reason.verdict === verdict);
  const words = configured?.label || (REASON_LABELS[reasonCode as BuiltInReasonCode] ? t(REASON_LABELS[reasonCode as BuiltInReasonCode]) : '');
  return words ? t('verdictWithReason', said, words) : said;
}

const SIZE_LABELS: Record<number, MessageKey> = { 1000: 'fitSizeEnterprise', 200: 'fitSizeMidMarket', 50: 'fitSizeSmall' };
const ROLE_LABELS: Record<FitRole, MessageKey> = { executive: 'fitRoleExecutive', director: 'fitRoleDirector', manager: 'fitRoleManager' };

/** One factor of the fit in the UI language; only the industry's name is the source's. */
export function fitFactorText(factor: FitFactor): string {
  switch (factor.kind) {
    case 'size':
      return SIZE_LABELS[factor.minEmployees] ? t(SIZE_LABELS[factor.minEmployees]!) : t('fitSizeOther', factor.minEmployees.toLocaleString(uiLocale()));
    case 'size_none':
      return factor.companySize === undefined ? t('fitSizeUnknown') : t('fitSizeBelow', SMALLEST_BAND.toLocaleString(uiLocale()));
    case 'industry':
      return t('fitIndustryTarget', factor.industry);
    case 'industry_none':
      return factor.industry ? t('fitIndustryNotTarget', factor.industry) : t('fitIndustryUnknown');
    case 'role':
      return t(ROLE_LABELS[factor.role]);
    case 'role_none':
      return t('fitRoleNone');
  }
}

const SMALLEST_BAND = Math.min(...DEFAULT_FIT_PROFILE.sizeBands.map((band) => band.minEmployees));
