'use client';

import { useId, type Ref } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { checkboxClassName, describedBy, hintClassName } from '@/components/ui/form-styles';
import {
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '@/lib/webhooks/events';

export type EventChoice = { allEvents: boolean; filterTypes: WebhookEventType[] };

type Props = EventChoice & {
  onChange: (next: EventChoice) => void;
  /** The "All events" checkbox: the field's focus when it has an error. */
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
};

/**
 * "Events to send": All events (also types Keydesk adds later), or the types checked. Checking a
 * type leaves All events; checking All events clears the types. Each checkbox is named by its
 * type string (`license_key.created`), as receivers switch on it, and described in words.
 */
export function EventTypesFieldset({ allEvents, filterTypes, onChange, inputRef, error }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function toggle(type: WebhookEventType, checked: boolean) {
    const chosen = allEvents ? [] : filterTypes.filter((other) => other !== type);
    onChange({ allEvents: false, filterTypes: checked ? [...chosen, type] : chosen });
  }

  return (
    <fieldset aria-describedby={describedBy(hintId, error && errorId)}>
      <legend className="block text-sm font-medium text-slate-900">Events to send</legend>
      <p id={hintId} className={hintClassName}>
        All events includes the types Keydesk adds later.
      </p>
      <div className="mt-3 space-y-3">
        <div className="flex items-center gap-3">
          <input
            ref={inputRef}
            id={`${id}-all`}
            type="checkbox"
            checked={allEvents}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange({ allEvents: event.target.checked, filterTypes: [] })}
            className={checkboxClassName}
          />
          <label htmlFor={`${id}-all`} className="text-sm font-medium text-slate-900">
            All events
          </label>
        </div>
        <ul className="space-y-2 border-l-2 border-slate-200 pl-4">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <li key={type} className="flex items-start gap-3">
              <input
                id={`${id}-${type}`}
                type="checkbox"
                checked={!allEvents && filterTypes.includes(type)}
                onChange={(event) => toggle(type, event.target.checked)}
                aria-describedby={`${id}-${type}-label`}
                className={`${checkboxClassName} mt-0.5 shrink-0`}
              />
              <div className="min-w-0">
                <label
                  htmlFor={`${id}-${type}`}
                  className="font-mono text-sm break-all text-slate-900"
                >
                  {type}
                </label>
                <p id={`${id}-${type}-label`} className="text-sm text-slate-600">
                  {WEBHOOK_EVENT_LABELS[type]}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
