// Keeps the registered content script in step with the sites that are on and granted.
import type { browser } from 'wxt/browser';
import { LEGACY_ORIGINS, OPTIONAL_SITES, SITES_SCRIPT_ID } from '../pages/sites';

type Scripting = Pick<typeof browser.scripting, 'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'>;
type Permissions = Pick<typeof browser.permissions, 'contains'>;

export async function registerSiteScripts(enabled: string[], scripting: Scripting, permissions: Permissions): Promise<string[]> {
  const origins: string[] = [];
  for (const site of OPTIONAL_SITES.filter((candidate) => enabled.includes(candidate.id))) {
    if (await permissions.contains({ origins: site.origins })) origins.push(...site.origins);
    else origins.push(...(await grantedOf(LEGACY_ORIGINS[site.id] ?? [], permissions)));
  }
  const registered = await scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (registered.length > 0) await scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (origins.length > 0) {
    await scripting.registerContentScripts([
      {
        id: SITES_SCRIPT_ID,
        matches: origins,
        // Gmail has its own content script: with mailto links on, it must not get a second card.
        excludeMatches: ['https://mail.google.com/*'],
        js: ['content-scripts/sites.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return origins;
}

/** Each origin on its own: a rep may have granted some of an older version's origins and not others. */
async function grantedOf(candidates: string[], permissions: Permissions): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of candidates) if (await permissions.contains({ origins: [origin] })) granted.push(origin);
  return granted;
}
