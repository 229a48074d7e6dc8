import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

type Trigger = 'typing' | 'keyboard' | 'pointer' | 'open';

/**
 * The open/closed state and the active option of a combobox's list, and its keyboard, as Headless
 * UI's Combobox had them: typing opens the list and makes the first option active (again as
 * results arrive); ArrowDown/ArrowUp open it on the chosen option (or the first/last) and then move;
 * Home/End and PageUp/PageDown go to the ends; Enter chooses the active option (with none it
 * closes; a closed list lets Enter submit the form); Tab chooses the option the user went to, not
 * one merely shown as chosen; Escape closes. Closing forgets what was typed. (Emptying the input
 * clears the choice: AsyncCombobox.)
 */
export function useComboboxList<T>({
  options,
  optionKey,
  value,
  onChoose,
  onClose,
}: {
  options: T[];
  optionKey: (option: T) => string;
  value: T | null;
  onChoose: (option: T) => void;
  onClose: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState<string | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [trigger, setTrigger] = useState<Trigger>('open');
  const inputRef = useRef<HTMLInputElement | null>(null);

  let active: number | null = null;
  if (open && options.length > 0) {
    const index = activeKey === null ? -1 : options.findIndex((o) => optionKey(o) === activeKey);
    if (index >= 0) active = index;
    else if (trigger === 'typing') active = 0;
  }

  function activate(index: number, by: Trigger = 'pointer') {
    const option = options[index];
    if (!option) return;
    setActiveKey(optionKey(option));
    setTrigger(by);
  }

  function openList(end: 'first' | 'last') {
    setOpen(true);
    setTrigger('open');
    const chosen =
      value === null ? -1 : options.findIndex((o) => optionKey(o) === optionKey(value));
    const index = chosen >= 0 ? chosen : end === 'first' ? 0 : options.length - 1;
    setActiveKey(options[index] ? optionKey(options[index]) : null);
  }

  function close() {
    setOpen(false);
    setTyped(null);
    setActiveKey(null);
    onClose();
  }

  function choose(option: T) {
    onChoose(option);
    close();
  }

  function move(to: 'next' | 'previous' | 'first' | 'last') {
    if (options.length === 0) return;
    const last = options.length - 1;
    const from = active ?? (to === 'next' ? -1 : options.length);
    const index = {
      next: Math.min(from + 1, last),
      previous: Math.max(from - 1, 0),
      first: 0,
      last,
    }[to];
    activate(index, 'keyboard');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const stop = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'Enter':
        if (!open || event.nativeEvent.isComposing) return;
        stop();
        if (active === null) close();
        else choose(options[active]);
        return;
      case 'ArrowDown':
      case 'ArrowUp':
        stop();
        if (open) move(event.key === 'ArrowDown' ? 'next' : 'previous');
        else openList(event.key === 'ArrowDown' ? 'first' : 'last');
        return;
      case 'Home':
      case 'End':
        if (!open || event.shiftKey) return;
        stop();
        move(event.key === 'Home' ? 'first' : 'last');
        return;
      case 'PageUp':
      case 'PageDown':
        stop();
        move(event.key === 'PageUp' ? 'first' : 'last');
        return;
      case 'Escape':
        if (!open) return;
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      case 'Tab':
        if (!open) return;
        if (active !== null && trigger !== 'open') choose(options[active]);
        else close();
        return;
    }
  }

  /** Keeps the active option in view as the arrows move through a long list. */
  const activeRef = useCallback((element: HTMLElement | null) => {
    element?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return {
    open,
    active,
    typed,
    inputRef,
    activeRef,
    activate,
    choose,
    close,
    onKeyDown,
    type(text: string) {
      setTyped(text);
      setOpen(true);
      setActiveKey(null);
      // An emptied input has no option active until the user types or moves again.
      setTrigger(text === '' ? 'open' : 'typing');
    },
    toggle() {
      if (open) close();
      else openList('first');
      inputRef.current?.focus();
    },
  };
}
