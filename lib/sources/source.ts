// What every marketing system looks like to the rest of LeadLens. A source fetches, parses with
// zod and hands back domain objects; whatever failed to parse comes back as `rejected`, with why.
import type { QuarantinedRecord } from '../cache/db';
import type { CrmRecordRef } from '../domain/crm-record';
import type { Handoff, Lead, OutboxItem, Touch } from '../domain/model';

export interface RejectedRecord {
  kind: QuarantinedRecord['kind'];
  reason: string;
  raw: unknown;
}

export interface ChangesPage {
  leads: Lead[];
  touches: Touch[];
  handoffs: Handoff[];
  /** Emails of leads the source no longer shares. */
  deleted: string[];
  rejected: RejectedRecord[];
  nextCursor: string;
  hasMore: boolean;
}

/** Leads found by email or by CRM record; whatever failed to parse is in `rejected`, with why. */
export interface LookupResult {
  leads: Lead[];
  rejected: RejectedRecord[];
}

export interface LeadSource {
  /** Names the source in the database, so each keeps its own cursor. */
  readonly id: string;
  /** The changes after `cursor` (null: from the beginning), at most about `limit` records. */
  changes(cursor: string | null, limit: number): Promise<ChangesPage>;
  /**
   * Sends one of the rep's writes, with its idempotency key; resolves once it landed (what it resolves
   * to does not matter), throws a SourceError when it did not.
   */
  deliver(item: OutboxItem): Promise<unknown>;
  /** The leads with these addresses, for sources that can look leads up directly. */
  lookup?(emails: string[]): Promise<LookupResult>;
  /**
   * The leads that are these CRM records, for sources that can find leads by record: each lead found
   * lists the record in its crmRecords, which is how LeadLens knows which record it answers.
   */
  lookupRecords?(records: CrmRecordRef[]): Promise<LookupResult>;
  /**
   * Test connection: whether the credentials, permissions and configured fields are all there, each
   * problem named with what to create or grant. Sources without it are tested by reading one page.
   */
  check?(): Promise<ConnectionCheck>;
  /**
   * The marketing system's policy (the team's agreement: calendar, SLA rules, grading, reasons), as
   * it came, for the background to cache and lib/domain/policy-schema.ts to read; null when the
   * system has none. Only the Lead Context API has one: HubSpot and Marketo take theirs from the
   * organisation's managed policy.
   */
  policy?(): Promise<Record<string, unknown> | null>;
}

/** What Test connection found. `ok` is false when a sync or a write-back would fail as configured. */
export interface ConnectionCheck {
  ok: boolean;
  /** One paragraph for the options page: "Connected." or every problem, each with its remedy. */
  message: string;
  /** The problems one by one; a sync or write-back fails until they are fixed. */
  problems: string[];
  /** What works but deserves a look (a legacy score property, a slower way to find the rep's leads). */
  notes: string[];
}

/** The check's verdict from what it found. */
export function connectionCheck(problems: string[], notes: string[] = []): ConnectionCheck {
  const ok = problems.length === 0;
  const message = ok ? ['Connected.', ...notes].join(' ') : problems.join(' ');
  return { ok, message, problems, notes };
}

/**
 * 'rejected': the source refused this request as such (a 4xx); sending it again will not help.
 * 'token_elsewhere': LeadLens itself held the request back, since the saved token is for another
 * base URL (lib/background/tokens.ts): nothing reached the source, so it is not the source's 'auth'.
 * 'not_configured': the connection lacks what the source needs (a token, an address, a client ID):
 * nothing was sent either.
 */
export type SourceErrorKind = 'auth' | 'token_elsewhere' | 'not_configured' | 'rate_limited' | 'unavailable' | 'bad_response' | 'network' | 'rejected';

/** A failure talking to a source, in words for the rep, with what kind it is for the retry logic. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly kind: SourceErrorKind,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }

  /** Sending the same request again will get the same refusal: the outbox sets such a write aside. */
  get permanent(): boolean {
    return this.kind === 'rejected';
  }

  /** Every request will fail the same way until the rep fixes the connection: the outbox ends its run. */
  get connectionRefused(): boolean {
    return this.kind === 'auth' || this.kind === 'token_elsewhere' || this.kind === 'not_configured';
  }
}

/**
 * Sends a request and reads its whole body under one time-out, so that a connection dropped
 * mid-body is a network failure too. `service` names the system in the message ("HubSpot").
 */
export async function fetchText(send: typeof fetch, url: string, init: RequestInit, timeoutMs: number, service: string): Promise<{ response: Response; text: string }> {
  try {
    const response = await send(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { response, text: await response.text() };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new SourceError(`${service[0]!.toUpperCase()}${service.slice(1)} did not answer within ${timeoutMs / 1000} s.`, 'network');
    }
    const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
    const why = String(cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : error));
    throw new SourceError(`Could not reach ${service} (${why}).`, 'network');
  }
}

/** Where a source's API lives when the user gives no base URL: HubSpot's one API host for every account. */
export const DEFAULT_BASE_URLS: Readonly<Record<string, string>> = { hubspot: 'https://api.hubapi.com' };
