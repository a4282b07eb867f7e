// The sites script reads the stored settings' `sites` without zod (too big for a content script).
// Its hand-written guard is held here to the Settings schema's `sites` field, case by case, so that
// the two cannot drift.
import { describe, expect, it } from 'vitest';
import { storedSites } from '../../../lib/content/site-settings';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { Settings } from '../../../lib/domain/settings-schema';

const CASES: [string, unknown][] = [
  ['the defaults', DEFAULT_SETTINGS],
  ['two sites', { ...DEFAULT_SETTINGS, sites: ['salesforce', 'hubspot'] }],
  ['no sites', { ...DEFAULT_SETTINGS, sites: [] }],
  ['extra fields', { sites: ['mailto'], comingInVersion2: true, language: 'ja' }],
  ['sites missing', { language: 'en' }],
  ['sites undefined', { sites: undefined }],
  ['sites null', { sites: null }],
  ['sites a string', { sites: 'salesforce' }],
  ['sites an object', { sites: { 0: 'salesforce', length: 1 } }],
  ['a number among the sites', { sites: ['salesforce', 7] }],
  ['null among the sites', { sites: [null] }],
  ['no settings stored', undefined],
  ['settings null', null],
  ['settings a string', 'salesforce'],
  ['settings an array', ['salesforce']],
];

/** What the background makes of the same stored value's `sites`: the list, or null where the schema refuses it. */
function bySchema(stored: unknown): string[] | null {
  const sites = typeof stored === 'object' && stored !== null ? (stored as { sites?: unknown }).sites : undefined;
  const parsed = Settings.shape.sites.safeParse(sites);
  return parsed.success ? parsed.data : null;
}

describe('storedSites', () => {
  it.each(CASES)('agrees with the Settings schema on %s', (_, stored) => {
    expect(storedSites(stored)).toEqual(bySchema(stored));
  });

  it('accepts some cases and refuses others (the table tests both ways)', () => {
    const read = CASES.map(([, stored]) => storedSites(stored));
    expect(read).toContainEqual(['salesforce', 'hubspot']);
    expect(read).toContain(null);
  });
});
