import { useState } from 'react';

/**
 * A form value with a "none" checkbox next to it ("Unlimited activations", "Never expires"): the
 * value is null while the box is checked. Checking it remembers the value; unchecking it brings
 * back the last remembered value, or `fallback`. `remember` says which values are worth keeping
 * (not an empty box, say).
 */
export function useOptionalValue<T>({
  value,
  onChange,
  fallback,
  remember = () => true,
}: {
  value: T | null;
  onChange: (value: T | null) => void;
  fallback: T;
  remember?: (value: T) => boolean;
}) {
  const [last, setLast] = useState<T>(() => (value !== null && remember(value) ? value : fallback));

  function setNone(none: boolean) {
    if (!none) {
      onChange(last);
      return;
    }
    if (value !== null && remember(value)) setLast(value);
    onChange(null);
  }

  return {
    /** Whether the value is switched off (null). */
    none: value === null,
    /** The value to show: the current one, else the one that comes back. */
    shown: value ?? last,
    setNone,
  };
}
