// The card: what marketing knows about one lead, drawn from the cache. Text only, never HTML. The
// first screen answers who, how hot and why, what is due and when, and what to do; the touches
// follow. Every word is the UI language's (lang on the root), except the data.
import { Fragment, type ComponentChildren } from 'preact';
import type { LeadContext } from '../../lib/cache/lead-context';
import type { HandoffAction, Verdict } from '../../lib/domain/model';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import { formatAge } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { FeedbackBar } from './FeedbackBar';
import { ScoreMatrix } from './ScoreMatrix';
import { SlaCountdown } from './SlaCountdown';
import { STAGE_LABELS } from './strings';
import { TouchTimeline } from './TouchTimeline';
import { WhyScore } from './WhyScore';

export interface LeadCardProps {
  /** With fit (why the fit) and latestVerdict (the verdict given) when the background sends them. */
  context: LeadContext & { lead: NonNullable<LeadContext['lead']> };
  now: number;
  /** When the cache last heard from the marketing system. */
  syncedAt: number | null;
  reasons: FeedbackReason[];
  onFeedback: (verdict: Verdict, note: string, reasonCode?: string) => Promise<void>;
  onAction: (action: HandoffAction, note: string) => Promise<void>;
  /** The options page's Definitions (what the stages, grades and rules mean), where the card can link to it. */
  definitionsUrl?: string;
  /** Who else at the lead's company is engaging (AccountSection), below what is due and what to do. */
  account?: ComponentChildren;
  /** The way back to the card this one was opened from, first in the card (and in the tab order). */
  back?: ComponentChildren;
}

export function LeadCard({ context, now, syncedAt, reasons, onFeedback, onAction, definitionsUrl, account, back }: LeadCardProps) {
  const { lead, handoff, sla, touches } = context;
  return (
    <section class="ll-card" role="region" lang={t('languageTag')} aria-label={t('cardName', lead.name)} data-email={context.email} tabIndex={-1}>
      {back}
      <CardHeader lead={lead} />

      <div class="ll-score-row">
        <p class="ll-score" aria-label={t('scoreSummary', lead.score, lead.grade)}>
          <strong>{lead.score}</strong>
          <span class="ll-muted">/100</span> <span class="ll-grade">{lead.grade}</span>
        </p>
        <ScoreMatrix lead={lead} />
      </div>
      <WhyScore lead={lead} fit={context.fit ?? null} />
      <QualifiedBy rule={lead.qualifiedBy ?? handoff?.rule} definitionsUrl={definitionsUrl} />

      {sla && <SlaCountdown sla={sla} now={now} />}

      <FeedbackBar handoffStatus={handoff?.status ?? null} reasons={reasons} given={context.latestVerdict ?? null} onFeedback={onFeedback} onAction={onAction} />

      {account}

      <h3>{t('marketingTouches')}</h3>
      <TouchTimeline touches={touches} />

      <p class="ll-fresh ll-muted">{syncedAt ? t('updatedAgo', formatAge(now - syncedAt)) : t('notSyncedYet')}</p>
    </section>
  );
}

type Lead = LeadCardProps['context']['lead'];

/** Who the lead is, their stage, and the way to their record in the CRM. */
function CardHeader({ lead }: { lead: Lead }) {
  return (
    <header class="ll-head">
      <div>
        <h2 class="ll-name">
          <bdi>{lead.name}</bdi>
        </h2>
        <p class="ll-muted ll-subtitle">
          {[lead.title, lead.company].filter(Boolean).map((part, index) => (
            <Fragment key={index}>
              {index > 0 && ' · '}
              <bdi>{part}</bdi>
            </Fragment>
          ))}
        </p>
      </div>
      <div class="ll-head-side">
        <span class="ll-stage" data-stage={lead.stage}>
          {t(STAGE_LABELS[lead.stage])}
        </span>
        {lead.crmUrl && (
          <a class="ll-crm" href={lead.crmUrl} target="_blank" rel="noopener noreferrer">
            {t('openInCrm')}
            <span class="ll-sr"> {t('opensInCrm')}</span>
          </a>
        )}
      </div>
    </header>
  );
}

/** The rule that qualified the lead, linked to the options' Definitions where the card can. */
function QualifiedBy({ rule, definitionsUrl }: { rule: string | undefined; definitionsUrl: string | undefined }) {
  if (!rule) return null;
  return (
    <p class="ll-qualified">
      <span class="ll-muted">{t('qualifiedBy')} </span>
      <bdi>{rule}</bdi>
      {definitionsUrl && (
        <>
          {' · '}
          <a href={definitionsUrl} target="_blank" rel="noopener noreferrer">
            {t('definitions')}
          </a>
        </>
      )}
    </p>
  );
}
