// The reasons a rep can give with a verdict, e.g. "Not a fit: company too small". Marketing reads
// them in the loop report, so they are the team's own words; built-in ones follow the UI language
// until someone rewords them.
import { LockNote } from './policy';
import { t } from '../../lib/ui/i18n';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import { VERDICTS } from '../../lib/domain/vocabulary';
import { reasonLabel, VERDICT_LABELS } from '../card/strings';

export interface ReasonsEditorProps {
  reasons: FeedbackReason[];
  onChange: (next: FeedbackReason[]) => void;
  /** Why the rep cannot change them, when a policy sets them. */
  lock?: string;
}

/** A code from the words: "Too expensive!" -> "too_expensive"; unique among the codes given. */
export function codeFor(label: string, taken: string[]): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 32) || 'reason';
  let code = base;
  for (let n = 2; taken.includes(code); n++) code = `${base}_${n}`;
  return code;
}

export function ReasonsEditor({ reasons, onChange, lock }: ReasonsEditorProps) {
  return (
    <fieldset class="reasons" disabled={!!lock}>
      <legend>
        <h2>{t('feedbackReasons')}</h2>
      </legend>
      <LockNote text={lock} />
      <p class="hint">{t('feedbackReasonsHint')}</p>
      {VERDICTS.map((verdict) => (
        <VerdictReasons key={verdict} verdict={verdict} reasons={reasons} onChange={onChange} />
      ))}
    </fieldset>
  );
}

/** One verdict's reasons, each reworded or removed in place, and a field to add one. */
function VerdictReasons({ verdict, reasons, onChange }: Omit<ReasonsEditorProps, 'lock'> & { verdict: FeedbackReason['verdict'] }) {
  const verdictName = t(VERDICT_LABELS[verdict]);
  const replace = (old: FeedbackReason, next: FeedbackReason | null) =>
    onChange(next ? reasons.map((reason) => (reason === old ? next : reason)) : reasons.filter((reason) => reason !== old));
  function add(input: HTMLInputElement) {
    const label = input.value.trim();
    if (!label) return;
    onChange([...reasons, { code: codeFor(label, reasons.map((reason) => reason.code)), verdict, label }]);
    input.value = '';
  }
  return (
    <section aria-label={verdictName}>
      <h3>{verdictName}</h3>
      <ul>
        {reasons
          .filter((reason) => reason.verdict === verdict)
          .map((reason, index) => (
            <li key={reason.code}>
              <input
                aria-label={t('reasonWording', index + 1, verdictName)}
                value={reason.label}
                placeholder={reasonLabel({ code: reason.code, label: '' })}
                maxLength={80}
                onInput={(event) => replace(reason, { ...reason, label: event.currentTarget.value })}
              />{' '}
              <button type="button" onClick={() => replace(reason, null)} aria-label={t('removeReason', reasonLabel(reason))}>
                ×
              </button>
            </li>
          ))}
      </ul>
      <div class="add-reason">
        <input
          maxLength={80}
          aria-label={t('newReasonFor', verdictName)}
          placeholder={t('newReasonPlaceholder')}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault(); // not the settings form's submit
            add(event.currentTarget);
          }}
        />{' '}
        <button type="button" onClick={(event) => add(event.currentTarget.previousElementSibling as HTMLInputElement)}>
          {t('addReason')}
        </button>
      </div>
    </section>
  );
}
