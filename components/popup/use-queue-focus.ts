// Where focus goes in the queue, for a keyboard user: to a row's name or Reject button once that
// row is drawn (a row out of the window is scrolled to first), to the row now in its place when the
// focused control leaves the page, and up and down the rows' names with the arrow keys.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { QueueRow } from './queue-rows';

/** What in a row takes focus: its name (which opens the lead), or its Reject button. */
export type FocusTarget = '.handoff-open' | '[data-action="reject"]';

// One hook, as the focus request, the last focused row and the arrow keys share the rows and the
// scroller; each part is short.
export function useQueueFocus(rows: QueueRow[], scroller: { current: HTMLElement | null }, scrollTo: (index: number) => boolean) {
  const [request, setRequest] = useState<{ id: string; target: FocusTarget } | null>(null);
  const lastFocused = useRef(0);
  const indexOf = (id: string | undefined) => rows.findIndex((row) => row.handoff.id === id);
  const rowIdOf = (element: HTMLElement) => element.closest<HTMLElement>('[data-row-id]')?.dataset.rowId;

  // A requested focus lands once its row is drawn.
  useLayoutEffect(() => {
    if (!request) return;
    const index = indexOf(request.id);
    if (index < 0) return setRequest(null);
    if (scrollTo(index)) return; // drawn on the next render
    scroller.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(request.id)}"] ${request.target}`)?.focus();
    setRequest(null);
  });

  const focusRowAt = (index: number) => {
    const row = rows[Math.min(index, rows.length - 1)];
    if (row) setRequest({ id: row.handoff.id, target: '.handoff-open' });
  };

  // A focused control that leaves the page (its row acted on, undone, or scrolled out of the window)
  // hands focus to the row now in its place, not to the page's body.
  useEffect(() => {
    const list = scroller.current;
    if (!list) return;
    const onFocusIn = (event: FocusEvent) => {
      const index = indexOf(rowIdOf(event.target as HTMLElement));
      if (index >= 0) lastFocused.current = index;
    };
    const onFocusOut = (event: FocusEvent) => {
      const left = event.target as HTMLElement;
      setTimeout(() => {
        if (!left.isConnected && (document.activeElement === document.body || document.activeElement === null)) focusRowAt(lastFocused.current);
      });
    };
    list.addEventListener('focusin', onFocusIn);
    list.addEventListener('focusout', onFocusOut);
    return () => {
      list.removeEventListener('focusin', onFocusIn);
      list.removeEventListener('focusout', onFocusOut);
    };
  });

  return {
    focus: (id: string, target: FocusTarget) => setRequest({ id, target }),
    focusRowAt,
    /** Up and down arrows move between the rows' names. */
    onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const target = event.target as HTMLElement;
      if (!target.classList.contains('handoff-open')) return;
      event.preventDefault();
      focusRowAt(Math.max(0, indexOf(rowIdOf(target)) + (event.key === 'ArrowDown' ? 1 : -1)));
    },
  };
}
