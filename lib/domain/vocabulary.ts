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

/** The reasons LeadLens offers out of the box; the options page can change them. */
export const BUILT_IN_REASONS = [
  { code: 'too_small', verdict: 'not_a_fit' },
  { code: 'wrong_industry', verdict: 'not_a_fit' },
  { code: 'no_budget', verdict: 'not_a_fit' },
  { code: 'not_now', verdict: 'bad_timing' },
  { code: 'has_vendor', verdict: 'bad_timing' },
  { code: 'left_company', verdict: 'wrong_contact' },
  { code: 'not_decision_maker', verdict: 'wrong_contact' },
] as const satisfies readonly { code: string; verdict: (typeof VERDICTS)[number] }[];
export type BuiltInReasonCode = (typeof BUILT_IN_REASONS)[number]['code'];
/** The reasons a new install offers: the built-in ones, worded in the UI language (no label of their own). */
export const DEFAULT_FEEDBACK_REASONS = /* @__PURE__ */ BUILT_IN_REASONS.map((reason) => ({ ...reason, label: '' }));

/** The grading a new install starts with: the lowest fit points for A, B, C and the lowest score for readiness 1, 2, 3. */
export const DEFAULT_GRADE_MINIMUMS: Readonly<Record<'fit' | 'readiness', [number, number, number]>> = {
  fit: [75, 50, 25],
  readiness: [80, 60, 40],
};
/** Industries worth fit points out of the box, in English and Japanese; the options page can change them. */
export const DEFAULT_TARGET_INDUSTRIES = ['Manufacturing', 'Software', 'Financial services', 'Logistics', '製造業', 'ソフトウェア', '金融', '物流'] as const;
