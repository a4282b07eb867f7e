// Why the grade is what it is: the fit from who the person is (counted by LeadLens on the grading in
// force, each factor in the UI language, the ones that did not count too), the readiness from the
// score and the engagement factors the source sent (its own words: data, kept as they are).
import type { FitExplanation } from '../../lib/cache/lead-context';
import { explainScore } from '../../lib/domain/grade';
import type { Lead } from '../../lib/domain/model';
import { t } from '../../lib/ui/i18n';
import { fitFactorText } from './strings';

const FACTORS_SHOWN = 4;

export function WhyScore({ lead, fit }: { lead: Lead; fit: FitExplanation | null }) {
  const engagement = explainScore(lead.scoreFactors);
  const [one, two, three] = fit?.thresholds.readiness ?? [];
  return (
    <section class="ll-why" aria-label={t('whyThisScore')}>
      {fit && (
        <>
          <p class="ll-why-head">
            <strong>{fit.letter === lead.fit ? t('fitSummary', lead.fit, fit.points) : t('fitFromSource', lead.fit, fit.points)}</strong>{' '}
            <span class="ll-muted ll-thresholds">{t('fitThresholds', ...fit.thresholds.fit)}</span>
          </p>
          <ul class="ll-factors" data-part="fit">
            {fit.factors.map((factor) => (
              <li key={factor.kind} class={'points' in factor ? undefined : 'll-none'}>
                {fitFactorText(factor)}
                {'points' in factor && <span class="ll-points"> +{factor.points}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="ll-why-head">
        <strong>{t('readinessSummary', lead.readiness, lead.score)}</strong>{' '}
        {fit && <span class="ll-muted ll-thresholds">{t('readinessThresholds', one!, two!, three!)}</span>}
      </p>
      {engagement.length === 0 ? (
        <p class="ll-muted ll-factors">{t('noScoreFactors')}</p>
      ) : (
        <EngagementFactors factors={engagement} />
      )}
    </section>
  );
}

function EngagementFactors({ factors }: { factors: ReturnType<typeof explainScore> }) {
  const item = (factor: (typeof factors)[number], index: number) => (
    <li key={index}>
      <bdi>{factor.label}</bdi>
      <span class="ll-points"> {factor.points > 0 ? `+${factor.points}` : `−${Math.abs(factor.points)}`}</span>
    </li>
  );
  const rest = factors.slice(FACTORS_SHOWN);
  return (
    <>
      <ul class="ll-factors" data-part="readiness">
        {factors.slice(0, FACTORS_SHOWN).map(item)}
      </ul>
      {rest.length > 0 && (
        <details class="ll-more">
          <summary>{t('showAll', factors.length)}</summary>
          <ul class="ll-factors">{rest.map((factor, index) => item(factor, index + FACTORS_SHOWN))}</ul>
        </details>
      )}
    </>
  );
}
