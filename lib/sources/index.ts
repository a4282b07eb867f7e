// The registry of marketing systems: a new source is one file and one line here.
import type { OutboxItem, Settings } from '../model';
import { createDemoSource } from './demo';
import { createHttpSource } from './http';
import { SourceError, type LeadSource } from './source';

export interface SourceContext {
  now: () => number;
  /** The API token saved for the source, if any. */
  token?: string;
  /** Where the demo's marketing system keeps what it receives. */
  demoInbox?: (item: OutboxItem) => Promise<void>;
}

export function sourceFor(settings: Settings, context: SourceContext): LeadSource {
  const { kind, baseUrl } = settings.source;
  switch (kind) {
    case 'demo':
      return createDemoSource({
        seed: settings.source.demoSeed,
        repEmail: settings.repEmail,
        calendar: settings.calendar,
        policy: settings.slaPolicy,
        now: context.now,
        inbox: context.demoInbox,
      });
    case 'http':
      if (!baseUrl) throw new SourceError('Set the API base URL of your Lead Context API in LeadLens options.', 'auth');
      if (!context.token) throw new SourceError('Set the API token of your Lead Context API in LeadLens options.', 'auth');
      return createHttpSource({ baseUrl, token: context.token });
    default:
      throw new SourceError(`The ${kind} source is not available in this version of LeadLens.`, 'unavailable');
  }
}
