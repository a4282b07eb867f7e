// The demo's seeded randomness and the time units it lays its book out in. The same seed gives the
// same demo everywhere: the browser tests and the saved pages in test/fixtures depend on it.
import type { Instant } from '../../domain/model';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Random = () => number;

export interface Streams {
  seed: number;
  now: Instant;
  /**
   * While leads are made, read in the order it always has been: test/fixtures name people of seed 1.
   * Whatever a lead has gained since draws on `detail`, which leaves the people as they were.
   */
  random: Random;
  detail: Random;
}

export function streamsFor(seed: number, now: Instant): Streams {
  return { seed, now, random: mulberry32(seed), detail: mulberry32(seed ^ 0x5bd1e995) };
}

/** Marketing automation reacts within minutes: form, then MQL, then handoff. */
export const lag = (detail: Random) => roundToMinute(MINUTE + detail() * 14 * MINUTE);
export const roundToMinute = (ms: number) => Math.round(ms / MINUTE) * MINUTE;

/** A small seeded generator (mulberry32): the same seed gives the same demo everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
