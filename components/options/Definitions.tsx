// The team's definitions, in the rep's language, as LeadLens applies them: what each stage means, the
// grading matrix with its thresholds, the SLA rules and the calendar they count on, and the feedback
// reasons; each part says where it comes from. The card's "Qualified by" links here
// (options.html#definitions). It shows the settings in effect, not the form's unsaved edits.
import { t, type MessageKey } from '../../lib/ui/i18n';
import type { Stage } from '../../lib/domain/model';
import { STAGES, VERDICTS } from '../../lib/domain/vocabulary';
import type { LoadedSettingsWithOrigins } from '../../lib/cache/settings';
import { reasonLabel, STAGE_LABELS, VERDICT_LABELS } from '../card/strings';
import { GradingMatrix } from './GradingMatrix';
import { originText } from './policy';
import { SlaDefinitions } from './SlaDefinitions';

const STAGE_DEFINITIONS: Record<Stage, MessageKey> = {
  subscriber: 'stageDefSubscriber',
  lead: 'stageDefLead',
  mql: 'stageDefMql',
  sql: 'stageDefSql',
  opportunity: 'stageDefOpportunity',
  customer: 'stageDefCustomer',
  recycled: 'stageDefRecycled',
  disqualified: 'stageDefDisqualified',
};

export interface DefinitionsProps {
  loaded: Pick<LoadedSettingsWithOrigins, 'fields' | 'policy'>;
}

export function Definitions({ loaded: { fields, policy } }: DefinitionsProps) {
  const from = (field: 'grading' | 'slaPolicy' | 'calendar' | 'feedbackReasons') => originText(fields[field].origin, policy.marketingFetchedAt);
  return (
    <section id="definitions" class="definitions" aria-labelledby="definitions-title" tabIndex={-1}>
      <h2 id="definitions-title">{t('definitions')}</h2>
      <p class="hint">{t('definitionsHint')}</p>

      <h3>{t('definitionsStages')}</h3>
      <p class="origin">{t('definitionsStagesOrigin')}</p>
      <dl class="stage-definitions">
        {STAGES.map((stage) => (
          <div key={stage}>
            <dt>{t(STAGE_LABELS[stage])}</dt>
            <dd>{t(STAGE_DEFINITIONS[stage])}</dd>
          </div>
        ))}
      </dl>

      <h3>{t('gradingMatrix')}</h3>
      <p class="origin">{from('grading')}</p>
      <GradingMatrix grading={fields.grading.value} />

      <h3>{t('slaDefinitions')}</h3>
      <p class="origin">{from('slaPolicy')}</p>
      <SlaDefinitions policy={fields.slaPolicy.value} calendar={fields.calendar.value} calendarOrigin={from('calendar')} />

      <h3>{t('feedbackReasons')}</h3>
      <p class="origin">{from('feedbackReasons')}</p>
      <dl class="reason-definitions">
        {VERDICTS.map((verdict) => {
          const reasons = fields.feedbackReasons.value.filter((reason) => reason.verdict === verdict);
          return (
            <div key={verdict}>
              <dt>{t(VERDICT_LABELS[verdict])}</dt>
              <dd>{reasons.length > 0 ? reasons.map((reason) => reasonLabel(reason)).join(t('listSeparator')) : t('noneSet')}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
