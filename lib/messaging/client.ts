// Asking the background from a page or the popup. Types only from messages.ts: no zod here, so
// the content script stays small; the background parses every request.
import { browser } from 'wxt/browser';
import type { Answers, Reply, Request } from './messages';

export class BackgroundError extends Error {
  override name = 'BackgroundError';
  /** The kind of failure in the background (lib/ui/errors.ts), when it knew. */
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

export async function ask<R extends Request>(request: R): Promise<Answers[R['type']]> {
  const reply: unknown = await browser.runtime.sendMessage(request);
  // No listener (the background is starting or gone), or an answer from something else.
  if (!isReply(reply)) throw new BackgroundError('LeadLens did not answer. Reload the page to try again.');
  if (!reply.ok) throw new BackgroundError(reply.error, reply.code);
  // An exception to parsing at the boundary: the data is cast, not parsed. zod would more than double
  // a content script, and the background built this answer from the same types (messages.ts).
  return reply.data as Answers[R['type']];
}

/**
 * The reply envelope, checked by hand for the reason above. It accepts exactly what a zod schema of
 * Reply would (test/lib/messaging/client.test.ts holds the two to the same cases).
 */
export function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const reply = value as { ok?: unknown; error?: unknown };
  return reply.ok === true ? 'data' in reply : reply.ok === false && typeof reply.error === 'string';
}

/** After an extension update the old content script's channel is gone: not an error to report. */
export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /Extension context invalidated/i.test(error.message);
}
