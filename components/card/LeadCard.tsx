// The card: what marketing knows about one lead, drawn from the cache. Text only, never HTML.
import type { LeadContext } from '../../lib/context';
import type { HandoffAction, Verdict } from '../../lib/model';
import { formatAge } from '../../lib/format';
import { FeedbackBar } from './FeedbackBar';
import { ScoreMatrix } from './ScoreMatrix';
import { SlaCountdown } from './SlaCountdown';
import { STAGE_LABELS } from './strings';
import { TouchTimeline } from './TouchTimeline';

export interface LeadCardProps {
  context: LeadContext & { lead: NonNullable<LeadContext['lead']> };
  now: number;
  /** When the cache last heard from the marketing system. */
  syncedAt: number | null;
  onFeedback: (verdict: Verdict, note: string) => Promise<void>;
  onAction: (action: HandoffAction, note: string) => Promise<void>;
}

export function LeadCard({ context, now, syncedAt, onFeedback, onAction }: LeadCardProps) {
  const { lead, handoff, sla, touches, touchCount } = context;
  const factors = [...lead.scoreFactors].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return (
    <section class="ll-card" role="region" aria-label={`LeadLens: ${lead.name}`} tabIndex={-1}>
      <header class="ll-head">
        <div>
          <h2 class="ll-name">{lead.name}</h2>
          <p class="ll-muted">{[lead.title, lead.company].filter(Boolean).join(' · ')}</p>
        </div>
        <span class="ll-stage" data-stage={lead.stage}>
          {STAGE_LABELS[lead.stage]}
        </span>
      </header>

      <div class="ll-score-row">
        <p class="ll-score" aria-label={`Score ${lead.score} of 100, grade ${lead.grade}`}>
          <strong>{lead.score}</strong>
          <span class="ll-muted">/100</span> <span class="ll-grade">{lead.grade}</span>
        </p>
        <ScoreMatrix lead={lead} />
      </div>

      {sla && <SlaCountdown sla={sla} now={now} />}

      <details class="ll-why">
        <summary>Why this score</summary>
        <ul>
          {factors.map((factor) => (
            <li key={factor.label}>
              {factor.label} <span class="ll-points">{factor.points > 0 ? `+${factor.points}` : factor.points}</span>
            </li>
          ))}
        </ul>
      </details>
      {(lead.qualifiedBy ?? handoff?.rule) && (
        <p class="ll-qualified">
          <span class="ll-muted">Qualified by: </span>
          {lead.qualifiedBy ?? handoff?.rule}
        </p>
      )}

      <h3>Marketing touches</h3>
      <TouchTimeline touches={touches} total={touchCount} />

      <FeedbackBar handoffStatus={handoff?.status ?? null} onFeedback={onFeedback} onAction={onAction} />

      <p class="ll-fresh ll-muted">{syncedAt ? `Updated ${formatAge(now - syncedAt)}` : 'Not synced yet'}</p>
    </section>
  );
}
