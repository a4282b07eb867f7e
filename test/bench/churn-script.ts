// The script of a generated web-mail page (gmail-churn.ts, outlook-churn.ts), in the page's own world:
// it mutates the page as the mail app does all day, with the page's own kinds of change (its ops, from
// gmail-churn-script.ts or outlook-churn-script.ts), and measures what the page sees meanwhile (frames,
// long tasks, when LeadLens's chips arrive after a navigation). It is the same in every configuration
// the benchmark compares, so its own cost is the page's. Self-contained, as are the ops: their source
// is put in the page as it is.

export interface ChurnConfig {
  seed: number;
  /** Rows of the inbox list: a re-render shows 50 of them from a moving offset. */
  listRows: string[];
  /** People for hover cards. */
  people: { email: string; name: string }[];
  /** The thread or conversation the navigation goes to: its URL and its view. */
  nextThread: { url: string; html: string };
}

/** What the page's ops get from the runner: its seeded random numbers, queries, and layers over the page. */
export interface ChurnTools {
  random(): number;
  pick<T>(items: ArrayLike<T>): T;
  $(selector: string): Element;
  $$(selector: string): NodeListOf<Element>;
  /** Puts a layer (a card, a tooltip, a toast) of this kind over the page, built by `build`. */
  layerIn(kind: string, build: (layer: HTMLElement) => void): void;
  /** Takes the oldest layer of this kind away. */
  layerOut(kind: string): void;
}

/** One mail app's churn: the kinds of change it makes, the list it re-renders, the view a navigation replaces. */
export interface PageChurn {
  /** Each kind of change and how many times a second it comes. */
  perSecond: [() => unknown, number][];
  /** Re-renders the message list, every 2 s. */
  renderList(): void;
  /** The element the navigation replaces with the next view. */
  view: string;
}

/** A page's ops: self-contained, since their source goes into the page. */
export type PageChurnOps = (config: ChurnConfig, tools: ChurnTools) => PageChurn;

/** The page's script: the runner with this page's ops and config. */
export const churnPageScript = (config: ChurnConfig, ops: PageChurnOps) =>
  `(${churnScript.toString()})(${JSON.stringify(config).replace(/</g, '\\u003c')}, ${ops.toString()});`;

/**
 * A run is a number of batches, not a time: on a busy machine the timers fire late and the run takes
 * longer, but the page does the same work in every run, so runs compare.
 */
export interface ChurnRun {
  /** Batches from the schedule, 64 a second: each a task of its own. */
  batches: number;
  /** After how many batches the page navigates to the next thread; null for none. */
  navigateAfter: number | null;
  /** Chips the next thread should get: when they are all there, the navigation's last chip has come. */
  expectedChips: number;
}

export interface NavigationStats {
  /** From history.pushState to the first and the last chip host in the new thread, by the page's clock. */
  firstChipMs: number | null;
  lastChipMs: number | null;
  /** The animation frame (1: the first after the navigation) whose callbacks first saw a chip in the new thread. */
  firstChipFrame: number | null;
  /** From history.pushState to the first animation frame after it: when the page itself shows the new thread. */
  firstFrameMs: number | null;
  /**
   * From history.pushState to the first task after that frame's work (a message posted from its
   * animation-frame callback): the new thread styled, laid out and painted, the main thread free again.
   * An answer from the background that came meanwhile can be drawn no sooner.
   */
  firstFrameDoneMs: number | null;
  chips: number;
}

export interface ChurnStats {
  durationMs: number;
  /** Tasks that mutated the page, list re-renders and the navigation included: each one batch for a MutationObserver. */
  batches: number;
  frames: number;
  /** Frames the page's requestAnimationFrame did not get: each gap between two callbacks, in frame intervals, less one. */
  missedFrames: number;
  /**
   * The same frames by what the page was doing when it missed them: a gap that ends in the first 300 ms
   * after the navigation, or in the first 100 ms after a re-render of the list, counts there; the rest is
   * the steady churn.
   */
  missedAt: { navigation: number; listRender: number; churn: number };
  longTasks: number;
  longTaskMs: number;
  navigation: NavigationStats | null;
  elements: number;
  nodes: number;
}

declare global {
  interface Window {
    churn?: { run(options: ChurnRun): Promise<ChurnStats> };
  }
}

