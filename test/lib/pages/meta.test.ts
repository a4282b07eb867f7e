// @vitest-environment happy-dom
// The registry and the saved pages stay in step: every adapter is tested against at least one saved
// page (two, for a site), every saved page names a known adapter, and nothing is on disk unlisted.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_ADAPTERS } from '../../../lib/pages';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { FIXTURES_DIR, fixtureFilesOnDisk } from './load';

const ids = PAGE_ADAPTERS.map((adapter) => adapter.id);

describe('page adapters and their saved pages', () => {
  it.each(ids)('%s has a saved page in the manifest', (id) => {
    expect(PAGE_FIXTURES.filter((fixture) => fixture.adapter === id).length).toBeGreaterThan(0);
  });

  it.each(PAGE_FIXTURES)('$file names a registered adapter', ({ adapter }) => {
    expect(ids).toContain(adapter);
  });

  it('holds at least two variants for every site (the opt-in mailto adapter reads any page)', () => {
    for (const { id } of PAGE_ADAPTERS.filter((adapter) => !adapter.optIn)) {
      expect(PAGE_FIXTURES.filter((fixture) => fixture.adapter === id).length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('has unique adapter ids and one adapter file per id', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(join(__dirname, '../../../lib/pages', `${id}.ts`)), id).toBe(true);
  });

  it('lists every saved page on disk, each once, under its site, with its capture date in the name', () => {
    const listed = PAGE_FIXTURES.map((fixture) => fixture.file);
    expect([...listed].sort()).toEqual(fixtureFilesOnDisk());
    expect(new Set(listed).size).toBe(listed.length);
    for (const fixture of PAGE_FIXTURES) {
      expect(fixture.file).toMatch(new RegExp(`^${fixture.adapter}/[a-z0-9-]+\\.\\d{4}-\\d{2}-\\d{2}\\.html$`));
      expect(existsSync(join(FIXTURES_DIR, fixture.file))).toBe(true);
    }
  });

  it('covers the dark themes LeadLens must follow (Gmail and a CRM)', () => {
    const dark = PAGE_FIXTURES.filter((fixture) => fixture.dark).map((fixture) => fixture.adapter);
    expect(dark).toContain('gmail');
    expect(dark.some((adapter) => adapter !== 'gmail')).toBe(true);
  });
});
