// What the popup's list shows of the queue: each handoff with its SLA state, kept by the filter
// and the search, and grouped by how urgent it is (overdue, due today, later). Plain functions,
// so the first paint and the live view draw the same rows, and a test can check them in Node.
import type { QueueEntry } from '../../lib/cache/queue-order';
import type { SlaPolicy } from '../../lib/domain/settings-schema';
import { slaStatus, type BusinessClock, type SlaStatus } from '../../lib/time/sla';
import { groupByAccount, type AccountMarks } from './account-groups';

export type QueueFilter = 'all' | 'overdue' | 'due_today';
export type QueueGroup = 'overdue' | 'today' | 'later';
export const QUEUE_GROUPS: readonly QueueGroup[] = ['overdue', 'today', 'later'];

export interface QueueRow extends QueueEntry, AccountMarks {
  sla: SlaStatus;
  group: QueueGroup;
  /** Set on the first row of its group: the group's size, for its heading. */
  groupSize?: number;
}

/** Each entry's SLA state and group, in the queue's deadline order. */
export function rowsOf(entries: QueueEntry[], clock: BusinessClock, policy: SlaPolicy, now: number): QueueRow[] {
  const endOfToday = clock.endOfDay(now); // "today" in the calendar's time zone
  return entries.map((entry) => {
    const sla = slaStatus(entry.handoff, clock, policy, now);
    const group: QueueGroup = sla.state === 'overdue' ? 'overdue' : sla.dueAt <= endOfToday ? 'today' : 'later';
    return { ...entry, sla, group };
  });
}

/** Text compared as a rep would: full- and half-width alike (NFKC), any case, spaces ignored. */
export const searchable = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const matches = (row: QueueEntry, query: string) =>
  [row.lead?.name, row.lead?.company, row.account?.name, row.handoff.email].some((field) => field !== undefined && searchable(field).includes(query));

const kept = (row: QueueRow, filter: QueueFilter) =>
  filter === 'all' || (filter === 'overdue' ? row.group === 'overdue' : row.group !== 'later');

/**
 * The rows the list shows: those the filter keeps whose name, company, account or email holds the search,
 * in group order (a group keeps the deadline order, but for an account's handoffs gathered at its
 * first: account-groups.ts), each group's first row carrying its size.
 */
export function visibleRows(rows: QueueRow[], filter: QueueFilter, search: string): QueueRow[] {
  const query = searchable(search);
  const shown = rows.filter((row) => kept(row, filter) && (query === '' || matches(row, query)));
  const grouped = QUEUE_GROUPS.map((group) => groupByAccount(shown.filter((row) => row.group === group)));
  return grouped.flatMap((members) => members.map((row, index) => (index === 0 ? { ...row, groupSize: members.length } : row)));
}
