// What a write of the rep's does to the cache before marketing has it, said once: recordAction
// applies it with the click, and a sync applies it again over marketing's records for as long as
// the write has not landed (pending-writes.ts), so the two cannot drift apart.
import type { Handoff, HandoffAction, Lead, OutboxItem, OutboxPayload } from '../domain/model';

/** The cached records a write of the rep's can change, by table. Touches are marketing's alone. */
export interface Changeable {
  leads: Lead;
  handoffs: Handoff;
}
export type ChangeableTable = keyof Changeable;

/** A change to one cached record; `at` is when the rep clicked. */
export type LocalEffect = {
  [T in ChangeableTable]: { table: T; key: string; apply: (record: Changeable[T], at: number) => Changeable[T] };
}[ChangeableTable];

/**
 * Every kind of write, with the records it changes. A new kind of write does not compile until it
 * is listed here, so a sync can never forget to keep its effect.
 */
const EFFECTS: { [K in OutboxPayload['kind']]: (payload: Extract<OutboxPayload, { kind: K }>) => LocalEffect[] } = {
  // Feedback only goes into the rep's feedback log (recordAction): it changes no lead or handoff.
  feedback: () => [],
  handoff_action: ({ handoffId, action }) => [{ table: 'handoffs', key: handoffId, apply: (handoff, at) => applyAction(handoff, action, at) }],
};

export function localEffects(payload: OutboxPayload): LocalEffect[] {
  return (EFFECTS[payload.kind] as (payload: OutboxPayload) => LocalEffect[])(payload);
}

/** The local effect of an action: accepting keeps the first-contact clock running; contact or rejection stops it. */
export function applyAction(handoff: Handoff, action: HandoffAction, now: number): Handoff {
  switch (action) {
    case 'accept':
      return { ...handoff, status: 'accepted', acceptedAt: handoff.acceptedAt ?? now, updatedAt: now };
    case 'contacted':
      return { ...handoff, status: 'contacted', respondedAt: handoff.respondedAt ?? now, updatedAt: now };
    case 'reject':
      return { ...handoff, status: 'rejected', respondedAt: handoff.respondedAt ?? now, updatedAt: now };
  }
}

const KEY_OF: { [T in ChangeableTable]: (record: Changeable[T]) => string } = {
  leads: (lead) => lead.email,
  handoffs: (handoff) => handoff.id,
};

type Records = { [T in ChangeableTable]: Changeable[T][] };

/**
 * Marketing's records with these writes' effects applied on top, in the order the rep clicked, each
 * at the moment of its click: what the cache held before the sync, as far as the writes go.
 */
export function withLocalEffects<R extends Records>(records: R, writes: OutboxItem[]): R {
  const ordered = [...writes].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Each record's effects, looked up by table and key: a page may hold a thousand records.
  const byRecord = new Map<string, { effect: LocalEffect; at: number }[]>();
  for (const write of ordered) {
    for (const effect of localEffects(write.payload)) {
      const id = `${effect.table}:${effect.key}`;
      byRecord.set(id, [...(byRecord.get(id) ?? []), { effect, at: write.createdAt }]);
    }
  }
  if (byRecord.size === 0) return records;
  const on = <T extends ChangeableTable>(table: T): Changeable[T][] =>
    (records[table] as Changeable[T][]).map((record) =>
      (byRecord.get(`${table}:${KEY_OF[table](record)}`) ?? []).reduce(
        (current, { effect, at }) => (effect.apply as unknown as (record: Changeable[T], at: number) => Changeable[T])(current, at),
        record,
      ),
    );
  return { ...records, leads: on('leads'), handoffs: on('handoffs') };
}
