// Dynamics 365: the email field (emailaddress1) of a lead or contact form. Editable, the address is
// the input's value (which the user may be typing: it is only ever a lookup key); read-only, its title.
import { addressesIn, documentOf, firstPerEmail, inside, isInput, scopesOf } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  /** The main form; quick-create and quick-view forms sit outside it. */
  form: '[data-id="editFormRoot"]',
  /** The field itself, not the header's copy (data-id "header_emailaddress1…"). */
  email: '[data-id="emailaddress1.fieldControl-mail-text-input"]',
};

/** Match patterns cannot see the query string, where Dynamics says what the page shows: a record's form, of which table. */
function isLeadOrContactForm(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.get('pagetype') === 'entityrecord' && ['lead', 'contact'].includes(params.get('etn') ?? '');
}

/**
 * Dynamics 365 online's regions, each its own host: North America (crm, crm9), South America (crm2),
 * Canada (crm3), EMEA (crm4), Asia Pacific (crm5), Oceania (crm6), Japan (crm7), India (crm8), UK
 * (crm11), France (crm12). From Microsoft's list of discovery service URLs per data center.
 */
export const DYNAMICS_REGIONS = ['crm', 'crm2', 'crm3', 'crm4', 'crm5', 'crm6', 'crm7', 'crm8', 'crm9', 'crm11', 'crm12'] as const;

export const dynamics: PageAdapter = {
  id: 'dynamics',
  matches: DYNAMICS_REGIONS.map((region) => `https://*.${region}.dynamics.com/main.aspx*`),
  find(root) {
    if (!isLeadOrContactForm(documentOf(root).location?.search ?? '')) return [];
    const fields = scopesOf(root, selectors.form).flatMap((form) => [...form.querySelectorAll(selectors.email)]);
    return inside(root, firstPerEmail(addressesIn(fields, (field) => (isInput(field) && field.value) || field.getAttribute('title'), 'record')));
  },
  // A read-only field holds the address in its title.
  watch: { selector: selectors.email, attributes: ['title'] },
};

// Written against the Unified Interface, https://<org>.crm.dynamics.com/main.aspx?appid=…&pagetype=entityrecord&etn=lead&id=…
// (and etn=contact): div[data-id="editFormRoot"] with h1[data-id="header_title"], fields rendered as
// input[data-id="<field>.fieldControl-…"] (here "emailaddress1.fieldControl-mail-text-input"), as
// public Dynamics UI automation (Selenium and Playwright page objects) selects them.
// Regions: https://learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg328127(v=crm.8)
// ("Discover the URL for your organization", the table of discovery service URLs per data center).
