// The countries whose public holidays a business calendar can take off. Only these countries'
// rules are bundled (see lib/build/holiday-data.ts): all of them would add a megabyte.
export const HOLIDAY_COUNTRIES = ['JP', 'US', 'GB', 'DE', 'FR', 'IN', 'SG', 'AU', 'CA', 'KR', 'CN', 'TW'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];
