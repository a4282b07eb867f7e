// The business calendar the SLA deadlines are counted on: zone, weekly hours, holidays, closures.
import { HOLIDAY_COUNTRIES } from '../../lib/domain/holiday-countries';
import { t, uiLocale, type MessageKey } from '../../lib/ui/i18n';
import type { BusinessCalendar, WorkingHours } from '../../lib/domain/settings-schema';

const DEFAULT_HOURS: WorkingHours = { start: '09:00', end: '18:00' };
const WEEKDAYS: MessageKey[] = ['weekday1', 'weekday2', 'weekday3', 'weekday4', 'weekday5', 'weekday6', 'weekday7'];

export function CalendarEditor({ calendar, onChange }: { calendar: BusinessCalendar; onChange: (next: BusinessCalendar) => void }) {
  const zones = Intl.supportedValuesOf('timeZone');
  const countryName = new Intl.DisplayNames([uiLocale()], { type: 'region' });
  const setDay = (index: number, hours: WorkingHours | null) =>
    onChange({ ...calendar, week: calendar.week.map((day, i) => (i === index ? hours : day)) as BusinessCalendar['week'] });

  return (
    <fieldset>
      <legend>{t('businessCalendar')}</legend>
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
      <table class="week">
        <caption>{t('workingHours')}</caption>
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
                  <input type="time" aria-label={`${day} ${t('opens')}`} disabled={!hours} value={hours?.start ?? ''} onInput={(event) => hours && setDay(index, { ...hours, start: event.currentTarget.value })} />
                </td>
                <td>
                  <input type="time" aria-label={`${day} ${t('closes')}`} disabled={!hours} value={hours?.end ?? ''} onInput={(event) => hours && setDay(index, { ...hours, end: event.currentTarget.value })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
