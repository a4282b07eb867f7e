// One click tells marketing what the rep thinks of the lead; a verdict with reasons set up asks
// "why?" with one more, which the rep may skip. The verdict given shows pressed, with when; another
// replaces it (the background sends each distinct one and ignores a repeat). The handoff actions
// move the handoff along. Each click is stored locally at once and delivered in the background.
import { Fragment } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { LatestVerdict } from '../../lib/cache/lead-context';
import type { HandoffAction, HandoffStatus, Verdict } from '../../lib/domain/model';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import { VERDICTS } from '../../lib/domain/vocabulary';
import { formatDayTime } from '../../lib/ui/format';
import { describeError } from '../../lib/ui/errors';
import { ErrorDetail } from '../ErrorDetail';
import { t } from '../../lib/ui/i18n';
import { ACTION_LABELS, reasonLabel, VERDICT_LABELS, verdictText } from './strings';

export interface FeedbackBarProps {
  handoffStatus: HandoffStatus | null;
  /** The reasons marketing-ops set up, per verdict. */
  reasons: FeedbackReason[];
  /** The rep's latest verdict on this lead, from the feedback log. */
  given: Omit<LatestVerdict, 'id'> | null;
  onFeedback: (verdict: Verdict, note: string, reasonCode?: string) => Promise<void>;
  onAction: (action: HandoffAction, note: string) => Promise<void>;
}

/** Which actions make sense from each handoff status. */
const ACTIONS_FROM: Record<HandoffStatus, HandoffAction[]> = {
  pending: ['accept', 'contacted', 'reject'],
  accepted: ['contacted', 'reject'],
  contacted: [],
  rejected: [],
};

/** The bar's state: the note, the verdict asking for a reason, and one write at a time. */
function useFeedback({ reasons, given, onFeedback }: Pick<FeedbackBarProps, 'reasons' | 'given' | 'onFeedback'>) {
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState<Verdict | null>(null);
  const verdictButtons = useRef(new Map<Verdict, HTMLButtonElement>());
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  // What this card just sent, until the log's answer is as new.
  const [sent, setSent] = useState<Omit<LatestVerdict, 'id'> | null>(null);
  const latest = sent && (!given || sent.at >= given.at) ? sent : given;

  // Buttons stay enabled while a write is under way (a disabled button drops keyboard focus);
  // a second click meanwhile is ignored instead.
  async function run(label: string, write: () => Promise<void>, after?: () => void) {
    if (busy) return;
    setBusy(true);
    try {
      await write();
      setSaved(t('saved', label));
      setFailure('');
      setNote('');
      after?.();
      if (asking) {
        // The reason buttons go away: focus goes back to the verdict, so it stays in the card.
        verdictButtons.current.get(asking)?.focus();
        setAsking(null);
      }
    } catch (error) {
      const described = describeError((error as { code?: string } | null)?.code, error instanceof Error ? error.message : String(error));
      setSaved(t('notSaved', described.text));
      setFailure(described.detail);
    } finally {
      setBusy(false);
    }
  }

  const give = (verdict: Verdict, reasonCode?: string) =>
    run(
      verdictText(verdict, reasonCode, reasons),
      () => (reasonCode ? onFeedback(verdict, note, reasonCode) : onFeedback(verdict, note)),
      () => setSent({ verdict, reasonCode: reasonCode ?? verdict, at: Date.now() }),
    );
  const reasonsFor = (verdict: Verdict) => reasons.filter((reason) => reason.verdict === verdict);
  function choose(verdict: Verdict) {
    if (reasonsFor(verdict).length > 0) setAsking(asking === verdict ? null : verdict);
    else void give(verdict);
  }
  return { note, setNote, asking, verdictButtons, saved, failure, busy, latest, run, give, reasonsFor, choose };
}

type FeedbackState = ReturnType<typeof useFeedback>;

/** The verdict buttons, each followed by its reasons while it asks "why?". */
function VerdictButtons({ feedback }: { feedback: FeedbackState }) {
  const { asking, verdictButtons, busy, latest, give, reasonsFor, choose } = feedback;
  return (
    <div class="ll-buttons" role="group" aria-label={t('feedbackGroup')}>
      {VERDICTS.map((verdict) => (
        // The reasons follow their verdict, in the page and so in the tab order.
        <Fragment key={verdict}>
          <button
            type="button"
            ref={(button) => {
              if (button) verdictButtons.current.set(verdict, button);
            }}
            aria-disabled={busy}
            aria-pressed={latest?.verdict === verdict}
            aria-expanded={reasonsFor(verdict).length > 0 ? asking === verdict : undefined}
            onClick={() => choose(verdict)}
          >
            {t(VERDICT_LABELS[verdict])}
          </button>
          {asking === verdict && <ReasonButtons feedback={feedback} verdict={verdict} />}
        </Fragment>
      ))}
    </div>
  );
}

function ReasonButtons({ feedback, verdict }: { feedback: FeedbackState; verdict: Verdict }) {
  const { busy, latest, give, reasonsFor } = feedback;
  return (
    <div class="ll-buttons ll-reasons" role="group" aria-label={t('reasonPick')}>
      <span class="ll-muted">{t('reasonPick')}</span>
      {reasonsFor(verdict).map((reason) => (
        <button
          type="button"
          key={reason.code}
          aria-disabled={busy}
          aria-pressed={latest?.verdict === verdict && latest.reasonCode === reason.code}
          onClick={() => give(verdict, reason.code)}
        >
          {reasonLabel(reason)}
        </button>
      ))}
      <button type="button" class="ll-quiet" aria-disabled={busy} onClick={() => give(verdict)}>
        {t('reasonSkip')}
      </button>
    </div>
  );
}

export function FeedbackBar({ handoffStatus, reasons, given, onFeedback, onAction }: FeedbackBarProps) {
  const feedback = useFeedback({ reasons, given, onFeedback });
  const { note, setNote, saved, busy, latest, run } = feedback;
  const actions = handoffStatus ? ACTIONS_FROM[handoffStatus] : [];
  return (
    <div class="ll-feedback">
      {latest && (
        <p class="ll-given">
          {t('verdictGiven', verdictText(latest.verdict, latest.reasonCode, reasons), formatDayTime(latest.at))}
        </p>
      )}
      <VerdictButtons feedback={feedback} />
      <label class="ll-note">
        <span>{t('noteOptional')}</span>
        <textarea value={note} maxLength={2000} rows={1} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      {actions.length > 0 && (
        <div class="ll-buttons ll-actions" role="group" aria-label={t('handoffGroup')}>
          {actions.map((action) => (
            <button type="button" key={action} aria-disabled={busy} onClick={() => run(t(ACTION_LABELS[action]), () => onAction(action, note))}>
              {t(ACTION_LABELS[action])}
            </button>
          ))}
        </div>
      )}
      <p class="ll-saved" role="status">
        {saved}
      </p>
      <ErrorDetail detail={feedback.failure} />
    </div>
  );
}
