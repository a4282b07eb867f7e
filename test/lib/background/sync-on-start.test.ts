// At browser start the background syncs only a cache older than one interval: the rep's own alarm,
// spread over the interval, does the rest, so a team opening its browsers at 9:00 does not sync at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createBackgroundApp } from '../../../lib/background/app';
import { LeadLensDb } from '../../../lib/cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../../../lib/cache/db-name';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { sourceFor } from '../../../lib/sources';
import { nextSyncAt, syncOffsetMinutes } from '../../../lib/sources/sync-offset';

const NOW = Date.UTC(2026, 10, 30, 0, 0);
let db: LeadLensDb;
let pagesAsked: number;
let badges: number;

function app() {
  return createBackgroundApp({
    db,
    extension: { id: 'x', pagesUrl: 'chrome-extension://x/' },
    loadSettings: async () => DEFAULT_SETTINGS,
    saveSettings: async () => {},
    sourceFor: (settings, token) => {
      const source = sourceFor(settings, { now: () => NOW, token });
      return { ...source, changes: (cursor, limit) => (pagesAsked++, source.changes(cursor, limit)) };
    },
    now: () => NOW,
    showBadge: async () => void badges++,
    scheduleOutbox: async () => {},
    notify: async () => {},
    scheduleReminders: async () => {},
    messagesFor: async () => ({}),
  });
}

beforeEach(() => {
  db = new LeadLensDb(`start-${Math.random()}`);
  pagesAsked = 0;
  badges = 0;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const synced = (minutesAgo: number): SyncState => ({ status: 'idle', sourceId: 'demo', lastSuccessAt: NOW - minutesAgo * 60_000, recordsSynced: 0, quarantined: 0 });

describe('the sync at browser start', () => {
  it('runs for a cache never synced, and for one older than the interval', async () => {
    await app().syncIfStale(15);
    expect(pagesAsked).toBeGreaterThan(0);
    pagesAsked = 0;
    await db.setMeta(SYNC_STATE_KEY, synced(16));
    await app().syncIfStale(15);
    expect(pagesAsked).toBeGreaterThan(0);
  });

  it('leaves a fresh cache to the alarm, and still badges it', async () => {
    await db.setMeta(SYNC_STATE_KEY, synced(5));
    await app().syncIfStale(15);
    expect(pagesAsked).toBe(0);
    expect(badges).toBe(1);
  });

  it("puts each rep's alarm at the rep's own place in the interval", () => {
    const at = nextSyncAt(NOW, 'rep@leadlens.example', 15);
    expect(at).toBeGreaterThan(NOW);
    expect(at - NOW).toBeLessThanOrEqual(15 * 60_000);
    expect((at - NOW) / 60_000).toBeCloseTo(syncOffsetMinutes('rep@leadlens.example', 15), 6);
  });
});
