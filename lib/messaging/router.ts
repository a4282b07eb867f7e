// Answers a message with the handler named by its type. Nothing unparsed reaches a handler, and
// a failing handler becomes an error reply, never an unhandled rejection in the background.
import { parse } from '../domain/model';
import { Request, type Answers, type Handlers, type ParsedRequest, type Reply, type Sender } from './messages';

export function createRouter(handlers: Handlers) {
  return async function route(message: unknown, sender: Sender = {}): Promise<Reply<Answers[keyof Answers]>> {
    const parsed = parse(Request, 'Message', message);
    if (!parsed.ok) return { ok: false, error: parsed.error.message };
    const request = parsed.value;
    try {
      const handler = handlers[request.type] as (request: ParsedRequest, sender: Sender) => Promise<Answers[keyof Answers]>;
      return { ok: true, data: await handler(request, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
