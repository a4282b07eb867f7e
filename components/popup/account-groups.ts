// Handoffs of one account side by side in the popup, so a rep sees that three people from one
// company came in: within each urgency group (overdue, due today, later), an account with two or
// more handoffs there is gathered where its first-due handoff stands, under a heading with the
// count. A lone handoff of an account stays as it is: a heading over one row would only be noise.
import type { QueueEntry } from '../../lib/cache/queue-order';

export interface AccountGroupHead {
  key: string;
  name: string;
  /** How many of the urgency group's rows (as filtered and searched) are this account's. */
  size: number;
}

/** A queue row as the list draws it, with its place in an account's group when it has one. */
export interface AccountMarks {
  /** On the first row of an account's group: the heading's account and count. */
  accountGroup?: AccountGroupHead;
  /** On every row of an account's group, the first included. */
  inAccountGroup?: boolean;
}

/**
 * The rows of one urgency group, in deadline order, with each account of two or more gathered at
 * its first row's place; the rows keep their deadline order within the account.
 */
export function groupByAccount<Row extends Pick<QueueEntry, 'account'>>(rows: Row[]): Array<Row & AccountMarks> {
  const byAccount = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.account?.key;
    if (key) byAccount.set(key, [...(byAccount.get(key) ?? []), row]);
  }
  const placed = new Set<string>();
  return rows.flatMap((row): Array<Row & AccountMarks> => {
    const account = row.account;
    const members = account ? byAccount.get(account.key)! : [];
    if (!account || members.length < 2) return [row];
    if (placed.has(account.key)) return [];
    placed.add(account.key);
    return members.map((member, index) => ({
      ...member,
      inAccountGroup: true,
      ...(index === 0 ? { accountGroup: { key: account.key, name: account.name, size: members.length } } : {}),
    }));
  });
}
