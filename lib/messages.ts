// The typed messages pages, popup and options send to the background. Requests are parsed with
// zod on arrival; every answer is { ok: true, data } or { ok: false, error } with a readable error.
import { z } from 'zod';
import { Email } from './model';
import type { LeadContext } from './context';
import type { SyncState } from './sync';

/** Enough for every participant of a long thread; the API's batch limit too. */
export const MAX_EMAILS_PER_REQUEST = 100;

export const ContextRequest = z.object({
  type: z.literal('context'),
  emails: z.array(Email).min(1).max(MAX_EMAILS_PER_REQUEST),
});

export const SyncNowRequest = z.object({ type: z.literal('syncNow') });

export const Request = z.discriminatedUnion('type', [ContextRequest, SyncNowRequest]);
/** What a sender passes: the input side of each schema. */
export type Request = z.input<typeof Request>;
export type ParsedRequest = z.output<typeof Request>;

export interface ContextAnswer {
  contexts: LeadContext[];
  syncState: SyncState | null;
}

/** What each request type answers with. */
export interface Answers {
  context: ContextAnswer;
  syncNow: SyncState;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export type Handlers = {
  [K in ParsedRequest['type']]: (request: Extract<ParsedRequest, { type: K }>) => Promise<Answers[K]>;
};
