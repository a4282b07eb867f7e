// The rep's pending handoffs as a list, grouped overdue, due today, later, the one due first at
// the top of each; each row with its SLA state and the actions that move it along. Long queues are
// windowed (popup/use-window.ts). Focus is kept where a keyboard user expects it: on the next row
// after an action, on Reject after the reject form closes, never dropped to the page.
import { useRef, useState } from 'preact/hooks';
import { t } from '../lib/ui/i18n';
import type { HandoffAction } from '../lib/domain/model';
import type { FeedbackReason } from '../lib/domain/settings-schema';
import { HandoffRow } from './popup/HandoffRow';
import type { QueueRow } from './popup/queue-rows';
import type { HeldAction } from './popup/use-held-actions';
import { useQueueFocus } from './popup/use-queue-focus';
import { useWindow } from './popup/use-window';

export type { QueueFilter } from './popup/queue-rows';

export interface HandoffQueueProps {
  /** The rows to show, already filtered, searched and grouped (popup/queue-rows.ts). */
  rows: QueueRow[];
  held: ReadonlyMap<string, HeldAction>;
  /** The reasons a rejection can give: every reason set up for a verdict other than "good lead". */
  reasons: FeedbackReason[];
  onAction: (row: QueueRow, action: HandoffAction, reasonCode?: string) => void;
  onUndo: (handoffId: string) => void;
  /** How many marketing touches a lead has, for its details; absent in the first paint. */
  countTouches?: (email: string) => Promise<number>;
}

/** A row's height until drawn: name and company, then the deadline and the actions; a group's (and an account's) heading above its first. */
const estimate = (rows: QueueRow[]) => (index: number) =>
  88 + (rows[index]?.groupSize !== undefined ? 30 : 0) + (rows[index]?.accountGroup !== undefined ? 26 : 0);

export function HandoffQueue({ rows, held, reasons, onAction, onUndo, countTouches }: HandoffQueueProps) {
  const [rejecting, setRejecting] = useState<string | null>(null);
  const { expanded, touches, toggle } = useRowDetails(countTouches);
  const scroller = useRef<HTMLDivElement>(null);
  const slice = useWindow(rows.map((row) => row.handoff.id), estimate(rows), scroller);
  const focus = useQueueFocus(rows, scroller, slice.scrollTo);

  function act(row: QueueRow, index: number, action: HandoffAction, reasonCode?: string) {
    setRejecting(null);
    onAction(row, action, reasonCode);
    // The row stays, showing the action and Undo: the rep goes on with the next one.
    focus.focusRowAt(index + 1 < rows.length ? index + 1 : index);
  }

  return (
    <div class="queue-scroll" ref={scroller}>
      <ol class="queue" aria-label={t('pendingHandoffs')} data-loaded={rows.length} style={`padding-top: ${slice.padTop}px; padding-bottom: ${slice.padBottom}px`} onKeyDown={focus.onKeyDown}>
        {rows.slice(slice.start, slice.end).map((row, offset) => {
          const index = slice.start + offset;
          const id = row.handoff.id;
          return (
            <HandoffRow
              key={id}
              row={row}
              held={held.get(id)}
              expanded={expanded.has(id)}
              rejecting={rejecting === id}
              reasons={reasons}
              touches={touches.get(row.handoff.email)}
              onToggle={() => toggle(row)}
              onAction={(action, reasonCode) => act(row, index, action, reasonCode)}
              onReject={(open) => {
                setRejecting(open ? id : null);
                if (!open) focus.focus(id, '[data-action="reject"]');
              }}
              onUndo={() => {
                onUndo(id);
                focus.focus(id, '.handoff-open');
              }}
            />
          );
        })}
      </ol>
    </div>
  );
}

/** Which rows show their details, and the touch counts read for them, each once. */
function useRowDetails(countTouches: HandoffQueueProps['countTouches']) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [touches, setTouches] = useState<ReadonlyMap<string, number>>(new Map());

  function toggle(row: QueueRow) {
    const id = row.handoff.id;
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else {
      next.add(id);
      if (countTouches && !touches.has(row.handoff.email)) {
        void countTouches(row.handoff.email).then((count) => setTouches((known) => new Map(known).set(row.handoff.email, count)), () => undefined);
      }
    }
    setExpanded(next);
  }
  return { expanded, touches, toggle };
}
