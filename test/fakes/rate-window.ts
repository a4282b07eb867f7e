// What the vendor fakes share for limits and time: a clock (the real one, or the team-scale bench's
// simulated one) and a rolling-window counter, as HubSpot's "100 per 10 s" and Marketo's "100 per 20 s".

/** The time a fake answers by; `serve` holds a request for its service time. */
export interface FakeClock {
  now(): number;
  /**
   * Holds the request being answered for `ms`. With the real clock it does nothing (the fakes answer
   * at once); with the bench's simulated clock it lets other browsers' requests run meanwhile, so a
   * vendor's limit on concurrent calls can be met.
   */
  serve(ms: number): Promise<void>;
}

export const REAL_CLOCK: FakeClock = { now: () => Date.now(), serve: async () => undefined };

/** Requests accepted in the last `windowMs`, at most `limit` of them. */
export class RollingWindow {
  private readonly times: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Whether one more fits now; if so it is counted. */
  take(now: number): boolean {
    while (this.times.length > 0 && this.times[0]! <= now - this.windowMs) this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }
}
