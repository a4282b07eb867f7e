// How LeadLens grades leads for the sources that send no grade (HubSpot, Marketo, the demo): the
// minimums of each fit letter and readiness digit, and the industries marketing targets. Size bands
// and roles stay built-in. Numbers and names are checked on save, like the rest of the settings.
import { t } from '../../lib/i18n';
import type { Grading } from '../../lib/model';

export interface GradingEditorProps {
  grading: Grading;
  onChange: (next: Grading) => void;
}

const FIT_LETTERS = ['A', 'B', 'C'] as const;
const READINESS_DIGITS = ['1', '2', '3'] as const;

/** One line per industry; blank lines are nothing, not an empty name. */
const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

export function GradingEditor({ grading, onChange }: GradingEditorProps) {
  const setMinimum = (which: 'fit' | 'readiness', index: number, value: number) =>
    onChange({ ...grading, [which]: grading[which].map((old, i) => (i === index ? value : old)) as Grading['fit'] });

  return (
    <fieldset class="grading">
      <legend>{t('leadGrading')}</legend>
      <p class="hint">{t('leadGradingHint')}</p>
      <div class="minimums">
        <span>{t('fitMinimums')}</span>
        {FIT_LETTERS.map((letter, index) => (
          <label key={letter}>
            {letter}{' '}
            <input
              type="number"
              min={0}
              max={100}
              aria-label={t('fitMinimumFor', letter)}
              value={grading.fit[index]}
              onInput={(event) => setMinimum('fit', index, event.currentTarget.valueAsNumber)}
            />
          </label>
        ))}
      </div>
      <div class="minimums">
        <span>{t('readinessMinimums')}</span>
        {READINESS_DIGITS.map((digit, index) => (
          <label key={digit}>
            {digit}{' '}
            <input
              type="number"
              min={0}
              max={100}
              aria-label={t('readinessMinimumFor', digit)}
              value={grading.readiness[index]}
              onInput={(event) => setMinimum('readiness', index, event.currentTarget.valueAsNumber)}
            />
          </label>
        ))}
      </div>
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
