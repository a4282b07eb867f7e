import { describe, expect, it } from 'vitest';
import { createWaits, SYNC_WAITS } from '../../../lib/sources/rate-waits';
import { SourceError } from '../../../lib/sources/source';

function pauses(random = 0) {
  const slept: number[] = [];
  return { slept, sleep: async (ms: number) => void slept.push(ms), random: () => random };
}

const limited = (retryAfterMs?: number) => new SourceError('slow down', 'rate_limited', retryAfterMs);

describe('waiting out rate limits inside a run', () => {
  it('waits the window the source names, with jitter, and goes on', async () => {
    const clock = pauses(0.5);
    const waits = createWaits(SYNC_WAITS, clock);
    let attempts = 0;
    const result = await waits.run(async () => {
      if (++attempts < 3) throw limited(10_000);
      return 'page';
    });
    expect(result).toBe('page');
    expect(clock.slept).toEqual([12_500, 12_500]); // the window, plus up to half again drawn at random
    expect({ waits: waits.waits, waitedMs: waits.waitedMs }).toEqual({ waits: 2, waitedMs: 25_000 });
  });

  it('gives up after the most waits the policy allows, with the source’s own error', async () => {
    const clock = pauses();
    const waits = createWaits({ maxWaits: 2, maxTotalMs: 600_000, maxSingleMs: 60_000 }, clock);
    const error = limited(1000);
    await expect(waits.run(async () => Promise.reject(error))).rejects.toBe(error);
    expect(clock.slept).toEqual([1000, 1000]);
  });

  it('shares one budget across the calls of a run, and refuses a wait past the total', async () => {
    const clock = pauses();
    const waits = createWaits({ maxWaits: 10, maxTotalMs: 25_000, maxSingleMs: 60_000 }, clock);
    let first = 0;
    await waits.run(async () => (first++ === 0 ? Promise.reject(limited(20_000)) : 'ok'));
    await expect(waits.run(async () => Promise.reject(limited(20_000)))).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(clock.slept).toEqual([20_000]);
  });

  it('does not wait out a daily limit, nor any other failure', async () => {
    const clock = pauses();
    const waits = createWaits(SYNC_WAITS, clock);
    await expect(waits.run(async () => Promise.reject(limited(3_600_000)))).rejects.toMatchObject({ retryAfterMs: 3_600_000 });
    await expect(waits.run(async () => Promise.reject(new SourceError('down', 'unavailable', 1000)))).rejects.toMatchObject({ kind: 'unavailable' });
    expect(clock.slept).toEqual([]);
  });

  it('takes a rate limit without a stated wait as a one-second one', async () => {
    const clock = pauses();
    const waits = createWaits(SYNC_WAITS, clock);
    let attempts = 0;
    await waits.run(async () => (attempts++ === 0 ? Promise.reject(limited()) : 'ok'));
    expect(clock.slept).toEqual([1000]);
  });
});
