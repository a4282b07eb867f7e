// Keeps the registered content script in step with the sites that are on and granted.
import type { browser } from 'wxt/browser';
import { OPTIONAL_SITES, SITES_SCRIPT_ID } from '../pages/sites';

type Scripting = Pick<typeof browser.scripting, 'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'>;
type Permissions = Pick<typeof browser.permissions, 'contains'>;

export async function registerSiteScripts(enabled: string[], scripting: Scripting, permissions: Permissions): Promise<string[]> {
  const origins: string[] = [];
  for (const site of OPTIONAL_SITES) {
    if (enabled.includes(site.id) && (await permissions.contains({ origins: site.origins }))) origins.push(...site.origins);
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
