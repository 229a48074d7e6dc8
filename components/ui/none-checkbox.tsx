import { useId } from 'react';
import { checkboxClassName } from './form-styles';

/**
 * The checkbox beside a field's control that switches its value off ("Unlimited activations",
 * "Never expires"); see `useOptionalValue`.
 */
export function NoneCheckbox({
  label,
  checked,
  onChange,
  describedBy,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describedBy?: string;
}) {
  const id = useId();
  return (
    <div className="mt-1 flex items-center gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={describedBy}
        className={checkboxClassName}
      />
      <label htmlFor={id} className="text-sm text-slate-900">
        {label}
      </label>
    </div>
  );
}
