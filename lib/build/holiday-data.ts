// Build time only: a Vite plugin serving `virtual:leadlens-holidays`, the date-holidays rules of the
// countries LeadLens offers, so the extension does not carry every country's rules.
import { data } from 'date-holidays/data';
import type { Plugin } from 'vite';
import { HOLIDAY_COUNTRIES } from '../holiday-countries';

const ID = 'virtual:leadlens-holidays';
const RESOLVED = `\0${ID}`;

export function holidayData(): Plugin {
  return {
    name: 'leadlens-holiday-data',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const holidays = Object.fromEntries(HOLIDAY_COUNTRIES.map((country) => [country, data.holidays[country]]));
      return `export default ${JSON.stringify({ ...data, holidays })};`;
    },
  };
}
