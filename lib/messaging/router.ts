// Answers a message with the handler named by its type, if its sender may ask for it. Nothing
// unparsed reaches a handler, and a failing handler becomes an error reply, never an unhandled
// rejection in the background.
import { parse } from '../domain/model';
import { failureOf } from '../ui/errors';
import {
  CARD_REQUESTS,
  CONTENT_SCRIPT_REQUESTS,
  Request,
  type Answers,
  type CardHandlers,
  type ContentScriptHandlers,
  type ExtensionIdentity,
  type ExtensionPageHandlers,
  type MessageSender,
  type ParsedRequest,
  type Reply,
} from './messages';

export interface RouterHandlers {
  contentScript: ContentScriptHandlers;
  card: CardHandlers;
  extensionPage: ExtensionPageHandlers;
}

type AnyHandler = (request: ParsedRequest, sender: MessageSender) => Promise<Answers[keyof Answers]>;

export function createRouter(handlers: RouterHandlers, extension: ExtensionIdentity) {
  const all = { ...handlers.contentScript, ...handlers.card, ...handlers.extensionPage };
  return async function route(message: unknown, sender: MessageSender): Promise<Reply<Answers[keyof Answers]>> {
    // The browser vouches for the id: another extension is not LeadLens, whatever URL it gives.
    if (sender.id !== extension.id) return { ok: false, error: 'LeadLens: messages from other extensions are not accepted.' };
    const parsed = parse(Request, 'Message', message);
    if (!parsed.ok) return { ok: false, error: parsed.error.message };
    const request = parsed.value;
    if (!mayAsk(sender, request.type, extension)) return { ok: false, error: `LeadLens: ${request.type} is not accepted from a web page.` };
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
 * change connections and start syncs.
 */
const TRUSTED_PAGES = ['/options.html', '/popup.html', '/welcome.html'];
/** The card's page: the extension's too, but framed inside a web page; it reads and acts on one lead. */
const CARD_PAGE = '/card.html';

/**
 * Three tiers, judged by the URL the browser sets on the message (sender.url): a trusted page may ask
 * anything; the card page what the card needs (CARD_REQUESTS) and what a content script may; anything
 * else is a content script, whose URL is the web page's, and may ask only CONTENT_SCRIPT_REQUESTS, since
 * a compromised web renderer can forge whatever its content script could send.
 */
function mayAsk(sender: MessageSender, type: ParsedRequest['type'], extension: ExtensionIdentity): boolean {
  const page = extensionPagePath(sender, extension);
  if (page !== null && TRUSTED_PAGES.includes(page)) return true;
  if ((CONTENT_SCRIPT_REQUESTS as readonly string[]).includes(type)) return true;
  return page === CARD_PAGE && (CARD_REQUESTS as readonly string[]).includes(type);
}

/**
 * The path of LeadLens's own page that sent this, judged by the URL's origin and path (never its query
 * or hash); null for any other URL. The options page opened in a tab has sender.tab set like a content
 * script, and so has the card in its frame: a content script's URL is the web page's.
 */
function extensionPagePath(sender: MessageSender, extension: ExtensionIdentity): string | null {
  const origin = extension.pagesUrl.endsWith('/') ? extension.pagesUrl : `${extension.pagesUrl}/`;
  if (!sender.url?.startsWith(origin)) return null;
  return new URL(sender.url).pathname;
}
