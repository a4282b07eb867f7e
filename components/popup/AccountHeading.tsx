// The heading over an account's handoffs in the popup's list: the company and how many handoffs it
// has in this urgency group. A heading, not a control: Tab and the arrow keys go on from one
// handoff's name to the next as everywhere in the list, and a screen reader reaches the accounts by
// its heading keys, as it does the urgency groups (one level up).
import { t } from '../../lib/ui/i18n';
import type { AccountGroupHead } from './account-groups';
import './account-groups.css';

export function AccountHeading({ group }: { group: AccountGroupHead }) {
  const text = t('accountGroupHeading', group.name, group.size);
  const at = text.indexOf(group.name);
  return (
    <h4 class="account-heading" data-account={group.key}>
      {at < 0 ? (
        text
      ) : (
        <>
          {text.slice(0, at)}
          <bdi>{group.name}</bdi>
          {text.slice(at + group.name.length)}
        </>
      )}
    </h4>
  );
}
