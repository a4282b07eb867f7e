// The card: what marketing knows about one lead, drawn from the cache. Text only, never HTML.
import { Fragment } from 'preact';
import type { LeadContext } from '../../lib/cache/lead-context';
import type { HandoffAction, Verdict } from '../../lib/domain/model';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import { formatAge } from '../../lib/ui/format';
import { explainScore } from '../../lib/domain/grade';
import { t } from '../../lib/ui/i18n';
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
  reasons: FeedbackReason[];
  onFeedback: (verdict: Verdict, note: string, reasonCode?: string) => Promise<void>;
  onAction: (action: HandoffAction, note: string) => Promise<void>;
}

export function LeadCard({ context, now, syncedAt, reasons, onFeedback, onAction }: LeadCardProps) {
  const { lead, handoff, sla, touches } = context;
  const factors = explainScore(lead.scoreFactors);
  return (
    <section class="ll-card" role="region" aria-label={t('cardName', lead.name)} tabIndex={-1}>
      <header class="ll-head">
        <div>
          <h2 class="ll-name">{lead.name}</h2>
          <p class="ll-muted ll-subtitle">
            {[lead.title, lead.company].filter(Boolean).map((part, index) => (
              <Fragment key={index}>
                {index > 0 && ' · '}
                <bdi>{part}</bdi>
              </Fragment>
            ))}
          </p>
        </div>
        <span class="ll-stage" data-stage={lead.stage}>
          {t(STAGE_LABELS[lead.stage])}
        </span>
      </header>

      <div class="ll-score-row">
        <p class="ll-score" aria-label={t('scoreSummary', lead.score, lead.grade)}>
          <strong>{lead.score}</strong>
          <span class="ll-muted">/100</span> <span class="ll-grade">{lead.grade}</span>
        </p>
        <ScoreMatrix lead={lead} />
      </div>

      {sla && <SlaCountdown sla={sla} now={now} />}

      <details class="ll-why">
        <summary>{t('whyThisScore')}</summary>
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
          <span class="ll-muted">{t('qualifiedBy')} </span>
          <bdi>{lead.qualifiedBy ?? handoff?.rule}</bdi>
        </p>
      )}

      <h3>{t('marketingTouches')}</h3>
      <TouchTimeline touches={touches} />

      <FeedbackBar handoffStatus={handoff?.status ?? null} reasons={reasons} onFeedback={onFeedback} onAction={onAction} />

      <p class="ll-fresh ll-muted">{syncedAt ? t('updatedAgo', formatAge(now - syncedAt)) : t('notSyncedYet')}</p>
    </section>
  );
}
