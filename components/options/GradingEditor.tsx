// How LeadLens grades leads for the sources that send no grade (HubSpot, Marketo, the demo): the
// minimums of each fit letter and readiness digit, and the industries marketing targets. Size bands
// and roles stay built-in. Numbers and names are checked on save, like the rest of the settings.
import { LockNote } from './policy';
import { t } from '../../lib/ui/i18n';
import type { Grading } from '../../lib/domain/settings-schema';

export interface GradingEditorProps {
  grading: Grading;
  onChange: (next: Grading) => void;
  /** Why the rep cannot change it, when a policy sets it. */
  lock?: string;
}

const FIT_LETTERS = ['A', 'B', 'C'] as const;
const READINESS_DIGITS = ['1', '2', '3'] as const;

/** One line per industry; blank lines are nothing, not an empty name. */
const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

export function GradingEditor({ grading, onChange, lock }: GradingEditorProps) {
  const setMinimum = (which: 'fit' | 'readiness', index: number, value: number) =>
    onChange({ ...grading, [which]: grading[which].map((old, i) => (i === index ? value : old)) as Grading['fit'] });

  return (
    <fieldset class="grading" disabled={!!lock}>
      <legend>
        <h2>{t('leadGrading')}</h2>
      </legend>
      <LockNote text={lock} />
      <p class="hint">{t('leadGradingHint')}</p>
      <Minimums
        label={t('fitMinimums')}
        marks={FIT_LETTERS}
        values={grading.fit}
        nameFor={(letter) => t('fitMinimumFor', letter)}
        onChange={(index, value) => setMinimum('fit', index, value)}
      />
      <Minimums
        label={t('readinessMinimums')}
        marks={READINESS_DIGITS}
        values={grading.readiness}
        nameFor={(digit) => t('readinessMinimumFor', digit)}
        onChange={(index, value) => setMinimum('readiness', index, value)}
      />
      <label class="stacked">
        {t('targetIndustries')}
        <textarea
          rows={6}
          value={grading.targetIndustries.join('\n')}
          onChange={(event) => onChange({ ...grading, targetIndustries: lines(event.currentTarget.value) })}
        />
      </label>
    </fieldset>
  );
}

interface MinimumsProps {
  label: string;
  /** The letters or digits whose lowest value each input sets, best first. */
  marks: readonly string[];
  values: readonly number[];
  nameFor: (mark: string) => string;
  onChange: (index: number, value: number) => void;
}

/** One row of three minimums: fit letters A-C, or readiness digits 1-3. */
function Minimums({ label, marks, values, nameFor, onChange }: MinimumsProps) {
  return (
    <div class="minimums">
      <span>{label}</span>
      {marks.map((mark, index) => (
        <label key={mark}>
          {mark}{' '}
          <input
            type="number"
            min={0}
            max={100}
            aria-label={nameFor(mark)}
            value={values[index]}
            onInput={(event) => onChange(index, event.currentTarget.valueAsNumber)}
          />
        </label>
      ))}
    </div>
  );
}
