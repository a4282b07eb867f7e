// Whether the browser's time-zone data knows a zone, on its own: the settings' schema checks a zone
// with it, and the business clock refuses one it fails, without either pulling in the other.
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
