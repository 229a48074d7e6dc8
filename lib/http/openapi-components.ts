import { z } from 'zod';
import {
  apiCreateCustomerSchema,
  apiCustomerListSchema,
  apiCustomerSchema,
  apiListCustomersQuerySchema,
  apiUpdateCustomerSchema,
} from '@/lib/customers/api-schema';
import {
  apiLicenseKeyInstanceListSchema,
  apiLicenseKeyInstanceSchema,
  apiListLicenseKeyInstancesQuerySchema,
  apiUpdateLicenseKeyInstanceSchema,
} from '@/lib/license-key-instances/api-schema';
import {
  apiCreateLicenseKeySchema,
  apiLicenseKeyListSchema,
  apiLicenseKeySchema,
  apiListLicenseKeysQuerySchema,
  apiUpdateLicenseKeySchema,
} from '@/lib/license-keys/api-schema';
import {
  apiActivateLicenseResponseSchema,
  apiActivateLicenseSchema,
  apiDeactivateLicenseResponseSchema,
  apiDeactivateLicenseSchema,
  apiValidateLicenseResponseSchema,
  apiValidateLicenseSchema,
} from '@/lib/licenses/api-schema';
import {
  apiCreateProductSchema,
  apiListProductsQuerySchema,
  apiProductListSchema,
  apiProductSchema,
  apiUpdateProductSchema,
} from '@/lib/products/api-schema';
import {
  apiCreateWebhookSchema,
  apiListWebhooksQuerySchema,
  apiUpdateWebhookSchema,
  apiWebhookListSchema,
  apiWebhookSchema,
  apiWebhookSecretSchema,
} from '@/lib/webhooks/api-schema';

// The schemas of the OpenAPI document (./openapi.ts) that become its components: the Zod schemas the
// route handlers parse bodies and queries with, and those of the serializers' answers.
// No server imports: the docs page and GET /api/openapi.json both render the document.

/** `{ code, message }`, plus `errors` by field on a 422 from validation. */
const apiErrorBodySchema = z.object({
  code: z.string().meta({ description: 'Stable, machine-readable: switch on this.' }),
  message: z.string().meta({ description: 'For people; may change.' }),
  errors: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .meta({ description: 'On a 422 from validation: messages by field (nested fields dotted).' }),
});

/** Answers: what the serializers return. */
export const responseSchemas = {
  LicenseKey: apiLicenseKeySchema,
  LicenseKeyList: apiLicenseKeyListSchema,
  LicenseKeyInstance: apiLicenseKeyInstanceSchema,
  LicenseKeyInstanceList: apiLicenseKeyInstanceListSchema,
  ActivateLicenseResponse: apiActivateLicenseResponseSchema,
  DeactivateLicenseResponse: apiDeactivateLicenseResponseSchema,
  ValidateLicenseResponse: apiValidateLicenseResponseSchema,
  Customer: apiCustomerSchema,
  CustomerList: apiCustomerListSchema,
  Product: apiProductSchema,
  ProductList: apiProductListSchema,
  Webhook: apiWebhookSchema,
  WebhookList: apiWebhookListSchema,
  WebhookSecret: apiWebhookSecretSchema,
  EmptyResponse: z
    .object({})
    .meta({ description: 'Always {}: the SDK resolves these calls to nothing.' }),
  Error: apiErrorBodySchema,
  HealthResponse: z.object({ status: z.literal('ok') }),
  OpenApiDocument: z
    .object({ openapi: z.literal('3.1.0'), info: z.object({}), paths: z.object({}) })
    .meta({ description: 'This document.' }),
} satisfies Record<string, z.ZodType>;

/** Request bodies: what the route handlers accept. */
export const requestSchemas = {
  CreateLicenseKeyRequest: apiCreateLicenseKeySchema,
  UpdateLicenseKeyRequest: apiUpdateLicenseKeySchema,
  UpdateLicenseKeyInstanceRequest: apiUpdateLicenseKeyInstanceSchema,
  UpdateCustomerRequest: apiUpdateCustomerSchema,
  ActivateLicenseRequest: apiActivateLicenseSchema,
  DeactivateLicenseRequest: apiDeactivateLicenseSchema,
  ValidateLicenseRequest: apiValidateLicenseSchema,
  CreateCustomerRequest: apiCreateCustomerSchema,
  CreateProductRequest: apiCreateProductSchema,
  UpdateProductRequest: apiUpdateProductSchema,
  CreateWebhookRequest: apiCreateWebhookSchema,
  UpdateWebhookRequest: apiUpdateWebhookSchema,
} satisfies Record<string, z.ZodType>;

/** Query strings of the list endpoints, one parameter per field. */
export const querySchemas = {
  ListLicenseKeysQuery: apiListLicenseKeysQuerySchema,
  ListLicenseKeyInstancesQuery: apiListLicenseKeyInstancesQuerySchema,
  ListCustomersQuery: apiListCustomersQuerySchema,
  ListProductsQuery: apiListProductsQuerySchema,
  ListWebhooksQuery: apiListWebhooksQuerySchema,
} satisfies Record<string, z.ZodType>;
