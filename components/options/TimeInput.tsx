// A time of day on the 24-hour clock, typed: the browser's own time input shows AM/PM in an English
// locale and reads oddly to screen readers. "8:30", "0830", "８：３０" and "8" are taken as 08:30
// and 08:00; anything else is kept as typed, marked invalid, and the settings refuse it on save.
import { useState } from 'preact/hooks';
import { t } from '../../lib/ui/i18n';

/** HH:MM from what a person types, or null when it is not a time of day. */
export function parseClockTime(typed: string): string | null {
  const text = typed.normalize('NFKC').trim();
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export interface TimeInputProps {
  value: string;
  label: string;
  /** Unique on the page: names the input's error message. */
  name: string;
  disabled?: boolean;
  /** The id of the text saying the format, for screen readers. */
  describedBy: string;
  onChange: (value: string) => void;
}

export function TimeInput({ value, label, name, disabled, describedBy, onChange }: TimeInputProps) {
  // While the rep types, the box shows what was typed; the settings get the time once it is one.
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? value;
  const invalid = !disabled && shown !== '' && parseClockTime(shown) === null;
  const errorId = `${name}-error`;
  return (
    <>
      <input
        type="text"
        name={name}
        class="time"
        inputMode="numeric"
        autocomplete="off"
        size={5}
        maxLength={5}
        placeholder={disabled ? undefined : '09:00'}
        aria-label={label}
        aria-describedby={invalid ? `${describedBy} ${errorId}` : describedBy}
        aria-invalid={invalid}
        disabled={disabled}
        value={disabled ? '' : shown}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setTyped(text);
          onChange(parseClockTime(text) ?? text);
        }}
        onBlur={() => setTyped(null)}
      />
      {invalid && (
        <span class="error field-error" id={errorId}>
          {t('timeInvalid')}
        </span>
      )}
    </>
  );
}
