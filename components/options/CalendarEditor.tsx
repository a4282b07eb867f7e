// The business calendar the SLA deadlines are counted on: zone, weekly hours, holidays, closures.
import { LockNote } from './policy';
import { HOLIDAY_COUNTRIES } from '../../lib/domain/holiday-countries';
import { t, uiLocale, type MessageKey } from '../../lib/ui/i18n';
import { TimeInput } from './TimeInput';
import type { BusinessCalendar, WorkingHours } from '../../lib/domain/settings-schema';

const DEFAULT_HOURS: WorkingHours = { start: '09:00', end: '18:00' };
const WEEKDAYS: MessageKey[] = ['weekday1', 'weekday2', 'weekday3', 'weekday4', 'weekday5', 'weekday6', 'weekday7'];

interface CalendarProps {
  calendar: BusinessCalendar;
  onChange: (next: BusinessCalendar) => void;
}

export function CalendarEditor({ calendar, onChange, lock }: CalendarProps & { lock?: string }) {
  return (
    <fieldset disabled={!!lock}>
      <legend>
        <h2>{t('businessCalendar')}</h2>
      </legend>
      <LockNote text={lock} />
      <ZoneAndCountry calendar={calendar} onChange={onChange} />
      <WeekTable calendar={calendar} onChange={onChange} />
      <label class="stacked">
        {t('yearlyClosures')}
        <input
          value={calendar.yearlyClosures.join(', ')}
          placeholder="12-29, 12-30, 12-31, 01-02, 01-03"
          onChange={(event) => onChange({ ...calendar, yearlyClosures: event.currentTarget.value.split(/[\s,、]+/).filter(Boolean) })}
        />
      </label>
      <label class="stacked">
        {t('closedDates')}
        <textarea
          rows={3}
          value={calendar.closedDates.join('\n')}
          onChange={(event) => onChange({ ...calendar, closedDates: event.currentTarget.value.split(/\s+/).filter(Boolean) })}
        />
      </label>
    </fieldset>
  );
}

/** The time zone the hours are in, and whose public holidays close the business. */
function ZoneAndCountry({ calendar, onChange }: CalendarProps) {
  const zones = Intl.supportedValuesOf('timeZone');
  const countryName = new Intl.DisplayNames([uiLocale()], { type: 'region' });
  return (
    <>
      <label>
        {t('timeZone')}{' '}
        <select value={calendar.timeZone} onChange={(event) => onChange({ ...calendar, timeZone: event.currentTarget.value })}>
          {zones.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </label>
      <label>
        {t('holidayCountry')}{' '}
        <select
          value={calendar.holidayCountry ?? ''}
          onChange={(event) =>
            onChange({ ...calendar, holidayCountry: (event.currentTarget.value || null) as BusinessCalendar['holidayCountry'] })
          }
        >
          <option value="">{t('noHolidays')}</option>
          {HOLIDAY_COUNTRIES.map((country) => (
            <option key={country} value={country}>
              {countryName.of(country)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** The weekly hours: a day open or closed, and when it opens and closes. */
function WeekTable({ calendar, onChange }: CalendarProps) {
  const setDay = (index: number, hours: WorkingHours | null) =>
    onChange({ ...calendar, week: calendar.week.map((day, i) => (i === index ? hours : day)) as BusinessCalendar['week'] });
  return (
    <table class="week">
      <caption>
        {t('workingHours')}
        <span class="hint" id="time-format">
          {t('timeFormatHint')}
        </span>
      </caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('opens')}</th>
          <th scope="col">{t('closes')}</th>
        </tr>
      </thead>
      <tbody>
        {calendar.week.map((hours, index) => {
          const day = t(WEEKDAYS[index]!);
          return (
            <tr key={index}>
              <th scope="row">
                <label>
                  <input type="checkbox" checked={hours !== null} onChange={(event) => setDay(index, event.currentTarget.checked ? DEFAULT_HOURS : null)} />{' '}
                  {day}
                </label>
              </th>
              <td>
                <TimeInput name={`day${index}-start`} label={t('dayOpens', day)} describedBy="time-format" disabled={!hours} value={hours?.start ?? ''} onChange={(start) => hours && setDay(index, { ...hours, start })} />
              </td>
              <td>
                <TimeInput name={`day${index}-end`} label={t('dayCloses', day)} describedBy="time-format" disabled={!hours} value={hours?.end ?? ''} onChange={(end) => hours && setDay(index, { ...hours, end })} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
