// Types for modules made at build time and for untyped package entry points.
declare module 'virtual:leadlens-holidays' {
  const data: object;
  export default data;
}
declare module 'date-holidays/data' {
  export const data: { version: string; license: string; holidays: Record<string, unknown>; names: unknown };
}
// The package ships types its "exports" map does not reach; the part LeadLens uses:
declare module 'date-holidays-parser' {
  export default class Holidays {
    constructor(data: object, country: string);
    getHolidays(year: number): { date: string; type: string; name: string }[];
  }
}
