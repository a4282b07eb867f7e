// Answers a message with the handler named by its type, if its sender may ask for it. Nothing
// unparsed reaches a handler, and a failing handler becomes an error reply, never an unhandled
// rejection in the background.
import { parse } from '../domain/model';
import { failureOf } from '../ui/errors';
import {
  CONTENT_SCRIPT_REQUESTS,
  Request,
  type Answers,
  type ContentScriptHandlers,
  type ExtensionIdentity,
  type ExtensionPageHandlers,
  type MessageSender,
  type ParsedRequest,
  type Reply,
} from './messages';

export interface RouterHandlers {
  contentScript: ContentScriptHandlers;
  extensionPage: ExtensionPageHandlers;
}

type AnyHandler = (request: ParsedRequest, sender: MessageSender) => Promise<Answers[keyof Answers]>;

export function createRouter(handlers: RouterHandlers, extension: ExtensionIdentity) {
  const all = { ...handlers.contentScript, ...handlers.extensionPage };
  return async function route(message: unknown, sender: MessageSender): Promise<Reply<Answers[keyof Answers]>> {
    // The browser vouches for the id: another extension is not LeadLens, whatever URL it gives.
    if (sender.id !== extension.id) return { ok: false, error: 'LeadLens: messages from other extensions are not accepted.' };
    const parsed = parse(Request, 'Message', message);
    if (!parsed.ok) return { ok: false, error: parsed.error.message };
    const request = parsed.value;
    if (!isTrustedPage(sender, extension) && !(CONTENT_SCRIPT_REQUESTS as readonly string[]).includes(request.type)) {
      return { ok: false, error: `LeadLens: ${request.type} is not accepted from a web page.` };
    }
    try {
      const handler = all[request.type] as AnyHandler;
      return { ok: true, data: await handler(request, sender) };
    } catch (error) {
      const { message, code } = failureOf(error);
      return { ok: false, error: message, ...(code && { code }) };
    }
  };
}

/**
 * The extension's pages the rep opens on their own (as a tab or the toolbar's popup), which alone may
 * change connections and start syncs. The card page (card.html) is the extension's too, but it lives
 * in a frame inside a web page: it gets what a content script gets.
 */
const TRUSTED_PAGES = ['/options.html', '/popup.html', '/welcome.html'];

/**
 * A trusted page of LeadLens's own, judged by the URL's origin and path: the options page opened in a
 * tab has sender.tab set like a content script, but a content script's URL is the web page's.
 */
function isTrustedPage(sender: MessageSender, extension: ExtensionIdentity): boolean {
  const origin = extension.pagesUrl.endsWith('/') ? extension.pagesUrl : `${extension.pagesUrl}/`;
  if (!sender.url?.startsWith(origin)) return false;
  const path = new URL(sender.url).pathname;
  return TRUSTED_PAGES.includes(path);
}
