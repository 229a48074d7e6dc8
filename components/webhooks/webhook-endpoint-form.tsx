'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm, type ActionResult } from '@/components/ui/use-action-form';
import { Controller, useWatch } from '@/components/ui/use-form';
import { createWebhookEndpointAction, updateWebhookEndpointAction } from '@/lib/webhooks/actions';
import type { WebhookEventType } from '@/lib/webhooks/events';
import { WEBHOOK_DESCRIPTION_MAX_LENGTH, WEBHOOK_URL_MAX_LENGTH } from '@/lib/webhooks/limits';
import type { WebhookEndpointFormValues } from '@/lib/webhooks/schema';
import { EventTypesFieldset } from './event-types-fieldset';

/** The fields in page order: the first invalid one gets the focus. */
const FIELD_ORDER = ['url', 'description', 'filterTypes'] as const;

const NEW_ENDPOINT: WebhookEndpointFormValues = {
  url: '',
  description: '',
  allEvents: true,
  filterTypes: [],
};

type Props = {
  /** The endpoint to edit; without one the form adds an endpoint. */
  endpoint?: {
    id: string;
    url: string;
    description: string;
    filterTypes: WebhookEventType[];
  };
  /** Shown as a Cancel button beside Save endpoint. */
  onCancel?: () => void;
  /** The URL box takes the focus when the form appears (opened by "Add endpoint"). */
  focusOnMount?: boolean;
};

/**
 * An endpoint's URL, description and event types: "Add endpoint" (on success the action opens the
 * new endpoint's page) and the endpoint page's form (it stays, and says it saved). Validates with
 * the action's own schema; the server's refusals (a URL that leads to a private address) show on
 * their fields.
 */
export function WebhookEndpointForm({ endpoint, onCancel, focusOnMount = false }: Props) {
  const [saved, setSaved] = useState('');
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/webhooks/schema').then((m) => m.webhookEndpointFormSchema),
    defaultValues: endpoint
      ? {
          url: endpoint.url,
          description: endpoint.description,
          allEvents: endpoint.filterTypes.length === 0,
          filterTypes: endpoint.filterTypes,
        }
      : NEW_ENDPOINT,
    fields: FIELD_ORDER,
    action: (values): Promise<ActionResult> =>
      endpoint
        ? updateWebhookEndpointAction(endpoint.id, values)
        : createWebhookEndpointAction(values),
    onStart: () => setSaved(''),
    onSuccess: () => setSaved('Endpoint saved.'),
    failureMessage: 'The endpoint could not be saved. Try again.',
    networkErrorMessage:
      'The endpoint could not be saved because the server did not answer. Check your connection and try again.',
  });
  const { control, register, formState, setValue } = form;
  const { errors } = formState;
  const allEvents = useWatch({ control, name: 'allEvents' });

  // The server renders the form, and its code arrives after the page: until it has hydrated, its
  // fields are disabled, so that nothing typed or ticked before is lost or out of step.
  const hydrated = useSyncExternalStore(noSubscription, isClient, isServer);

  useEffect(() => {
    if (focusOnMount) form.setFocus('url');
  }, [focusOnMount, form]);

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-[40rem]">
      <fieldset disabled={!hydrated} className="m-0 min-w-0 space-y-6 border-0 p-0">
        <FormAlert message={formError} />
        <TextField
          label="Endpoint URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={WEBHOOK_URL_MAX_LENGTH}
          hint="Where Keydesk sends events, with a POST: https://, at a public address."
          error={errors.url?.message}
          {...register('url')}
        />
        <TextField
          label="Description"
          autoComplete="off"
          maxLength={WEBHOOK_DESCRIPTION_MAX_LENGTH}
          hint="Optional. What receives the events, e.g. “CRM sync”."
          error={errors.description?.message}
          {...register('description')}
        />
        <Controller
          control={control}
          name="filterTypes"
          render={({ field, fieldState }) => (
            <EventTypesFieldset
              allEvents={allEvents}
              filterTypes={field.value as WebhookEventType[]}
              inputRef={field.ref}
              error={fieldState.error?.message}
              onChange={(next) => {
                setValue('allEvents', next.allEvents);
                field.onChange(next.filterTypes);
              }}
            />
          )}
        />
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
          <Button type="submit" pending={pending}>
            Save endpoint
          </Button>
          {onCancel ? (
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <p role="status" className="text-sm text-green-800">
            {saved}
          </p>
        </div>
      </fieldset>
    </form>
  );
}

const noSubscription = () => () => {};
const isClient = () => true;
const isServer = () => false;
