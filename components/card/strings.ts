// Which message names each domain value: the words themselves live in public/_locales.
import type { MessageKey } from '../../lib/i18n';
import type { HandoffAction, Stage, TouchType, Verdict } from '../../lib/model';

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
