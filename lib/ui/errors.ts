// Failures in the rep's language. Where a failure is made it has a kind (SourceError.kind for the
// marketing systems, the database's error names for the cache); the kind crosses to the pages as a
// code, and the pages say it in the UI's words, with the system's own text kept as the detail.
// Three codes are LeadLens's own refusals, nothing having been sent: a saved token held back for
// another base URL (token_elsewhere), a connection missing what its source needs (not_configured) and
// writes left behind by a change of source (source_changed).
import { t, type MessageKey } from './i18n';

export const ERROR_CODES = [
  'auth',
  'token_elsewhere',
  'not_configured',
  'rate_limited',
  'unavailable',
  'network',
  'bad_response',
  'rejected',
  'source_changed',
  'database',
  'unknown',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const ERROR_MESSAGES: Record<ErrorCode, MessageKey> = {
  auth: 'errorAuth',
  token_elsewhere: 'errorTokenElsewhere',
  not_configured: 'errorNotConfigured',
  rate_limited: 'errorRateLimited',
  unavailable: 'errorUnavailable',
  network: 'errorNetwork',
  bad_response: 'errorBadResponse',
  rejected: 'errorRejected',
  source_changed: 'errorSourceChanged',
  database: 'errorDatabase',
  unknown: 'errorUnknown',
};

/** The database's own failures, by the names IndexedDB and Dexie give them (Dexie wraps the browser's in `inner`). */
const DATABASE_ERRORS = /^(VersionError|QuotaExceededError|DatabaseClosedError|OpenFailedError|InvalidStateError|DataError|ConstraintError|AbortError|UnknownError)$/;

/** The code of a failure where it happened: a source's kind, the database, or unknown. */
export function errorCodeOf(error: unknown): ErrorCode {
  const kind = (error as { kind?: unknown } | null)?.kind;
  if (error instanceof Error && error.name === 'SourceError' && isErrorCode(kind)) return kind;
  const inner = (error as { inner?: unknown } | null)?.inner;
  const names = [error, inner].map((each) => (each instanceof Error ? each.name : ''));
  return names.some((name) => DATABASE_ERRORS.test(name)) ? 'database' : 'unknown';
}

/** A failure as it crosses to a page: its own words, and its code unless that is unknown. */
export function failureOf(error: unknown): { message: string; code?: ErrorCode } {
  const code = errorCodeOf(error);
  return { message: error instanceof Error ? error.message : String(error), ...(code !== 'unknown' && { code }) };
}

export const isErrorCode = (value: unknown): value is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(value);

/**
 * What the rep reads, and the system's own words as the detail; an unknown failure is its own text.
 * A detail that only repeats the text (LeadLens's own reasons, in English) is left out.
 */
export function describeError(code: string | undefined, detail: string): { text: string; detail: string } {
  if (!isErrorCode(code) || code === 'unknown') return { text: detail || t(ERROR_MESSAGES.unknown), detail: '' };
  const text = t(ERROR_MESSAGES[code]);
  return { text, detail: detail === text ? '' : detail };
}
