// A setting that needs the browser's permission: the box turns on only once the browser has
// granted it, and shows what is saved until then. Turning it off asks nothing.
export interface GrantedCheckboxProps {
  checked: boolean;
  label: string;
  /** Asks the browser; false when the user said no. */
  grant: () => Promise<boolean>;
  onChange: (on: boolean) => void;
}

export function GrantedCheckbox({ checked, label, grant, onChange }: GrantedCheckboxProps) {
  async function toggle(on: boolean) {
    if (on && !(await grant())) return;
    onChange(on);
  }
  return (
    <label>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          const wanted = event.currentTarget.checked;
          event.currentTarget.checked = checked; // until the browser said yes
          void toggle(wanted);
        }}
      />{' '}
      {label}
    </label>
  );
}
