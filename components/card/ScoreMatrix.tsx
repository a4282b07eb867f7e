// The fit x readiness matrix with the lead's cell marked: A1 top left is the best.
import { t } from '../../lib/ui/i18n';
import type { Lead } from '../../lib/domain/model';

const FITS = ['A', 'B', 'C', 'D'] as const;
const READINESS = [1, 2, 3, 4] as const;

export function ScoreMatrix({ lead }: { lead: Lead }) {
  return (
    <table class="ll-matrix" aria-label={t('matrixSummary', lead.grade, lead.fit, lead.readiness)}>
      <thead>
        <tr>
          <th scope="col">
            <span class="ll-sr">{t('matrixCorner')}</span>
          </th>
          {READINESS.map((digit) => (
            <th scope="col" key={digit}>
              {digit}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {FITS.map((fit) => (
          <tr key={fit}>
            <th scope="row">{fit}</th>
            {READINESS.map((digit) => {
              const here = lead.fit === fit && lead.readiness === digit;
              return (
                <td key={digit} class={here ? 'll-cell ll-cell-here' : 'll-cell'} aria-current={here ? 'true' : undefined}>
                  {here ? `${fit}${digit}` : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
