// What the options say about the policies over the rep's settings: where a value comes from (the
// organisation, the agreement with marketing, or the rep), the note a locked section carries, and
// the notice listing what a policy held that could not be applied (lib/domain/policy.ts).
import { t, uiLocale, type MessageKey } from '../../lib/ui/i18n';
import type { FieldState, Origin } from '../../lib/domain/policy';
import type { Settings } from '../../lib/domain/settings-schema';

/** When the marketing system's policy was fetched, in the rep's language. */
const fetched = (at: number | undefined) =>
  at === undefined ? '—' : new Date(at).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });

/** Where a value comes from, for the Definitions. */
export function originText(origin: Origin, marketingFetchedAt?: number): string {
  if (origin === 'organisation') return t('originOrganisation');
  if (origin === 'marketing') return t('originMarketing', fetched(marketingFetchedAt));
  return t('originRep');
}

/** The note on a section a policy locks; undefined when the rep may change it. */
export function lockNote(state: Pick<FieldState, 'origin' | 'locked'> | undefined, marketingFetchedAt?: number): string | undefined {
  if (!state?.locked) return undefined;
  return state.origin === 'marketing' ? t('lockedByMarketing', fetched(marketingFetchedAt)) : t('lockedByOrganisation');
}

/** A locked section's note, under its heading. */
export function LockNote({ text }: { text: string | undefined }) {
  return text ? <p class="lock-note">{text}</p> : null;
}

/** The sections' names, for a save that could not change what a policy locks. */
const SECTION_NAMES: Partial<Record<keyof Settings, MessageKey>> = {
  source: 'connection',
  calendar: 'businessCalendar',
  slaPolicy: 'slaRules',
  grading: 'leadGrading',
  feedbackReasons: 'feedbackReasons',
  sites: 'sites',
  language: 'language',
};

export function ignoredNames(fields: readonly (keyof Settings)[]): string {
  return fields.map((field) => (SECTION_NAMES[field] ? t(SECTION_NAMES[field]) : field)).join(t('listSeparator'));
}

/** What a policy held that could not be applied, one line each, as the policy check wrote it. */
export function PolicyNotice({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="policy-notice" role="note">
      <p>{t('policyProblems')}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>
            <bdi>{problem}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}
