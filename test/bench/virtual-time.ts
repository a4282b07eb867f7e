// Simulated time for the team-scale bench: many reps' sources and the vendor fakes in one process,
// over real HTTP on 127.0.0.1, with hours of rate-limit windows, alarms and service times passing in
// seconds. Time moves only when nothing is under way: every request the sources send is counted
// (through `fetch`) until its whole answer is read, and a fake holding a request for its service time
// (`serve`) lets time move meanwhile. Then the clock jumps to the next timer.

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export class VirtualTime {
  private timers: Timer[] = [];
  private busy = 0;
  private seq = 0;

  constructor(public now: number) {}

  /** A source's wait (a rate-limit window, the next alarm). */
  sleep = (ms: number): Promise<void> => this.at(this.now + Math.max(0, ms));

  /** Resolves when the clock reaches `when`. */
  at(when: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: Math.max(when, this.now), seq: this.seq++, resolve });
    });
  }

  /** For a fake: holds the request being answered for `ms` without holding the clock. */
  serve = async (ms: number): Promise<void> => {
    if (ms <= 0) return;
    this.busy--;
    try {
      await this.sleep(ms);
    } finally {
      this.busy++;
    }
  };

  /** fetch, counted until the answer is read whole; the answer comes back as text, already read. */
  fetch: typeof fetch = async (input, init) => {
    this.busy++;
    try {
      const response = await globalThis.fetch(input, init);
      const text = await response.text();
      return { ok: response.ok, status: response.status, headers: response.headers, text: async () => text } as Response;
    } finally {
      this.busy--;
    }
  };

  /** Runs the simulation until `main` settles, moving the clock whenever everything is waiting. */
  async run<T>(main: Promise<T>): Promise<T> {
    let settled = false;
    const done = main.finally(() => {
      settled = true;
    });
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.busy === 0 && this.timers.length > 0) this.fire();
    }
    return done;
  }

  private fire() {
    let next = 0;
    for (let i = 1; i < this.timers.length; i++) {
      const [a, b] = [this.timers[i]!, this.timers[next]!];
      if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = i;
    }
    const [timer] = this.timers.splice(next, 1);
    this.now = timer!.at;
    timer!.resolve();
  }
}
