// Every page LeadLens reads: a new site is one adapter file and one line here.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { gmail } from './gmail';
import type { PageAdapter } from './types';

export const PAGE_ADAPTERS: PageAdapter[] = [gmail];

export function adapterFor(url: string, enabledOptIn: string[] = []): PageAdapter | undefined {
  return PAGE_ADAPTERS.find(
    (adapter) =>
      (!adapter.optIn || enabledOptIn.includes(adapter.id)) &&
      adapter.matches.some((pattern) => new MatchPattern(pattern).includes(url)),
  );
}
