// Types for modules made at build time and for untyped package entry points.
declare module 'virtual:leadlens-holidays' {
  /** Each country's public holidays in [from, to] as days since 1970-01-01, each given as the gap from the one before. */
  const holidays: { from: number; to: number; gaps: Record<string, number[]> };
  export default holidays;
}
declare module 'date-holidays/data' {
  export const data: { version: string; license: string; holidays: Record<string, unknown>; names: unknown };
}
