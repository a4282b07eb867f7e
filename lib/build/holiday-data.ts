// Build time only: the public holidays of the countries LeadLens offers, worked out here in Node
// with the date-holidays rules and shipped as plain lists of days. The rules engine (with its
// astronomy and time-zone libraries, about 400 KB minified) stays out of every bundle; a clock
// looks a day up in a set.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { data } from 'date-holidays/data';
import type { Plugin } from 'vite';
import { HOLIDAY_COUNTRIES } from '../domain/holiday-countries';

const MODULE = 'virtual:leadlens-holidays';
const require = createRequire(import.meta.url);
const DAY_MS = 86_400_000;

/** The years whose holidays are shipped; a day outside them counts as no holiday. */
export const HOLIDAY_YEARS = { from: 2020, to: 2050 } as const;

/** Raise this when publicHolidayDays or encode changes what they make: caches made before are then left alone. */
const DAYS_RULES = 1;

/** What date-holidays-parser returns beyond its declared type: where each holiday starts and ends. */
interface HolidaySpan {
  date: string;
  type: string;
  start: Date;
  end: Date;
}

/**
 * A country's days off, as days since 1970-01-01 on the local calendar. Only type 'public' counts
 * (JP substitute holidays are public; bank days and observances such as 七五三 are not). A holiday
 * runs over every date it covers (KR's three-day 추석); one starting at noon is not a day off (CN's
 * half-days for women, youth and the army are not company closures).
 */
export function publicHolidayDays(country: string): number[] {
  const { default: Holidays } = require('date-holidays-parser') as { default: new (data: object, country: string) => { getHolidays(year: number): HolidaySpan[] } };
  const rules = new Holidays(data, country);
  const days = new Set<number>();
  for (let year = HOLIDAY_YEARS.from - 1; year <= HOLIDAY_YEARS.to; year++) {
    for (const holiday of rules.getHolidays(year)) {
      if (holiday.type !== 'public' || holiday.date.slice(11, 19) !== '00:00:00') continue;
      const first = Math.round(Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let day = first; day < first + length; day++) days.add(day);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** Sorted days as gaps from the one before: small numbers, a short module. */
function encode(days: number[]): number[] {
  return days.map((day, index) => day - (days[index - 1] ?? 0));
}

/**
 * The module's source. Working the days out takes seconds, so it is kept in node_modules/.cache,
 * named by everything the days depend on: a new date-holidays or parser, other years or countries,
 * or a new DAYS_RULES makes a new file.
 */
export function holidayModule(): string {
  const dir = join(process.cwd(), 'node_modules/.cache/leadlens');
  const file = join(dir, `holidays-${inputsHash()}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    const gaps = Object.fromEntries(HOLIDAY_COUNTRIES.map((country) => [country, encode(publicHolidayDays(country))]));
    const source = `export default ${JSON.stringify({ ...HOLIDAY_YEARS, gaps })};\n`;
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: a parallel build never reads half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, source);
    renameSync(partial, file);
    return source;
  }
}

function inputsHash(): string {
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  const inputs = [version('date-holidays'), version('date-holidays-parser'), HOLIDAY_YEARS, HOLIDAY_COUNTRIES, DAYS_RULES];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
}

export function holidayData(): Plugin {
  return {
    name: 'leadlens-holiday-data',
    enforce: 'pre',
    resolveId: (id) => (id === MODULE ? `\0${MODULE}` : undefined),
    load: (id) => (id === `\0${MODULE}` ? holidayModule() : undefined),
  };
}
