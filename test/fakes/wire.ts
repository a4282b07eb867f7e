// Domain objects in the Lead Context API's wire form: ISO-8601 times instead of epoch ms.
import type { Handoff, Lead, Touch } from '../../lib/domain/model';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export const wireLead = (lead: Lead) => ({ ...lead, updatedAt: iso(lead.updatedAt), qualifiedAt: iso(lead.qualifiedAt) });
export const wireTouch = (touch: Touch) => ({ ...touch, at: iso(touch.at) });
export const wireHandoff = (handoff: Handoff) => ({
  ...handoff,
  handedOffAt: iso(handoff.handedOffAt),
  firstContactDueAt: iso(handoff.firstContactDueAt),
  followUpDueAts: handoff.followUpDueAts.map(iso),
  acceptedAt: iso(handoff.acceptedAt),
  respondedAt: iso(handoff.respondedAt),
  updatedAt: iso(handoff.updatedAt),
});
