// The domain: one zod schema per object, types by z.infer. Everything that crosses a boundary
// (API, storage, messages) is parsed with these, and a failure names the field that broke. The
// settings' schemas build on these primitives and live in settings-schema.ts.
import { z } from 'zod';
import {
  FITS,
  HANDOFF_ACTIONS,
  HANDOFF_STATUSES,
  SOURCE_KINDS,
  STAGES,
  TOUCH_TYPES,
  VERDICTS,
} from './vocabulary';
import { CRMS, crmRecordKey } from './crm-record';

export { FITS, HANDOFF_ACTIONS, HANDOFF_STATUSES, SOURCE_KINDS, STAGES, TOUCH_TYPES, VERDICTS };

/** Milliseconds since the epoch. Stored and compared as numbers; the wire uses ISO-8601. */
export const Instant = z.number().int().nonnegative();

/** The lead's key: an email address, trimmed and lower-cased. */
export const Email = z.string().trim().toLowerCase().pipe(z.email());

/** Only http(s): a javascript: or data: URL from a source must never become a link. */
export const WebUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

/**
 * Text from a marketing system, shown to the rep. Bidirectional embedding, override and isolate
 * controls are dropped: a name carrying U+202E could otherwise display as other text ("Eve
 * exe.png"), and the UI isolates each field itself. Other characters, right-to-left scripts
 * included, are kept as sent.
 */
export const Text = z.string().transform(stripBidiControls);

export function stripBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

export const Stage = z.enum(STAGES);

export const Fit = z.enum(FITS);
export const Readiness = z.number().int().min(1).max(4);
/** Fit letter + readiness digit; A1 is the best cell of the matrix. */
export const Grade = z.string().regex(/^[A-D][1-4]$/, 'grade must be a fit letter A-D and a readiness digit 1-4');

export const ScoreFactor = z.object({
  label: Text.pipe(z.string().min(1)),
  points: z.number(),
});

/** The lead's record in a CRM, by the id in that record's URL; a bad id is refused with the record. */
export const CrmRecord = z
  .object({ crm: z.enum(CRMS), objectType: z.string().trim().min(1).max(40), id: z.string().trim().min(1).max(64) })
  .refine((ref) => crmRecordKey(ref) !== null, { message: 'not an id this CRM uses', path: ['id'] });

export const Lead = z.object({
  email: Email,
  name: Text,
  company: Text.default(''),
  title: Text.default(''),
  industry: Text.optional(),
  companySize: z.number().int().nonnegative().optional(),
  stage: Stage,
  /** Engagement normalised to 0-100; the source's own value stays in scoreRaw. */
  score: z.number().min(0).max(100),
  scoreRaw: z.number(),
  scoreFactors: z.array(ScoreFactor).default([]),
  fit: Fit,
  readiness: Readiness,
  grade: Grade,
  /** The MQL rule this lead met, in marketing's words. */
  qualifiedBy: Text.optional(),
  qualifiedAt: Instant.optional(),
  ownerEmail: Email.optional(),
  crmUrl: WebUrl.optional(),
  /** The CRM records that are this person (a Salesforce lead and contact, a HubSpot contact, ...). */
  crmRecords: z.array(CrmRecord).max(20).optional(),
  /** The source's own id for the lead's company (HubSpot's associated company, a Salesforce account): account.ts groups by it first. */
  accountId: z.string().trim().min(1).max(128).optional(),
  /** That account's name as the source has it; the company field stands in when absent. */
  accountName: Text.pipe(z.string().trim().max(200)).optional(),
  updatedAt: Instant,
});

export const TouchType = z.enum(TOUCH_TYPES);

export const Touch = z.object({
  id: z.string().min(1),
  email: Email,
  type: TouchType,
  at: Instant,
  title: Text,
  campaign: Text.optional(),
  url: WebUrl.optional(),
});

export const HandoffStatus = z.enum(HANDOFF_STATUSES);

export const Handoff = z.object({
  id: z.string().min(1),
  email: Email,
  assigneeEmail: Email,
  handedOffAt: Instant,
  /** The rule that qualified the lead for handoff, e.g. "MQL: score >= 70 and demo request". */
  rule: Text,
  source: Text,
  status: HandoffStatus,
  firstContactDueAt: Instant,
  followUpDueAts: z.array(Instant).default([]),
  acceptedAt: Instant.optional(),
  /** First contact or rejection: either stops the first-contact clock. */
  respondedAt: Instant.optional(),
  updatedAt: Instant,
});

export const Verdict = z.enum(VERDICTS);
export const HandoffAction = z.enum(HANDOFF_ACTIONS);

/** What the rep said; it travels to marketing through the outbox. */
export const OutboxPayload = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('feedback'),
    email: Email,
    handoffId: z.string().optional(),
    verdict: Verdict,
    reasonCode: z.string().min(1),
    note: z.string().max(2000).optional(),
  }),
  z.object({
    kind: z.literal('handoff_action'),
    handoffId: z.string().min(1),
    action: HandoffAction,
    reasonCode: z.string().optional(),
    note: z.string().max(2000).optional(),
  }),
]);

export const OutboxItem = z.object({
  id: z.string().min(1),
  idempotencyKey: z.string().min(1),
  payload: OutboxPayload,
  createdAt: Instant,
  /** 'dead' after repeated permanent failure: shown to the rep, never dropped. */
  state: z.enum(['queued', 'dead']),
  attempts: z.number().int().nonnegative().default(0),
  nextAttemptAt: Instant,
  lastError: z.string().optional(),
  /**
   * lastError's code (lib/ui/errors.ts), for the popup to say it in the rep's language. Optional:
   * items stored before it existed stay valid; a plain string, so a code from a newer build does too.
   */
  lastErrorCode: z.string().optional(),
});

export type Instant = z.infer<typeof Instant>;
export type Stage = z.infer<typeof Stage>;
export type Fit = z.infer<typeof Fit>;
export type Grade = z.infer<typeof Grade>;
export type ScoreFactor = z.infer<typeof ScoreFactor>;
export type Lead = z.infer<typeof Lead>;
export type TouchType = z.infer<typeof TouchType>;
export type Touch = z.infer<typeof Touch>;
export type HandoffStatus = z.infer<typeof HandoffStatus>;
export type Handoff = z.infer<typeof Handoff>;
export type Verdict = z.infer<typeof Verdict>;
export type HandoffAction = z.infer<typeof HandoffAction>;
export type OutboxPayload = z.infer<typeof OutboxPayload>;
export type OutboxItem = z.infer<typeof OutboxItem>;

/** A parse failure that says which field broke and why, e.g. "Lead: score: too big (>100)". */
export class ParseError extends Error {
  constructor(
    readonly what: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`${what}: ${issues.map(describeIssue).join('; ')}`);
    this.name = 'ParseError';
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${field}: ${issue.message}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };

/** safeParse with an error that names the object and the field: for boundaries that quarantine. */
export function parse<S extends z.ZodType>(schema: S, what: string, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: new ParseError(what, result.error.issues) };
}

/** parse, throwing the ParseError: for boundaries where bad input stops the operation. */
export function parseOrThrow<S extends z.ZodType>(schema: S, what: string, input: unknown): z.infer<S> {
  const result = parse(schema, what, input);
  if (!result.ok) throw result.error;
  return result.value;
}
