// Above the list: search by name, company or email, the filter (all, overdue, due today), and the
// link that skips past the list.
import { t } from '../../lib/ui/i18n';
import type { QueueFilter } from './queue-rows';

const FILTERS: { value: QueueFilter; label: 'filterAll' | 'filterOverdue' | 'filterDueToday' }[] = [
  { value: 'all', label: 'filterAll' },
  { value: 'overdue', label: 'filterOverdue' },
  { value: 'due_today', label: 'filterDueToday' },
];

export interface QueueToolsProps {
  filter: QueueFilter;
  onFilter: (filter: QueueFilter) => void;
  search: string;
  onSearch: (search: string) => void;
}

export function QueueTools({ filter, onFilter, search, onSearch }: QueueToolsProps) {
  return (
    <div class="queue-tools">
      <input
        type="search"
        id="queue-search"
        class="search"
        value={search}
        aria-label={t('searchLabel')}
        placeholder={t('searchLabel')}
        autocomplete="off"
        onInput={(event) => onSearch(event.currentTarget.value)}
      />
      <div class="filters" role="radiogroup" aria-label={t('filterLabel')}>
        {FILTERS.map(({ value, label }) => (
          <label key={value}>
            <input type="radio" name="filter" value={value} checked={filter === value} onChange={() => onFilter(value)} /> {t(label)}
          </label>
        ))}
      </div>
    </div>
  );
}

/** Past the list for a keyboard user: shown when focused, it moves focus to the element `to`. */
export function SkipLink({ to }: { to: string }) {
  return (
    <a
      href={`#${to}`}
      class="skip-link"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(to)?.focus();
      }}
    >
      {t('skipList')}
    </a>
  );
}
