// Dynamics 365: the lead or contact the URL names, and the email field (emailaddress1) of its form.
// Editable, the address is the input's value (which the user may be typing: it is only ever a lookup
// key); read-only, its title. A multisession app (Customer Service workspace) keeps every session's
// and tab's form in the page, hidden but the focused one; the URL names the focused one.
import { addressesIn, documentOf, firstPerEmail, inside, isInput, isShown, recordRef, scopesOf } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  /** The main form; quick-create and quick-view forms sit outside it. */
  form: '[data-id="editFormRoot"]',
  /** The field itself, not the header's copy (data-id "header_emailaddress1…"). */
  email: '[data-id="emailaddress1.fieldControl-mail-text-input"]',
};

/** Match patterns cannot see the query string's order, where Dynamics says what the page shows: a record's form, of which table. */
function leadOrContactForm(search: string): { table: string; id: string | null } | null {
  const params = new URLSearchParams(search);
  const table = params.get('etn') ?? '';
  return params.get('pagetype') === 'entityrecord' && (table === 'lead' || table === 'contact') ? { table, id: params.get('id') } : null;
}

/**
 * An environment's host, <org>.<region>.<cloud>: crm, crm2 … crm21 and those to come on dynamics.com
 * (GCC is crm9), then the sovereign clouds (GCC High, DoD, China). Not the API host (<org>.api.crm…)
 * nor Dynamics' other apps on dynamics.com (Finance and Operations, Business Central).
 */
const ENVIRONMENT_HOST = /^[a-z0-9-]+\.crm\d*\.(?:dynamics\.com|microsoftdynamics\.us|appsplatform\.us|dynamics\.cn)$/;

export const dynamics: PageAdapter = {
  id: 'dynamics',
  matches: ['dynamics.com', 'crm.microsoftdynamics.us', 'crm.appsplatform.us', 'crm.dynamics.cn'].map((cloud) => `https://*.${cloud}/main.aspx*`),
  accepts: (url) => ENVIRONMENT_HOST.test(url.hostname),
  record(url) {
    const form = leadOrContactForm(url.search);
    // Links and the address bar may write the id {GUID}, upper-case: the domain's key is the bare lower-case GUID.
    return form && recordRef('dynamics', form.table, form.id?.replace(/^\{|\}$/g, '').toLowerCase());
  },
  find(root) {
    if (!leadOrContactForm(documentOf(root).location?.search ?? '')) return [];
    const fields = scopesOf(root, selectors.form).flatMap((form) => [...form.querySelectorAll(selectors.email)]);
    const read = (field: Element) => (isInput(field) && field.value) || field.getAttribute('title');
    return inside(root, firstPerEmail(addressesIn(fields.filter(isShown), read, 'record')));
  },
  // A read-only field holds the address in its title; a session or tab is shown and hidden by its style.
  watch: { selector: selectors.email, attributes: ['title', 'style', 'hidden'] },
};

// Written against the Unified Interface, https://<org>.crm.dynamics.com/main.aspx?appid=…&pagetype=entityrecord&etn=lead&id=…
// (and etn=contact, and every region's host): div[data-id="editFormRoot"] with h1[data-id="header_title"],
// fields in div[data-id="<field>-FieldSectionItemContainer"] rendered as input[data-id="<field>.fieldControl-…"]
// (here "emailaddress1.fieldControl-mail-text-input"), read-only ones too, as microsoft/EasyRepro
// (Microsoft.Dynamics365.UIAutomation.Api.UCI/DTO/AppElementReference.cs) and public page objects select
// them; the Customer Service workspace's sessions and tabs as its app profile manager API describes them
// (https://learn.microsoft.com/dynamics365/customer-service/develop/microsoft-apm). Region hosts:
// https://learn.microsoft.com/power-platform/admin/new-datacenter-regions and the discovery service table
// (https://learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg328127(v=crm.8)).
// Saved pages: test/fixtures/pages/dynamics/.
