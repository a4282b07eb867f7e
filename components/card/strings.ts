// Which message names each domain value: the words themselves live in public/_locales.
import { t, type MessageKey } from '../../lib/ui/i18n';
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
