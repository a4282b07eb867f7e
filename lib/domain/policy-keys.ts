// Storage keys the background writes for readers that cannot work settings out themselves. Alone in
// this file so that a content script may import them without zod or the policies' code.

/**
 * The sites in force (the rep's and those a policy turned on), in storage.local, as the background
 * registered the sites script for them. The script cannot read the policies: managed storage is
 * closed to content scripts (it may hold a token), and the marketing system's is in IndexedDB.
 */
export const SITES_IN_FORCE_KEY = 'sitesInForce';
