// Every page LeadLens reads: a new site is one adapter file and one line here.
import { dynamics } from './dynamics';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { mailto } from './mailto';
import { matchPattern, type UrlTest } from './match-pattern';
import { outlook } from './outlook';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { PageAdapter } from './types';

/**
 * The pages the sites script reads (Gmail has a content script of its own, so these leave it out):
 * site adapters first, the catch-all mailto adapter answering only where none of them does.
 */
export const SITE_ADAPTERS: PageAdapter[] = [salesforce, hubspot, dynamics, pipedrive, outlook, mailto];
/** Every adapter. Written out rather than spread from SITE_ADAPTERS: a spread would keep Gmail's adapter in the sites script. */
export const PAGE_ADAPTERS: PageAdapter[] = [gmail, salesforce, hubspot, dynamics, pipedrive, outlook, mailto];

const patterns = new WeakMap<PageAdapter, UrlTest[]>();
const patternsOf = (adapter: PageAdapter) => {
  let compiled = patterns.get(adapter);
  if (!compiled) patterns.set(adapter, (compiled = adapter.matches.map(matchPattern)));
  return compiled;
};

/** Whether the adapter reads the page at this URL: one of its patterns matches, and the adapter accepts it. */
export const reads = (adapter: PageAdapter, url: URL) =>
  patternsOf(adapter).some((matches) => matches(url)) && (adapter.accepts?.(url) ?? true);

/** The adapter for a page: the first that reads it, leaving out opt-in adapters the user has not turned on. */
export const adapterFor = (url: string, enabledOptIn: string[] = []) => adapterAmong(PAGE_ADAPTERS, url, enabledOptIn);

/** The same among the sites script's adapters only, which leaves Gmail's out of its bundle. */
export const siteAdapterFor = (url: string, enabledOptIn: string[]) => adapterAmong(SITE_ADAPTERS, url, enabledOptIn);

function adapterAmong(adapters: PageAdapter[], url: string, enabledOptIn: string[]): PageAdapter | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return adapters.find((adapter) => (!adapter.optIn || enabledOptIn.includes(adapter.id)) && reads(adapter, parsed));
}
