// Asking the background from a page or the popup. Types only from messages.ts: no zod here, so
// the content script stays small; the background parses every request.
import { browser } from 'wxt/browser';
import type { Answers, Reply, Request } from './messages';

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

export async function ask<R extends Request>(request: R): Promise<Answers[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Answers[R['type']]> | undefined;
  if (!reply) throw new BackgroundError('LeadLens did not answer. Reload the page to try again.');
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.data;
}

/** After an extension update the old content script's channel is gone: not an error to report. */
export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /Extension context invalidated/i.test(error.message);
}
