// The built-in demo as a marketing system: the data of generate.ts served page by page, and
// a marketing inbox in this browser for what the rep sends (inbox.ts).
import type { Handoff, Lead, OutboxItem, Touch } from '../../domain/model';
import { generateDemo, type DemoOptions } from './generate';
import { DEMO_SOURCE_ID } from './handoffs';
import type { LeadSource } from '../source';

export { generateDemo, type DemoData, type DemoOptions } from './generate';
export { DEMO_SOURCE_ID } from './handoffs';
export { mulberry32 } from './random';

const HOUR = 3_600_000;

/** The demo is laid out afresh when its layout is this old, so deadlines stay near "now". */
export const DEMO_REFRESH_MS = 12 * HOUR;

export interface DemoSourceOptions extends Omit<DemoOptions, 'now'> {
  now: () => number;
  /** The demo's marketing system: where delivered writes land. */
  inbox?: (item: OutboxItem) => Promise<void>;
}

/**
 * The demo as a source. Its cursor names the layout (seed, rep, the "now" it was laid out at) and an
 * offset into it; a layout older than DEMO_REFRESH_MS is replaced by a new one, from the start.
 */
export function createDemoSource(options: DemoSourceOptions): LeadSource {
  let cached: { anchor: number; records: DemoRecord[] } | null = null;
  const layout = (anchor: number) => {
    if (cached?.anchor !== anchor) {
      const data = generateDemo({ ...options, now: anchor });
      const records: DemoRecord[] = [
        ...data.leads.map((lead) => ({ kind: 'lead' as const, lead })),
        ...data.touches.map((touch) => ({ kind: 'touch' as const, touch })),
        ...data.handoffs.map((handoff) => ({ kind: 'handoff' as const, handoff })),
      ];
      cached = { anchor, records };
    }
    return cached.records;
  };
  const prefix = `demo:${options.seed}:${options.repEmail}:`;

  return {
    id: DEMO_SOURCE_ID,
    async changes(cursor, limit) {
      const [anchorText, offsetText] = cursor?.startsWith(prefix) ? cursor.slice(prefix.length).split(':') : [];
      const now = options.now();
      const fresh = anchorText !== undefined && now - Number(anchorText) < DEMO_REFRESH_MS;
      const anchor = fresh ? Number(anchorText) : now;
      const records = layout(anchor);
      const from = fresh ? (offsetText === 'end' ? records.length : Number(offsetText)) : 0;
      const slice = records.slice(from, from + limit);
      const next = from + slice.length;
      return {
        leads: slice.flatMap((record) => (record.kind === 'lead' ? [record.lead] : [])),
        touches: slice.flatMap((record) => (record.kind === 'touch' ? [record.touch] : [])),
        handoffs: slice.flatMap((record) => (record.kind === 'handoff' ? [record.handoff] : [])),
        deleted: [],
        rejected: [],
        nextCursor: `${prefix}${anchor}:${next >= records.length ? 'end' : next}`,
        hasMore: next < records.length,
      };
    },
    // The demo's marketing system lives in this browser: a write lands in its inbox.
    async deliver(item) {
      await options.inbox?.(item);
    },
  };
}

type DemoRecord = { kind: 'lead'; lead: Lead } | { kind: 'touch'; touch: Touch } | { kind: 'handoff'; handoff: Handoff };
