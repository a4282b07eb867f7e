// The popup's order, as the browser tests check it: by deadline, but for an account's handoffs,
// gathered at the first of them (components/popup/account-groups.ts). A run of rows of one account
// counts as one, at its first row's deadline; inside it the rows keep the deadline order.
export interface ShownRow {
  due: number;
  /** The account whose group the row is in (data-account), if it is in one. */
  account?: string | null;
}

export function dueOrderOfUnits(rows: readonly ShownRow[]): { firstDues: number[]; runsInOrder: boolean } {
  const units: number[][] = [];
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    if (row.account && previous?.account === row.account) units.at(-1)!.push(row.due);
    else units.push([row.due]);
  });
  return {
    firstDues: units.map((unit) => unit[0]!),
    runsInOrder: units.every((unit) => unit.every((due, index) => index === 0 || unit[index - 1]! <= due)),
  };
}

/** True when the rows are in the popup's order: units by their first deadline, each unit in deadline order. */
export function inQueueOrder(rows: readonly ShownRow[]): boolean {
  const { firstDues, runsInOrder } = dueOrderOfUnits(rows);
  return runsInOrder && firstDues.every((due, index) => index === 0 || firstDues[index - 1]! <= due);
}
