// Waiting out a vendor's rate-limit window inside one run, instead of ending the run at the first 429
// (HubSpot) or 606 (Marketo) and leaving the rest for the next alarm. The waits are bounded: a run
// that keeps meeting the limit gives up, with the vendor's own error, after a few waits or a total.
import { SourceError } from './source';

export interface WaitPolicy {
  /** The most waits in one run. */
  maxWaits: number;
  /** The most time spent waiting in one run, in ms. */
  maxTotalMs: number;
  /** A longer wait (a daily limit) is not waited out in a run: the error goes to the caller. */
  maxSingleMs: number;
}

/**
 * A sync run: a few windows of HubSpot's 10 s or Marketo's 20 s, never a daily limit, and at most 90 s
 * in all, so that a run stays near the background's two-minute limit on a run (SYNC_LIMITS.maxRunMs).
 */
export const SYNC_WAITS: WaitPolicy = { maxWaits: 8, maxTotalMs: 90_000, maxSingleMs: 30_000 };
/** Test connection and on-screen lookups: someone is waiting, so one short wait at most. */
export const BRIEF_WAITS: WaitPolicy = { maxWaits: 1, maxTotalMs: 15_000, maxSingleMs: 15_000 };
/**
 * Writes wait for nothing: the outbox already reschedules a rate-limited write, and a write held
 * past its lease could be claimed and sent a second time.
 */
export const NO_WAITS: WaitPolicy = { maxWaits: 0, maxTotalMs: 0, maxSingleMs: 0 };

/** How waiting is done: real timers in the extension, a simulated clock in the team-scale bench. */
export interface Pauses {
  sleep: (ms: number) => Promise<void>;
  /** 0 to 1; spreads the retries of many browsers that met the same window. */
  random: () => number;
}

export const REAL_PAUSES: Pauses = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random };

/** Without a stated wait (Marketo's 615, say), a second. */
const UNSTATED_WAIT_MS = 1000;

export interface RateWaits {
  /** Runs `attempt`, and again after each rate limit the budget can wait out. */
  run<T>(attempt: () => Promise<T>): Promise<T>;
  readonly waits: number;
  readonly waitedMs: number;
}

/** One budget for a run: every call in it draws on the same waits and the same total. */
export function createWaits(policy: WaitPolicy, pauses: Pauses = REAL_PAUSES): RateWaits {
  let waits = 0;
  let waitedMs = 0;
  /** The wait for this failure, or null when it is not to be waited out here. */
  function waitFor(error: unknown): number | null {
    if (!(error instanceof SourceError) || error.kind !== 'rate_limited') return null;
    const window = error.retryAfterMs ?? UNSTATED_WAIT_MS;
    // Up to half a window more, drawn at random, so that browsers limited together do not return together.
    const wait = Math.round(window * (1 + pauses.random() / 2));
    const fits = waits < policy.maxWaits && window <= policy.maxSingleMs && waitedMs + wait <= policy.maxTotalMs;
    return fits ? wait : null;
  }
  return {
    async run<T>(attempt: () => Promise<T>): Promise<T> {
      for (;;) {
        try {
          return await attempt();
        } catch (error) {
          const wait = waitFor(error);
          if (wait === null) throw error;
          waits++;
          waitedMs += wait;
          await pauses.sleep(wait);
        }
      }
    },
    get waits() {
      return waits;
    },
    get waitedMs() {
      return waitedMs;
    },
  };
}
