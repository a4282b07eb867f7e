// The grading matrix as a table: fit letters down, readiness digits across, each with the lowest
// points or score that earns it, and the target industries that add fit points.
import { t } from '../../lib/ui/i18n';
import type { Grading } from '../../lib/domain/settings-schema';

const FIT = ['A', 'B', 'C', 'D'] as const;
const READINESS = ['1', '2', '3', '4'] as const;

/** "A: 70 points or more" ... "D: under 30 points": the last mark is what falls below the third minimum. */
const threshold = (marks: readonly string[], minimums: readonly number[], index: number, atLeast: 'fitAtLeast' | 'readinessAtLeast', under: 'fitUnder' | 'readinessUnder') =>
  index < 3 ? t(atLeast, marks[index]!, minimums[index]!) : t(under, marks[index]!, minimums[2]!);

export function GradingMatrix({ grading }: { grading: Grading }) {
  return (
    <>
      <table class="matrix">
        <caption class="hint">{t('gradingMatrixHint')}</caption>
        <thead>
          <tr>
            <td />
            {READINESS.map((digit, index) => (
              <th key={digit} scope="col">
                {threshold(READINESS, grading.readiness, index, 'readinessAtLeast', 'readinessUnder')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FIT.map((letter, row) => (
            <tr key={letter}>
              <th scope="row">{threshold(FIT, grading.fit, row, 'fitAtLeast', 'fitUnder')}</th>
              {READINESS.map((digit) => (
                <td key={digit} data-grade={`${letter}${digit}`}>
                  {letter}
                  {digit}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('targetIndustriesShort')}
        {t('labelSeparator')}
        {grading.targetIndustries.length > 0 ? grading.targetIndustries.join(t('listSeparator')) : t('noneSet')}
      </p>
    </>
  );
}
