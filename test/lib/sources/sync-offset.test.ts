import { describe, expect, it } from 'vitest';
import { nextSyncAt, syncOffsetMinutes } from '../../../lib/sources/sync-offset';

describe('the per-rep offset of scheduled syncs', () => {
  it('is the same for the same rep, whatever the case or spaces of the address', () => {
    const offset = syncOffsetMinutes('Aiko.Sato@acme.example.com', 15);
    expect(syncOffsetMinutes(' aiko.sato@ACME.example.com ', 15)).toBe(offset);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(15);
  });

  it('is a whole number of seconds inside the interval', () => {
    for (const interval of [1, 15, 60, 1440]) {
      const offset = syncOffsetMinutes('rep@acme.example.com', interval);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(interval);
      expect(Math.round(offset * 60)).toBeCloseTo(offset * 60, 9);
    }
  });

  it('spreads a team of 200 evenly over the interval', () => {
    const offsets = Array.from({ length: 200 }, (_, n) => syncOffsetMinutes(`rep${n}@acme.example.com`, 15));
    const perMinute = Array.from({ length: 15 }, (_, minute) => offsets.filter((offset) => Math.floor(offset) === minute).length);
    // 200 reps over 15 one-minute buckets: about 13 each; no minute takes more than twice its share.
    expect(Math.max(...perMinute)).toBeLessThanOrEqual(27);
    expect(Math.min(...perMinute)).toBeGreaterThan(0);
    // 200 draws into 900 seconds share a second about 20 times by chance alone (about 179 distinct).
    expect(new Set(offsets).size).toBeGreaterThan(170);
  });
});

describe('the next scheduled sync', () => {
  const HOUR = 3_600_000;
  const midnight = Date.UTC(2026, 10, 16);

  it('falls at the rep’s offset after the next interval boundary, counted from midnight UTC', () => {
    const offset = syncOffsetMinutes('rep@acme.example.com', 15) * 60_000;
    const at = nextSyncAt(midnight + 9 * HOUR + 1000, 'rep@acme.example.com', 15);
    expect(at).toBe(midnight + 9 * HOUR + offset > midnight + 9 * HOUR + 1000 ? midnight + 9 * HOUR + offset : midnight + 9 * HOUR + 15 * 60_000 + offset);
    expect(at).toBeGreaterThan(midnight + 9 * HOUR + 1000);
    expect(at - (midnight + 9 * HOUR + 1000)).toBeLessThanOrEqual(15 * 60_000);
  });

  it('puts browsers that start together at their own places in the interval', () => {
    const starts = Array.from({ length: 200 }, (_, n) => nextSyncAt(midnight + 9 * HOUR, `rep${n}@acme.example.com`, 15));
    expect(Math.min(...starts)).toBeGreaterThan(midnight + 9 * HOUR);
    expect(Math.max(...starts)).toBeLessThanOrEqual(midnight + 9 * HOUR + 15 * 60_000);
    expect(new Set(starts.map((at) => Math.floor(at / 60_000))).size).toBe(15);
  });
});
