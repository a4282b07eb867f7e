// Which optional sites the user turned on, read from the stored settings by the sites script.
// An exception to parsing with zod at the boundary: zod would more than double the content script.
// This guard accepts what the `sites` field of Settings (lib/domain/settings-schema.ts) accepts;
// test/lib/content/site-settings.test.ts holds the two to the same cases.

/** The turned-on sites' adapter ids: [] when none are stored, null when what is stored is malformed. */
export function storedSites(settings: unknown): string[] | null {
  const sites = typeof settings === 'object' && settings !== null ? (settings as { sites?: unknown }).sites : undefined;
  if (sites === undefined) return [];
  return Array.isArray(sites) && sites.every((id) => typeof id === 'string') ? sites : null;
}
