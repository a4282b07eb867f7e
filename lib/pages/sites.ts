// The sites LeadLens reads only once the user turns them on: each asks for its hosts then, and
// the background registers the content script for exactly the sites that are on and granted.
import { PAGE_ADAPTERS } from './index';

export interface OptionalSite {
  id: string;
  /** Where the content script runs and what the user grants: the whole origin, since these
   *  sites navigate within a single page. */
  origins: string[];
}

export const OPTIONAL_SITES: OptionalSite[] = PAGE_ADAPTERS.filter((adapter) => adapter.id !== 'gmail').map((adapter) => ({
  id: adapter.id,
  origins: [...new Set(adapter.matches.map(originPattern))],
}));

/** 'https://*.pipedrive.com/person/*' -> 'https://*.pipedrive.com/*' */
export function originPattern(match: string): string {
  return match.replace(/^([a-z*]+:\/\/[^/]+)\/.*$/, '$1/*');
}

export const SITES_SCRIPT_ID = 'leadlens-sites';

/**
 * Origins versions before 2026-11-29 asked for, where the site now asks for a wider one: a rep who
 * granted them keeps the site working after the update, until the options ask for the new origin.
 */
export const LEGACY_ORIGINS: Record<string, string[]> = {
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  dynamics: ['', '2', '3', '4', '5', '6', '7', '8', '9', '11', '12'].map((region) => `https://*.crm${region}.dynamics.com/*`),
  // Before outlook.cloud.microsoft was added: those hosts keep their chips until the rep grants it too.
  outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
};