export function churnScript(config: ChurnConfig, ops: PageChurnOps): void {
  let state = config.seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: ArrayLike<T>): T => items[Math.floor(random() * items.length)]!;

  const longTasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  const $ = (selector: string) => document.querySelector(selector)!;
  const $$ = (selector: string) => document.querySelectorAll(selector);
  const layers = new Map<string, Element[]>();
  const layerIn = (kind: string, build: (layer: HTMLElement) => void) => {
    const layer = document.createElement('div');
    build(layer);
    document.body.append(layer);
    (layers.get(kind) ?? layers.set(kind, []).get(kind)!).push(layer);
  };
  const layerOut = (kind: string) => layers.get(kind)?.shift()?.remove();
  const page = ops(config, { random, pick, $, $$, layerIn, layerOut });
  let ticks = 0;
  /** Batches per second, and the list re-rendered every 2 s (every 128th batch). */
  const RATE = 64;
  const LIST_EVERY = 128;
  // In a seeded order.
  const schedule = page.perSecond.flatMap(([op, count]) => Array.from({ length: count }, () => op));
  for (let n = schedule.length - 1; n > 0; n--) {
    const other = Math.floor(random() * (n + 1));
    [schedule[n], schedule[other]] = [schedule[other]!, schedule[n]!];
  }
  const tick = () => schedule[ticks++ % schedule.length]!();

  /** Goes to the next thread or conversation as the app does: the URL first, then the view replaced. */
  function navigate(stats: NavigationStats, expected: number, framesSince: { count: number; view: Element | null; start: number }) {
    const view = document.createElement('div');
    view.innerHTML = config.nextThread.html;
    const thread = view.firstElementChild!;
    const start = performance.now();
    const chips = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeName !== 'LEADLENS-OVERLAY') continue;
          const at = performance.now() - start;
          stats.chips++;
          stats.firstChipMs ??= at;
          if (stats.chips === expected) stats.lastChipMs = at;
        }
      }
    });
    chips.observe(thread, { childList: true, subtree: true });
    setTimeout(() => chips.disconnect(), 2000);
    const oldURL = location.href;
    history.pushState(null, '', config.nextThread.url);
    // Gmail moves by its URL's hash, which fires hashchange; pushState itself fires nothing.
    if (new URL(oldURL).hash !== location.hash) window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
    $(page.view).replaceWith(thread);
    framesSince.count = 0;
    framesSince.view = thread;
    framesSince.start = start;
  }

  window.churn = {
    run({ batches, navigateAfter, expectedChips }) {
      const elements = document.getElementsByTagName('*').length;
      let nodes = 0;
      for (const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL); walker.nextNode(); ) nodes++;
      const start = performance.now();
      const frameTimes: number[] = [];
      let done = 0;
      let extra = 0;
      let navigation: NavigationStats | null = null;
      const sinceNavigation = { count: 0, view: null as Element | null, start: 0 };
      /** When the list was re-rendered, by the page's clock. */
      const renders: number[] = [];
      if (navigateAfter !== null) navigation = { firstChipMs: null, lastChipMs: null, firstChipFrame: null, firstFrameMs: null, firstFrameDoneMs: null, chips: 0 };
      return new Promise<ChurnStats>((resolve) => {
        let running = true;
        // Each batch at its time from the start: one that comes late shortens the wait for the next.
        const next = () => setTimeout(step, Math.max(0, start + (done + 1) * (1000 / RATE) - performance.now()));
        const step = () => {
          tick();
          done++;
          if (done % LIST_EVERY === 0) setTimeout(() => (extra++, renders.push(performance.now()), page.renderList()));
          if (done === navigateAfter) setTimeout(() => (extra++, navigate(navigation!, expectedChips, sinceNavigation)));
          if (done === batches) setTimeout(finish);
          else next();
        };
        next();
        const frame = (time: number) => {
          if (!running) return;
          frameTimes.push(time);
          if (sinceNavigation.view && navigation && navigation.firstChipFrame === null) {
            navigation.firstFrameMs ??= performance.now() - sinceNavigation.start;
            sinceNavigation.count++;
            if (sinceNavigation.count === 1) {
              const { start: navigated } = sinceNavigation;
              const afterFrame = new MessageChannel();
              afterFrame.port1.onmessage = () => (navigation!.firstFrameDoneMs = performance.now() - navigated);
              afterFrame.port2.postMessage(null);
            }
            if (sinceNavigation.view.querySelector('leadlens-overlay')) navigation.firstChipFrame = sinceNavigation.count;
          }
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        function finish() {
          running = false;
          const end = performance.now();
          const gaps = frameTimes.slice(1).map((time, n) => time - frameTimes[n]!);
          const interval = Math.min(1000 / 60, [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 1000 / 60);
          const during = longTasks.filter((task) => task.start >= start && task.start < end);
          // Frames missed in each gap, counted where the gap ends.
          const missedIn = gaps.map((gap) => Math.max(0, Math.round(gap / interval) - 1));
          const missedAt = { navigation: 0, listRender: 0, churn: 0 };
          const navigated = navigation ? sinceNavigation.start : Number.NaN;
          missedIn.forEach((missed, n) => {
            const time = frameTimes[n + 1]!;
            if (time > navigated && time - navigated <= 300) missedAt.navigation += missed;
            else if (renders.some((render) => time > render && time - render <= 100)) missedAt.listRender += missed;
            else missedAt.churn += missed;
          });
          resolve({
            durationMs: end - start,
            batches: done + extra,
            frames: frameTimes.length,
            missedFrames: missedIn.reduce((total, missed) => total + missed, 0),
            missedAt,
            longTasks: during.length,
            longTaskMs: during.reduce((sum, task) => sum + task.duration, 0),
            navigation,
            elements,
            nodes,
          });
        }
      });
    },
  };
}
