// Every page LeadLens reads: a new site is one adapter file and one line here.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { dynamics } from './dynamics';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { mailto } from './mailto';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { PageAdapter } from './types';

/** Site adapters first: the catch-all mailto adapter answers only where none of them does. */
export const PAGE_ADAPTERS: PageAdapter[] = [
  gmail,
  salesforce,
  hubspot,
  dynamics,
  pipedrive,
  mailto,
];

const patterns = new Map(PAGE_ADAPTERS.map((adapter) => [adapter, adapter.matches.map((match) => new MatchPattern(match))]));

/** The adapter for a page: the first whose patterns match, leaving out opt-in adapters the user has not turned on. */
export function adapterFor(url: string, enabledOptIn: string[] = []): PageAdapter | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return PAGE_ADAPTERS.find(
    (adapter) => (!adapter.optIn || enabledOptIn.includes(adapter.id)) && patterns.get(adapter)!.some((pattern) => pattern.includes(parsed)),
  );
}
