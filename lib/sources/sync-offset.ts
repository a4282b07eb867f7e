// Spreading a team's scheduled syncs over the interval. Every rep's browser syncs on an alarm of the
// same period; started together (a Monday morning, a settings push), 200 browsers would meet the
// vendor's per-account limit in the same seconds. Each rep gets a fixed place in the interval instead,
// from a hash of the address: the same on every restart, with nothing to store or coordinate.

/** Where in each interval this rep's scheduled sync falls: minutes (whole seconds) from 0 to below `intervalMinutes`. */
export function syncOffsetMinutes(repEmail: string, intervalMinutes: number): number {
  const seconds = Math.max(1, Math.round(intervalMinutes * 60));
  return (fnv1a(repEmail.trim().toLowerCase()) % seconds) / 60;
}

/**
 * When this rep's next scheduled sync is due after `now`: the rep's offset past an interval boundary
 * (boundaries counted from midnight UTC, so every browser agrees on them). For chrome.alarms `when`.
 */
export function nextSyncAt(now: number, repEmail: string, intervalMinutes: number): number {
  const interval = Math.max(1, Math.round(intervalMinutes * 60)) * 1000;
  const at = Math.floor(now / interval) * interval + syncOffsetMinutes(repEmail, intervalMinutes) * 60_000;
  return at > now ? at : at + interval;
}

/** FNV-1a, 32 bits, over UTF-16 code units: small, fast and well spread for short keys like addresses. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// For the background's alarm: chrome.alarms.create(name, { when: nextSyncAt(...), periodInMinutes:
// intervalMinutes }). Chrome takes `when` in ms and periods of 30 s and more
// (developer.chrome.com/docs/extensions/reference/api/alarms).
