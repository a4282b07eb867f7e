// Windowing for a long queue: only the rows in and near the scrolled view are in the page, the
// rest stand in as padding of their measured (or, until drawn, estimated) height. A short queue is
// drawn whole, so the browser's find and a screen reader's list reading see all of it.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows from which the list is windowed: well past a working day's queue, well short of 1,000. */
export const WINDOW_FROM = 200;
/** Drawn beyond each edge of the view, so that Tab and the arrow keys always find the next row. */
const OVERSCAN_PX = 400;
/** A popup's height, for when the page has no layout to ask (tests, a hidden popup). */
const FALLBACK_VIEW_PX = 600;

export interface WindowSlice {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/** The rows [start, end) that cover the view from scrollTop, and the height of those left out. */
export function sliceFor(heights: readonly number[], scrollTop: number, viewPx: number): WindowSlice {
  const top = scrollTop - OVERSCAN_PX;
  const bottom = scrollTop + viewPx + OVERSCAN_PX;
  let offset = 0;
  let start = heights.length;
  let end = heights.length;
  let padTop = 0;
  for (let index = 0; index < heights.length; index++) {
    const height = heights[index]!;
    if (start === heights.length && offset + height > top) {
      start = index;
      padTop = offset;
    }
    if (offset >= bottom) {
      end = index;
      break;
    }
    offset += height;
  }
  const total = heights.reduce((sum, height) => sum + height, 0);
  const drawn = heights.slice(start, end).reduce((sum, height) => sum + height, 0);
  return { start, end: Math.max(start, end), padTop, padBottom: Math.max(0, total - padTop - drawn) };
}

/**
 * Which of `keys` to draw in the scrolling element `scroller`; `estimate(index)` is a row's height
 * until it has been drawn and measured. Rows carry data-window-key for the measuring.
 */
export function useWindow(keys: readonly string[], estimate: (index: number) => number, scroller: { current: HTMLElement | null }) {
  const enabled = keys.length >= WINDOW_FROM;
  const measured = useRef(new Map<string, number>());
  const [scrollTop, setScrollTop] = useState(0);
  const [, remeasured] = useState(0);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !enabled) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setScrollTop(element.scrollTop));
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [enabled, scroller.current]);

  // After each draw: the drawn rows' real heights replace the estimates; a change draws again.
  useLayoutEffect(() => {
    if (!enabled || !scroller.current) return;
    let changed = false;
    for (const row of scroller.current.querySelectorAll<HTMLElement>('[data-window-key]')) {
      const height = row.offsetHeight;
      const key = row.dataset.windowKey!;
      if (height > 0 && measured.current.get(key) !== height) {
        measured.current.set(key, height);
        changed = true;
      }
    }
    if (changed) remeasured((count) => count + 1);
  });

  if (!enabled) return { start: 0, end: keys.length, padTop: 0, padBottom: 0, scrollTo: (_index: number) => false };
  const heights = keys.map((key, index) => measured.current.get(key) ?? estimate(index));
  const viewPx = scroller.current?.clientHeight || FALLBACK_VIEW_PX;
  return {
    ...sliceFor(heights, scrollTop, viewPx),
    /** Scrolls the row into view if it is not drawn; true when it was not (it is drawn on the next render). */
    scrollTo(index: number): boolean {
      const element = scroller.current;
      if (!element || index < 0 || index >= keys.length) return false;
      const top = heights.slice(0, index).reduce((sum, height) => sum + height, 0);
      const visible = top >= element.scrollTop && top + heights[index]! <= element.scrollTop + viewPx;
      if (visible) return false;
      element.scrollTop = Math.max(0, top - viewPx / 3);
      setScrollTop(element.scrollTop);
      return true;
    },
  };
}
