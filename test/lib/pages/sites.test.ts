// What each optional site asks the browser for when the rep turns it on: its adapter's hosts, whole
// origins (these apps navigate within a page). A change here changes the permission prompt, and an
// origin added to a site turns that site off for every rep who had it on until they turn it on again
// (the background registers a site only while all its origins are granted).
import { describe, expect, it } from 'vitest';
import { OPTIONAL_SITES, originPattern } from '../../../lib/pages/sites';

describe('the optional sites', () => {
  it('ask for exactly these origins', () => {
    expect(Object.fromEntries(OPTIONAL_SITES.map((site) => [site.id, site.origins]))).toEqual({
      salesforce: ['https://*.lightning.force.com/*'],
      hubspot: ['https://*.hubspot.com/*'],
      dynamics: ['https://*.dynamics.com/*', 'https://*.crm.microsoftdynamics.us/*', 'https://*.crm.appsplatform.us/*', 'https://*.crm.dynamics.cn/*'],
      pipedrive: ['https://*.pipedrive.com/*'],
      outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
      mailto: ['https://*/*'],
    });
  });

  it('leave Gmail out: it has a content script of its own', () => {
    expect(OPTIONAL_SITES.map((site) => site.id)).not.toContain('gmail');
  });

  it.each([
    ['https://*.pipedrive.com/person/*', 'https://*.pipedrive.com/*'],
    ['https://*.dynamics.com/main.aspx*', 'https://*.dynamics.com/*'],
    ['https://outlook.live.com/mail/*', 'https://outlook.live.com/*'],
  ])('%s is asked for as %s', (match, origin) => {
    expect(originPattern(match)).toBe(origin);
  });
});
