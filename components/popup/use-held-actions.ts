// The undo window: an action the rep takes in the popup is held here for a few seconds, its row
// saying "Marked contacted · Undo", and only then asked of the background, which queues the write.
// Undone in time, nothing is sent; the popup closing (pagehide) or giving way to its live view
// (unmount) sends what is held at once. So a click is never lost, and a write the rep took back is
// never sent: there is no reversing a write once marketing has it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HandoffAction, HandoffStatus } from '../../lib/domain/model';
import type { QueueEntry } from '../../lib/cache/queue-order';

export const UNDO_MS = 5_000;
/** How long a sent action's row waits for the queue to change before it shows as it is again. */
const SETTLE_MS = 3_000;

export interface HeldAction {
  action: HandoffAction;
  reasonCode?: string;
  /** held: can still be undone; sent: asked of the background, its row about to leave the queue. */
  state: 'held' | 'sent';
  /** The handoff's status when the rep acted: the row is done with once the queue shows another. */
  fromStatus: HandoffStatus;
}

export type Act = (handoffId: string, action: HandoffAction, reasonCode?: string) => Promise<void>;

interface Timed extends HeldAction {
  timer: ReturnType<typeof setTimeout> | null;
}

// One hook, a little over fifty lines: hold, undo, settle and the send share the held actions' map
// and their timers, and each is short.
export function useHeldActions(act: Act, holdMs = UNDO_MS) {
  const actions = useRef(new Map<string, Timed>());
  const [held, setHeld] = useState<ReadonlyMap<string, HeldAction>>(new Map());
  const publish = () => setHeld(new Map(actions.current));
  const actRef = useRef(act);
  actRef.current = act;

  function send(handoffId: string) {
    const item = actions.current.get(handoffId);
    if (!item || item.state === 'sent') return;
    if (item.timer) clearTimeout(item.timer);
    actions.current.set(handoffId, { ...item, state: 'sent', timer: null });
    // The row shows the action taken until the queue changes it; a refusal gives the row back, and
    // so does a queue that never changes (the first paint's), a little later.
    const forget = () => {
      if (actions.current.get(handoffId)?.state !== 'sent') return;
      actions.current.delete(handoffId);
      publish();
    };
    actRef.current(handoffId, item.action, item.reasonCode).then(() => setTimeout(forget, SETTLE_MS), forget);
  }

  const sendAll = () => {
    for (const id of [...actions.current.keys()]) send(id);
  };

  useSendOnLeave(sendAll);

  return {
    held,
    hold(handoffId: string, fromStatus: HandoffStatus, action: HandoffAction, reasonCode?: string) {
      if (actions.current.has(handoffId)) return;
      const timer = setTimeout(() => {
        send(handoffId);
        publish();
      }, holdMs);
      actions.current.set(handoffId, { action, reasonCode, fromStatus, state: 'held', timer });
      publish();
    },
    /** True when it was still held, so nothing was sent. */
    undo(handoffId: string): boolean {
      const item = actions.current.get(handoffId);
      if (!item || item.state !== 'held') return false;
      if (item.timer) clearTimeout(item.timer);
      actions.current.delete(handoffId);
      publish();
      return true;
    },
    /** Forgets sent actions the queue now shows done: the row left it, or its status moved on. */
    settle(entries: readonly QueueEntry[]) {
      if (forgetSettled(actions.current, entries)) publish();
    },
  };
}

/** Forgets the sent actions whose row left the queue or whose status moved on; true if any. */
function forgetSettled(actions: Map<string, Timed>, entries: readonly QueueEntry[]): boolean {
  const status = new Map(entries.map((entry) => [entry.handoff.id, entry.handoff.status]));
  let changed = false;
  for (const [id, item] of actions) {
    if (item.state === 'sent' && status.get(id) !== item.fromStatus) {
      actions.delete(id);
      changed = true;
    }
  }
  return changed;
}

/** Sends what is held when the popup closes (pagehide) or gives way to its live view (unmount). */
function useSendOnLeave(sendAll: () => void) {
  useEffect(() => {
    window.addEventListener('pagehide', sendAll);
    return () => {
      window.removeEventListener('pagehide', sendAll);
      sendAll();
    };
  }, []);
}
