// An account's key and the name it is shown by, with no library attached: the popup's queue and the
// loop report read the key the cache stored beside each lead (lib/cache/account-keys.ts) and name
// it here, so that neither pulls the public-suffix list or the free-mail list into its page.
import type { Lead } from './model';

/** Which company a lead works for, as LeadLens groups leads: see account.ts for how the key is made. */
export interface AccountRef {
  key: string;
  name: string;
}

export const DOMAIN_KEY = 'domain:';

/** The name an account is shown by: the source's account name, else the lead's company, else the domain of its key. */
export function accountName(lead: Pick<Lead, 'accountName' | 'company'>, key: string): string {
  return lead.accountName?.trim() || lead.company.trim() || (key.startsWith(DOMAIN_KEY) ? key.slice(DOMAIN_KEY.length) : key.replace(/^[a-z]+:/, ''));
}

/** The account of a lead read from the cache with its stored key; undefined when it has none (free mail, say). */
export function storedAccountOf(lead: (Pick<Lead, 'accountName' | 'company'> & { accountKey?: string }) | null | undefined): AccountRef | undefined {
  return lead?.accountKey ? { key: lead.accountKey, name: accountName(lead, lead.accountKey) } : undefined;
}
