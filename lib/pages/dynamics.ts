// Dynamics 365: the email field (emailaddress1) of a lead or contact form. The address is the
// input's value, which the user may be editing: it is read, never trusted beyond the format check.
import { firstPerEmail, normaliseEmail } from './dom';
import type { PageAdapter } from './types';

export const selectors = {
  form: '[data-id="editFormRoot"], #mainContent',
  email: 'input[data-id="emailaddress1.fieldControl-mail-text-input"]',
};

export const dynamics: PageAdapter = {
  id: 'dynamics',
  matches: ['https://*.crm.dynamics.com/main.aspx*'],
  find(doc) {
    if (!/[?&]etn=(lead|contact)\b/.test(doc.location?.search ?? '') && !doc.querySelector('[data-lp-id*="|lead|"], [data-lp-id*="|contact|"]')) {
      return [];
    }
    const form = doc.querySelector(selectors.form);
    if (!form) return [];
    const inputs = [...form.querySelectorAll<HTMLInputElement>(selectors.email)];
    return firstPerEmail(inputs.flatMap((anchor) => {
      const email = normaliseEmail(anchor.value);
      return email ? [{ email, anchor, role: 'record' as const }] : [];
    }));
  },
};

// Written against the Unified Interface, https://<org>.crm.dynamics.com/main.aspx?appid=…&pagetype=entityrecord&etn=lead&id=…
// (and etn=contact): fields render as inputs whose data-id is "<field>.fieldControl-…".
