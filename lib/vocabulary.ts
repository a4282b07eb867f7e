// The domain's fixed vocabularies, as plain arrays: the content script uses these without zod.

export const STAGES = [
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'recycled',
  'disqualified',
] as const;
export const FITS = ['A', 'B', 'C', 'D'] as const;
export const TOUCH_TYPES = [
  'email_open',
  'email_click',
  'form_fill',
  'page_view',
  'webinar',
  'download',
  'event',
  'ad_click',
  'chat',
] as const;
export const HANDOFF_STATUSES = ['pending', 'accepted', 'contacted', 'rejected'] as const;
export const VERDICTS = ['good_lead', 'not_a_fit', 'bad_timing', 'wrong_contact'] as const;
export const HANDOFF_ACTIONS = ['accept', 'contacted', 'reject'] as const;
export const SOURCE_KINDS = ['demo', 'http', 'hubspot', 'marketo'] as const;
