// The script of the generated Gmail page (gmail-churn.ts), in the page's own world: it mutates the
// page as Gmail does all day and measures what the page sees meanwhile (frames, long tasks, when
// LeadLens's chips arrive after a navigation). It is the same in every configuration the benchmark
// compares, so its own cost is the page's. Self-contained: its source is put in the page as it is.

export interface ChurnConfig {
  seed: number;
  /** Rows of the inbox list: a re-render shows 50 of them from a moving offset. */
  listRows: string[];
  /** People for hover cards. */
  people: { email: string; name: string }[];
  nextThread: { url: string; html: string };
}

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
  chips: number;
}

export interface ChurnStats {
  durationMs: number;
  /** Tasks that mutated the page, list re-renders and the navigation included: each one batch for a MutationObserver. */
  batches: number;
  frames: number;
  /** Frames the page's requestAnimationFrame did not get: each gap between two callbacks, in frame intervals, less one. */
  missedFrames: number;
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

export function churnScript(config: ChurnConfig): void {
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
  let listOffset = 0;
  let ticks = 0;
  let unread = 3;
  const openCards: Element[] = [];
  const openTooltips: Element[] = [];

  const timestamp = () => {
    const stamps = $$('.churn-thread .g3, .churn-list .xW span');
    const stamp = pick(stamps);
    stamp.textContent = `${1 + Math.floor(random() * 59)} minutes ago`;
    stamp.setAttribute('title', new Date(Date.now() - random() * 3_600_000).toString());
  };
  const hovercardIn = () => {
    const { email, name } = pick(config.people);
    const card = document.createElement('div');
    card.className = 'hovercard';
    card.setAttribute('role', 'dialog');
    card.style.left = `${Math.floor(random() * 600)}px`;
    card.style.top = `${Math.floor(random() * 400)}px`;
    card.innerHTML =
      `<div class="hc-top"><img class="hc-avatar" alt="" data-hovercard-id="${email}"><div class="hc-who"><div class="hc-name">${name}</div>` +
      `<div class="hc-email">${email}</div><div class="hc-org">Sales</div></div></div><div class="hc-actions">` +
      ['Email', 'Chat', 'Video call', 'Schedule', 'Open detailed view'].map((label) => `<div role="button" aria-label="${label}"><span>${label}</span></div>`).join('') +
      '</div>';
    document.body.append(card);
    openCards.push(card);
  };
  const hovercardOut = () => openCards.shift()?.remove();
  const tooltipIn = () => {
    const tip = document.createElement('div');
    tip.setAttribute('role', 'tooltip');
    tip.innerHTML = `<div class="T-ays-iP"><span>${pick(['Archive', 'Reply', 'More', 'Snooze', 'Labels'])}</span></div>`;
    document.body.append(tip);
    openTooltips.push(tip);
  };
  const tooltipOut = () => openTooltips.shift()?.remove();
  const presence = () => pick($$('.presence')).classList.toggle('presence-on');
  const progress = () => (($('.churn-progress > div') as HTMLElement).style.width = `${Math.floor(random() * 100)}%`);
  const announce = () => ($('[aria-live]').textContent = pick(['Conversation archived.', 'Message sent.', 'Loading…', 'Undo', '']));
  const unreadCount = () => {
    unread = Math.max(0, unread + (random() < 0.5 ? -1 : 1));
    const label = pick($$('.aim'));
    label.querySelector('.bsU')!.textContent = unread ? String(unread) : '';
    label.querySelector('a')!.setAttribute('aria-label', `${label.textContent} ${unread} unread`);
    document.title = `Inbox (${unread}) - Gmail`;
  };
  const renderList = () => {
    listOffset = (listOffset + 1 + Math.floor(random() * 5)) % config.listRows.length;
    const rows = Array.from({ length: 50 }, (_, n) => config.listRows[(listOffset + n) % config.listRows.length]).join('');
    $('.churn-list').innerHTML = rows;
  };
  /** Batches per second, and the list re-rendered every 2 s (every 128th batch). */
  const RATE = 64;
  const LIST_EVERY = 128;
  // In a seeded order: how often each kind comes, per second.
  const perSecond: [() => unknown, number][] = [
    [timestamp, 12], [hovercardIn, 2], [hovercardOut, 2], [tooltipIn, 6], [tooltipOut, 6], [presence, 12], [progress, 10], [announce, 4], [unreadCount, 10],
  ];
  const schedule = perSecond.flatMap(([op, count]) => Array.from({ length: count }, () => op));
  for (let n = schedule.length - 1; n > 0; n--) {
    const other = Math.floor(random() * (n + 1));
    [schedule[n], schedule[other]] = [schedule[other]!, schedule[n]!];
  }
  const tick = () => schedule[ticks++ % schedule.length]!();

  /** Goes to the next thread as Gmail does: the URL first, then the thread's view replaced. */
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
    window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
    $('.churn-thread .if').replaceWith(thread);
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
      if (navigateAfter !== null) navigation = { firstChipMs: null, lastChipMs: null, firstChipFrame: null, firstFrameMs: null, chips: 0 };
      return new Promise<ChurnStats>((resolve) => {
        let running = true;
        // Each batch at its time from the start: one that comes late shortens the wait for the next.
        const next = () => setTimeout(step, Math.max(0, start + (done + 1) * (1000 / RATE) - performance.now()));
        const step = () => {
          tick();
          done++;
          if (done % LIST_EVERY === 0) setTimeout(() => (extra++, renderList()));
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
          resolve({
            durationMs: end - start,
            batches: done + extra,
            frames: frameTimes.length,
            missedFrames: gaps.reduce((missed, gap) => missed + Math.max(0, Math.round(gap / interval) - 1), 0),
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
