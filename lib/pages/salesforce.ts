// Salesforce Lightning: the Email field of the Lead or Contact record on screen. The console keeps
// other tabs' records in the DOM, hidden: only the active one counts.
import { recordLinks } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  activeRecord: '.oneContent.active, .oneContent:only-of-type',
  email: 'lightning-formatted-email a[href^="mailto:"]',
};

export const salesforce: PageAdapter = {
  id: 'salesforce',
  matches: ['https://*.lightning.force.com/lightning/r/Lead/*', 'https://*.lightning.force.com/lightning/r/Contact/*'],
  find: (doc) => recordLinks(doc, selectors.activeRecord, selectors.email),
};

// Written against Lightning Experience record pages, https://<org>.lightning.force.com/lightning/r/Lead/<id>/view
// and /Contact/<id>/view: the highlights panel and record details render the field with
// <lightning-formatted-email>, whose link carries the address in its mailto: href.
