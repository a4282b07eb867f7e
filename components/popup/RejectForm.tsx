// Rejecting a handoff asks why: a verdict, or one of its reasons, in the team's words. Escape or
// Cancel closes the form, and the row gives focus back to its Reject button.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/ui/i18n';
import type { FeedbackReason } from '../../lib/domain/settings-schema';
import { VERDICTS } from '../../lib/domain/vocabulary';
import { reasonLabel, VERDICT_LABELS } from '../card/strings';

/** A rejection says which verdict it is: any but "good lead". */
const REJECT_VERDICTS = VERDICTS.filter((verdict) => verdict !== 'good_lead');

export interface RejectFormProps {
  /** The reasons set up for the verdicts other than "good lead". */
  reasons: FeedbackReason[];
  onReject: (reasonCode: string) => void;
  onCancel: () => void;
}

export function RejectForm({ reasons, onReject, onCancel }: RejectFormProps) {
  const select = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => select.current?.focus(), []);
  return (
    <form
      class="reject-form"
      onSubmit={(event) => {
        event.preventDefault();
        onReject(select.current!.value);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <label>
        {t('rejectReason')}{' '}
        <select name="reason" ref={select}>
          {REJECT_VERDICTS.map((verdict) => (
            <optgroup key={verdict} label={t(VERDICT_LABELS[verdict])}>
              <option value={verdict}>{t(VERDICT_LABELS[verdict])}</option>
              {reasons
                .filter((reason) => reason.verdict === verdict)
                .map((reason) => (
                  <option key={reason.code} value={reason.code}>
                    {`${t(VERDICT_LABELS[verdict])}: ${reasonLabel(reason)}`}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p class="reject-hint">{t('rejectHint')}</p>
      <div class="reject-buttons">
        <button type="submit">{t('confirmReject')}</button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
