import type { Failure } from '@/lib/result';
import { WEBHOOK_URL_MESSAGES, type WebhookUrlRefusalCode } from '@/lib/webhooks/schema';
import { ApiError } from './api-error';

// The one table from the data layer's failure codes to the REST API's answers: status, Dodo's
// `code` and a message for people. Route handlers throw `apiFailure(result)`; apiRoute answers it.

type Answer = {
  status: number;
  code: string;
  message: (detail: Failure<string>['detail']) => string;
  errors?: Record<string, string[]>;
};

const ANSWERS = {
  CUSTOMER_NOT_FOUND: {
    status: 404,
    code: 'CUSTOMER_NOT_FOUND',
    message: () => 'Customer not found.',
  },
  // Dodo checks the customer first.
  CUSTOMER_AND_PRODUCT_NOT_FOUND: {
    status: 404,
    code: 'CUSTOMER_NOT_FOUND',
    message: () => 'Customer not found.',
  },
  PRODUCT_NOT_FOUND: {
    status: 404,
    code: 'PRODUCT_NOT_FOUND',
    message: () => 'Product not found.',
  },
  // Dodo refuses to sell an archived product; Keydesk refuses it new keys, on the field that named it.
  PRODUCT_ARCHIVED: {
    status: 422,
    code: 'PRODUCT_ARCHIVED',
    message: () => 'This product is archived: it takes no new license keys. Unarchive it first.',
    errors: { product_id: ['The product is archived.'] },
  },
  LICENSE_KEY_NOT_FOUND: {
    status: 404,
    code: 'LICENSE_KEY_NOT_FOUND',
    message: () => 'License key not found.',
  },
  LICENSE_KEY_INSTANCE_NOT_FOUND: {
    status: 404,
    code: 'LICENSE_KEY_INSTANCE_NOT_FOUND',
    message: () => 'License key instance not found.',
  },
  KEY_TAKEN: {
    status: 409,
    code: 'LICENSE_KEY_ALREADY_EXISTS',
    message: () => 'A license key with this key already exists.',
  },
  CUSTOMER_EMAIL_TAKEN: {
    status: 409,
    code: 'CUSTOMER_ALREADY_EXISTS',
    message: () => 'Another customer of this business has this email address.',
  },
  LIMIT_BELOW_ACTIVATIONS: {
    status: 422,
    code: 'ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT',
    message: (detail) =>
      `The activations limit cannot be below the ${detail?.instancesCount ?? 'current number of'} activations in use.`,
    errors: { activations_limit: ['Below the current number of activations.'] },
  },
  INACTIVE_LICENSE_KEY: {
    status: 403,
    code: 'INACTIVE_LICENSE_KEY',
    message: () => 'This license key is disabled or has expired.',
  },
  LICENSE_KEY_LIMIT_REACHED: {
    status: 422,
    code: 'LICENSE_KEY_LIMIT_REACHED',
    message: () =>
      'This license key has reached its activations limit. Deactivate an instance first.',
  },
  WEBHOOK_NOT_FOUND: {
    status: 404,
    code: 'WEBHOOK_NOT_FOUND',
    message: () => 'Webhook not found.',
  },
  WEBHOOK_ITERATOR_INVALID: {
    status: 422,
    code: 'INVALID_REQUEST_BODY',
    message: () => 'Invalid request: check iterator.',
    errors: { iterator: ['Not an iterator Keydesk answered: start again without one.'] },
  },
  ...webhookUrlAnswers(),
} as const satisfies Record<string, Answer>;

/** A refused webhook URL: 422 with its own code, the message on the `url` field. */
function webhookUrlAnswers(): Record<WebhookUrlRefusalCode, Answer> {
  const answers = {} as Record<WebhookUrlRefusalCode, Answer>;
  for (const code of Object.keys(WEBHOOK_URL_MESSAGES) as WebhookUrlRefusalCode[]) {
    const message = WEBHOOK_URL_MESSAGES[code];
    answers[code] = { status: 422, code, message: () => message, errors: { url: [message] } };
  }
  return answers;
}

export type ApiFailureCode = keyof typeof ANSWERS;

/** The API's answer to an expected failure of the data layer, to throw from a route handler. */
export function apiFailure(failure: Failure<ApiFailureCode>): ApiError {
  const answer: Answer = ANSWERS[failure.code];
  return new ApiError(
    answer.status,
    answer.code,
    answer.message(failure.detail),
    answer.errors ? { errors: answer.errors } : undefined,
  );
}

/** The value of a data function's result, or the API's answer to its failure, thrown. */
export function valueOrThrow<T, C extends ApiFailureCode>(
  result: { ok: true; value: T } | Failure<C>,
): T {
  if (result.ok) return result.value;
  throw apiFailure(result);
}
