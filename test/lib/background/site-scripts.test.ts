import { describe, expect, it } from 'vitest';
import { registerSiteScripts } from '../../../lib/background/site-scripts';
import { OPTIONAL_SITES, SITES_SCRIPT_ID } from '../../../lib/pages/sites';

function fakeBrowser(granted: string[]) {
  const registered: { id: string; matches?: string[] }[] = [];
  const scripting = {
    getRegisteredContentScripts: async () => [...registered],
    unregisterContentScripts: async () => void registered.splice(0),
    registerContentScripts: async (scripts: { id: string; matches?: string[] }[]) => void registered.push(...scripts),
  };
  const permissions = { contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.includes(origin)) };
  return { registered, scripting, permissions };
}

const originsOf = (id: string) => OPTIONAL_SITES.find((site) => site.id === id)!.origins;

describe('the sites script', () => {
  it('runs on the sites that are on and granted, and on no other', async () => {
    const browser = fakeBrowser([...originsOf('salesforce'), ...originsOf('pipedrive')]);
    await registerSiteScripts(['salesforce', 'hubspot'], browser.scripting as never, browser.permissions as never);
    expect(browser.registered).toEqual([expect.objectContaining({ id: SITES_SCRIPT_ID, matches: originsOf('salesforce') })]);
  });

  it("keeps working on an older version's grant until the rep grants the wider origin", async () => {
    const browser = fakeBrowser(['https://app.hubspot.com/*', 'https://*.crm7.dynamics.com/*']);
    await registerSiteScripts(['hubspot', 'dynamics'], browser.scripting as never, browser.permissions as never);
    expect(browser.registered[0]!.matches).toEqual(['https://app.hubspot.com/*', 'https://*.crm7.dynamics.com/*']);

    const upgraded = fakeBrowser([...originsOf('hubspot'), 'https://app.hubspot.com/*']);
    await registerSiteScripts(['hubspot'], upgraded.scripting as never, upgraded.permissions as never);
    expect(upgraded.registered[0]!.matches).toEqual(originsOf('hubspot'));
  });

  it('keeps Outlook on its first three hosts for a rep who granted them before outlook.cloud.microsoft was added', async () => {
    const earlier = ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'];
    const browser = fakeBrowser(earlier);
    await registerSiteScripts(['outlook'], browser.scripting as never, browser.permissions as never);
    expect(browser.registered[0]!.matches).toEqual(earlier);
    expect(originsOf('outlook')).toEqual([...earlier, 'https://outlook.cloud.microsoft/*']);
  });

  it('registers nothing when nothing is granted', async () => {
    const browser = fakeBrowser([]);
    await registerSiteScripts(['hubspot', 'salesforce'], browser.scripting as never, browser.permissions as never);
    expect(browser.registered).toEqual([]);
  });
});
