// One click tells marketing what the rep thinks of the lead; a verdict with reasons set up asks
// "why?" with one more, which the rep may skip. The handoff actions move the handoff along. Each
// click is stored locally at once and delivered in the background, so it is never lost.
import { useRef, useState } from 'preact/hooks';
import type { HandoffAction, HandoffStatus, Verdict } from '../../lib/domain/model';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import { VERDICTS } from '../../lib/domain/vocabulary';
import { t } from '../../lib/ui/i18n';
import { ACTION_LABELS, reasonLabel, VERDICT_LABELS } from './strings';

export interface FeedbackBarProps {
  handoffStatus: HandoffStatus | null;
  /** The reasons marketing-ops set up, per verdict. */
  reasons: FeedbackReason[];
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

export function FeedbackBar({ handoffStatus, reasons, onFeedback, onAction }: FeedbackBarProps) {
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState<Verdict | null>(null);
  const verdictButtons = useRef(new Map<Verdict, HTMLButtonElement>());
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  // Buttons stay enabled while a write is under way (a disabled button drops keyboard focus);
  // a second click meanwhile is ignored instead.
  async function run(label: string, write: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await write();
      setSaved(t('saved', label));
      setNote('');
      if (asking) {
        // The reason buttons go away: focus goes back to the verdict, so it stays in the card.
        verdictButtons.current.get(asking)?.focus();
        setAsking(null);
      }
    } catch (error) {
      setSaved(t('notSaved', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  }

  const actions = handoffStatus ? ACTIONS_FROM[handoffStatus] : [];
  const reasonsFor = (verdict: Verdict) => reasons.filter((reason) => reason.verdict === verdict);
  function choose(verdict: Verdict) {
    if (reasonsFor(verdict).length > 0) setAsking(asking === verdict ? null : verdict);
    else void run(t(VERDICT_LABELS[verdict]), () => onFeedback(verdict, note));
  }
  return (
    <div class="ll-feedback">
      <div class="ll-buttons" role="group" aria-label={t('feedbackGroup')}>
        {VERDICTS.map((verdict) => (
          <button
            type="button"
            key={verdict}
            ref={(button) => {
              if (button) verdictButtons.current.set(verdict, button);
            }}
            aria-disabled={busy}
            aria-expanded={reasonsFor(verdict).length > 0 ? asking === verdict : undefined}
            onClick={() => choose(verdict)}
          >
            {t(VERDICT_LABELS[verdict])}
          </button>
        ))}
      </div>
      {asking && (
        <div class="ll-buttons ll-reasons" role="group" aria-label={t('reasonPick')}>
          <span class="ll-muted">{t('reasonPick')}</span>
          {reasonsFor(asking).map((reason) => (
            <button
              type="button"
              key={reason.code}
              aria-disabled={busy}
              onClick={() => run(`${t(VERDICT_LABELS[asking])}: ${reasonLabel(reason)}`, () => onFeedback(asking, note, reason.code))}
            >
              {reasonLabel(reason)}
            </button>
          ))}
          <button type="button" class="ll-quiet" aria-disabled={busy} onClick={() => run(t(VERDICT_LABELS[asking]), () => onFeedback(asking, note))}>
            {t('reasonSkip')}
          </button>
        </div>
      )}
      <label class="ll-note">
        <span>{t('noteOptional')}</span>
        <textarea value={note} maxLength={2000} rows={2} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      {actions.length > 0 && (
        <div class="ll-buttons" role="group" aria-label={t('handoffGroup')}>
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
    </div>
  );
}
