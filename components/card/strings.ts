// The card's words in one place, so that translation touches one file.
import type { Stage, TouchType, Verdict } from '../../lib/model';

export const TOUCH_LABELS: Record<TouchType, string> = {
  email_open: 'Email opened',
  email_click: 'Email clicked',
  form_fill: 'Form filled',
  page_view: 'Page viewed',
  webinar: 'Webinar',
  download: 'Download',
  event: 'Event',
  ad_click: 'Ad clicked',
  chat: 'Chat',
};

export const STAGE_LABELS: Record<Stage, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  recycled: 'Recycled',
  disqualified: 'Disqualified',
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  good_lead: 'Good lead',
  not_a_fit: 'Not a fit',
  bad_timing: 'Bad timing',
  wrong_contact: 'Wrong contact',
};
