// The SLA rules in words, in the order they are tried, and the business calendar their hours count
// on: time zone, working hours day by day, and whose public holidays are days off.
import { t, uiLocale, type MessageKey } from '../../lib/ui/i18n';
import type { BusinessCalendar, SlaPolicy, SlaRule } from '../../lib/domain/settings-schema';
import { STAGE_LABELS } from '../card/strings';
import { ruleName } from './strings';

const WEEKDAYS: MessageKey[] = ['weekday1', 'weekday2', 'weekday3', 'weekday4', 'weekday5', 'weekday6', 'weekday7'];

/** What a rule matches, in words: "Stage MQL · Grade A1, A2 · Score 80 or more", or every handoff. */
function matchText({ match }: SlaRule): string {
  const list = (items: string[]) => items.join(t('listSeparator'));
  const parts = [
    match.stages?.length ? t('slaMatchStages', list(match.stages.map((stage) => t(STAGE_LABELS[stage])))) : null,
    match.grades?.length ? t('slaMatchGrades', list(match.grades)) : null,
    match.minScore !== undefined ? t('slaMatchScore', match.minScore) : null,
    match.sources?.length ? list(match.sources) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : t('slaMatchAny');
}

function deadlines(rule: SlaRule): string {
  const first = rule.firstContactHours === 1 ? t('slaFirstContactOne') : t('slaFirstContact', rule.firstContactHours);
  return rule.followUpHours.length > 0 ? `${first}${t('listSeparator')}${t('slaFollowUps', rule.followUpHours.join(t('listSeparator')))}` : first;
}

export interface SlaDefinitionsProps {
  policy: SlaPolicy;
  calendar: BusinessCalendar;
  /** Where the calendar comes from, in words. */
  calendarOrigin: string;
}

export function SlaDefinitions({ policy, calendar, calendarOrigin }: SlaDefinitionsProps) {
  const country = calendar.holidayCountry ? new Intl.DisplayNames([uiLocale()], { type: 'region' }).of(calendar.holidayCountry) : t('noHolidays');
  return (
    <>
      <p class="hint">{t('slaDefinitionsHint')}</p>
      <ol class="sla-definitions">
        {policy.rules.map((rule) => (
          <li key={rule.id}>
            <strong>{ruleName(rule)}</strong>
            <span>{matchText(rule)}</span>
            <span>{deadlines(rule)}</span>
          </li>
        ))}
      </ol>
      <h4>{t('businessCalendar')}</h4>
      <p class="origin">{calendarOrigin}</p>
      <dl class="calendar-definition">
        <div>
          <dt>{t('timeZone')}</dt>
          <dd>{calendar.timeZone}</dd>
        </div>
        <div>
          <dt>{t('holidayCountry')}</dt>
          <dd>{country}</dd>
        </div>
        <div>
          <dt>{t('workingHours')}</dt>
          <dd>
            <ul>
              {calendar.week.map((hours, index) => (
                <li key={index}>
                  {t(WEEKDAYS[index]!)}
                  {t('labelSeparator')}
                  {hours ? `${hours.start}–${hours.end}` : t('dayClosed')}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </>
  );
}
