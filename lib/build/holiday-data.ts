// Build time only: a Vite plugin serving the date-holidays rules of the countries LeadLens offers,
// and the time-zone data those rules use, instead of every country's rules and every zone's history
// (together over a megabyte in each bundle that counts business hours).
import { createRequire } from 'node:module';
import { data } from 'date-holidays/data';
import type { Plugin } from 'vite';
import { HOLIDAY_COUNTRIES } from '../holiday-countries';

const HOLIDAYS = 'virtual:leadlens-holidays';
const MOMENT = 'virtual:leadlens-moment-timezone';
const require = createRequire(import.meta.url);

function holidayRules() {
  const holidays = Object.fromEntries(HOLIDAY_COUNTRIES.map((country) => [country, data.holidays[country]]));
  return { ...data, holidays };
}

/**
 * moment-timezone's packed data, cut to each bundled country's own zone: the parser places a
 * country's holidays in it (equinoxes are computed at fixed offsets, "+09:00", and need none).
 */
function zoneData() {
  const packed = require('moment-timezone/data/packed/latest.json') as { version: string; zones: string[]; links: string[] };
  const countries = Object.values(holidayRules().holidays) as { zones?: string[] }[];
  const wanted = new Set(countries.map((country) => country.zones?.[0]).filter((zone): zone is string => !!zone));
  const links = packed.links.filter((link) => wanted.has(link.split('|')[1]!));
  links.forEach((link) => wanted.add(link.split('|')[0]!));
  return { version: packed.version, zones: packed.zones.filter((zone) => wanted.has(zone.split('|')[0]!)), links };
}

export function holidayData(): Plugin {
  return {
    name: 'leadlens-holiday-data',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === HOLIDAYS || id === MOMENT) return `\0${id}`;
      // date-holidays-parser and its caldate place dates in zones with moment-timezone: give them the cut data.
      if (id === 'moment-timezone' && /date-holidays-parser|caldate/.test(importer ?? '')) return `\0${MOMENT}`;
      return undefined;
    },
    load(id) {
      if (id === `\0${HOLIDAYS}`) return `export default ${JSON.stringify(holidayRules())};`;
      if (id === `\0${MOMENT}`) {
        return [
          `import moment from 'moment-timezone/moment-timezone.js';`,
          `moment.tz.load(${JSON.stringify(zoneData())});`,
          'export default moment;',
        ].join('\n');
      }
      return undefined;
    },
  };
}
